"""Session 13's four unseen sets, each measured once before and once after one round (reports/redaction.md,
"Sessie 13 gemeten"), now development sets. Guard per set: the share of pieces fully masked, as
bot.privacy.measure counts them, and of the messages without personal data left untouched.

| set | round | measured after that round (letters and digits) | floor here (every character) |
| s13  | 5 | 87.1 % | 0.97 (0.977 after round 6) |
| s13b | 6 | 92.4 % | 0.97 (0.975 after round 7) |
| s13c | 7 | 91.8 % | 0.965 (0.969 after round 9) |
| s13d | 8 | 95.5 % | 0.975 (0.977 after round 9; schools 0.981, floor 0.975) |

Round 9 (session 14, school names by structure) raised s13c to 0.969 and s13d to 0.977.
Round 10 (session 14, school names from Dutch grammar) raised schools on s13 to 0.976 (floor 0.97), on s13b to
0.969 (floor 0.965) and on s13d to 0.987 (floor 0.98), and the untouched share on s13 to 0.990 (floor 0.985) and
on s13b to 0.989 (floor 0.985).
"""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


@pytest.mark.parametrize("name, masked, schools, untouched", [
    ("s13", 0.98, 0.97, 0.985),
    ("s13b", 0.975, 0.965, 0.985),
    ("s13c", 0.965, None, 0.98),
    ("s13d", 0.975, 0.98, 0.98),
])
def test_each_former_hold_out_set_stays_up(name, masked, schools, untouched):
    r = measure(FIXTURES / f"redaction_testset_holdout_{name}.yml")
    assert sum(r.found_any_kind.values()) / sum(r.expected.values()) >= masked, r.misses
    if schools is not None:
        assert r.found_any_kind["school"] / r.expected["school"] >= schools, r.misses
    assert r.untouched_rate >= untouched, r.false_alarms
