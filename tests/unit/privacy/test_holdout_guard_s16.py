"""Session 16's unseen set (reports/redaction.md, "Sessie 16"), written blind for the purpose (170 messages with
693 pieces, 180 of them school names, and 30 without personal data) and measured on main before the session's two
rounds, between them and after them; never used to write a rule. Guard: every kind's recall as bot.privacy.measure
counts it (the right kind, every character masked), overall precision, and the messages without personal data
left untouched.

| measured on | naam | school | geboortedatum | telefoon | others | precision | untouched |
| main 4ff5edf (session 15) | 97.9 % | 96.1 % | 100 % | 100 % | 100 % | 96.4 % | 29/30 |
| after round 1 (schools16) | 97.9 % | 97.2 % | 100 % | 100 % | 100 % | 96.6 % | 30/30 |
| after round 2 (names16) | 98.3 % | 97.8 % | 100 % | 100 % | 100 % | 96.6 % | 30/30 |

Precision counts a second mention of a name that the writer marked once as a false alarm.
"""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "redaction_testset_holdout_s16.yml"
FLOORS = {"naam": 0.97, "school": 0.965, "geboortedatum": 0.98, "telefoon": 0.98, "email": 0.97,
          "postcode_huisnummer": 0.97, "bsn": 0.95, "iban": 0.95}


@pytest.fixture(scope="module")
def result():
    return measure(FIXTURE)


def test_the_set_is_big_enough(result):
    assert sum(result.expected.values()) >= 200 and result.negatives >= 30


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_every_kind_stays_at_least_95_percent(result, kind):
    assert result.recall(kind) >= FLOORS[kind], [m for m in result.misses if m[0] == kind]


def test_precision_and_untouched_lines(result):
    assert result.precision() >= 0.95, result.false_alarms
    assert result.untouched_rate >= 0.96, result.false_alarms
