import pytest

from bench.load.stats import latency_summary, percentile


def test_nearest_rank_on_one_to_hundred():
    values = list(range(100, 0, -1))  # unsorted on purpose
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile(values, 100) == 100
    assert percentile(values, 0) == 1


def test_small_samples_take_the_next_value_up():
    # 4 values: p50 -> rank 2, p95 -> rank 4 (a nearest-rank p95 never under-reports a tail)
    assert percentile([10, 40, 20, 30], 50) == 20
    assert percentile([10, 40, 20, 30], 95) == 40
    assert percentile([7.5], 99) == 7.5


def test_empty_and_bad_quantiles():
    assert percentile([], 50) is None
    with pytest.raises(ValueError):
        percentile([1, 2], 101)
    with pytest.raises(ValueError):
        percentile([1, 2], -1)


def test_summary_rounds_and_handles_no_values():
    summary = latency_summary([10.04, 20.0, 30.0, 1000.0])
    assert summary == {"p50": 20.0, "p95": 1000.0, "p99": 1000.0, "max": 1000.0, "mean": 265.0}
    assert latency_summary([]) == {"p50": None, "p95": None, "p99": None, "max": None, "mean": None}
