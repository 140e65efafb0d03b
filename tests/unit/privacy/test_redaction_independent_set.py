"""Recall and precision on the INDEPENDENT test set (tests/fixtures/redaction_testset_onafhankelijk.yml),
written by someone who never saw the redaction code. It is never used to tune the detector."""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

INDEPENDENT = Path(__file__).resolve().parents[2] / "fixtures" / "redaction_testset_onafhankelijk.yml"
RECALL_TARGET = {"telefoon": 0.95, "email": 0.95, "bsn": 0.95, "postcode_huisnummer": 0.95}


@pytest.fixture(scope="module")
def result():
    return measure(INDEPENDENT)


def test_independent_set_is_big_enough(result):
    assert sum(result.expected.values()) >= 100 and result.negatives >= 40


@pytest.mark.parametrize("kind", sorted(RECALL_TARGET))
def test_recall_per_kind(result, kind):
    assert result.recall(kind) >= RECALL_TARGET[kind], [m for m in result.misses if m[0] == kind]


def test_precision(result):
    # street + house number next to a postcode is masked too; the set only expects the postcode part
    assert result.precision() >= 0.90, result.false_alarms
