"""Recall and precision on the hand-written test set (tests/fixtures/redaction_testset.yml)."""
import pytest

from bot.privacy.measure import TESTSET, measure, report

RECALL_TARGET = {"telefoon": 0.95, "email": 0.95, "bsn": 0.95, "postcode_huisnummer": 0.95}


@pytest.fixture(scope="module")
def result():
    return measure(TESTSET)


def test_testset_is_big_enough(result):
    assert sum(result.expected.values()) >= 120
    assert result.negatives >= 40
    for kind in RECALL_TARGET:
        assert result.expected[kind] >= 20, kind


@pytest.mark.parametrize("kind", sorted(RECALL_TARGET))
def test_recall_per_kind(result, kind):
    misses = [m for m in result.misses if m[0] == kind]
    assert result.recall(kind) >= RECALL_TARGET[kind], misses


def test_names_are_mostly_found(result):
    assert result.recall("naam") >= 0.8, [m for m in result.misses if m[0] == "naam"]


def test_precision_and_untouched_lines(result):
    assert result.precision() >= 0.90, result.false_alarms
    assert result.untouched_rate >= 0.90, result.false_alarms


def test_report_lists_every_kind(result):
    text = report(result, TESTSET)
    for kind in RECALL_TARGET:
        assert f"| {kind} |" in text
