"""Session 16's second development set (tests/fixtures/redaction_testset_dev_s16b.yml, 652 pieces, 192 school names,
227 names, 30 lines without personal data), written by another independent writer; measured on main before and after
the first round of session 16 (schools16) and then used for the error analysis of the second round (names16;
reports/redaction.md, "Sessie 16", second round). Guard: every kind fully masked at least as often as after that
work, as bot.privacy.measure counts them (any kind counts: masked is masked), the precision of names and schools and
the lines left untouched.

| kind (pieces) | main 74f3cbd, before round 2 | after round 2 | floor |
| naam (227) | 0.965 | 0.996 | 0.99 |
| school (192) | 0.948 | 1.000 | 0.99 |
| telefoon (60) | 0.983 | 1.000 | 1.00 |
| geboortedatum (67) | 1.000 | 1.000 | 1.00 |
| email, postcode, bsn, iban (106) | 1.000 | 1.000 | 1.00 |
| school precision | 0.958 | 0.995 | 0.99 |
| naam precision | 0.973 | 0.983 | 0.98 |
| untouched (30) | 1.000 | 1.000 | 1.00 |

A development set says what the rules learnt from it, not what they are worth on new text: that is the next
unseen set's figure.
"""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

TESTSET = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "redaction_testset_dev_s16b.yml"


@pytest.fixture(scope="module")
def result():
    return measure(TESTSET)


@pytest.mark.parametrize("kind, floor", [
    ("naam", 0.99), ("school", 0.99), ("geboortedatum", 1.0), ("telefoon", 1.0), ("email", 1.0),
    ("postcode_huisnummer", 1.0), ("bsn", 1.0), ("iban", 1.0),
])
def test_each_kind_stays_masked_on_the_second_session_16_development_set(result, kind, floor):
    assert result.recall(kind, strict=False) >= floor, [m for m in result.misses if m[0] == kind]


def test_names_and_schools_stay_precise_and_lines_without_data_untouched(result):
    assert result.precision("school") >= 0.99, [f for f in result.false_alarms if f[0] == "school"]
    assert result.precision("naam") >= 0.98, [f for f in result.false_alarms if f[0] == "naam"]
    assert result.untouched_rate >= 1.0, result.false_alarms
