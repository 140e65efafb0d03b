"""Session 14's two unseen sets (reports/redaction.md, "Sessie 14 gemeten"), each written blind for the purpose
and measured on main before and after rounds 9 and 10, now development sets. Guard per set: the share of pieces
fully masked and of school names fully masked, as bot.privacy.measure counts them, and of the messages without
personal data left untouched.

| set | before round 9 (main 2a1b269)* | after round 10 (merged main)* | after round 11* | here: measured after round 11 (all / schools) | floor |
| s14 | all 92.8 %, schools 81.7 % | all 97.2 %, schools 95.5 % | all 98.0 %, schools 98.2 % | 0.979 / 0.978 | 0.975 / 0.97 |
| s15 | all 93.4 %, schools 85.8 % | all 96.1 %, schools 92.1 % | all 97.8 %, schools 97.0 % | 0.978 / 0.970 | 0.97 / 0.965 |

* bench/redaction_compare.py, counting letters and digits; the guard counts every character.
"""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


@pytest.mark.parametrize("name, masked, schools, untouched", [
    ("s14", 0.975, 0.97, 0.98),
    ("s15", 0.97, 0.965, 0.98),
])
def test_each_session_14_hold_out_set_stays_up(name, masked, schools, untouched):
    r = measure(FIXTURES / f"redaction_testset_holdout_{name}.yml")
    assert sum(r.found_any_kind.values()) / sum(r.expected.values()) >= masked, r.misses
    assert r.found_any_kind["school"] / r.expected["school"] >= schools, r.misses
    assert r.untouched_rate >= untouched, r.false_alarms
