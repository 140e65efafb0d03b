import pytest

from bench.load.growth import MB, connection_change, growth_pct, rss_growth, slope_per_hour, total_growth_pct
from bench.load.report import verdicts


def _sample(t, rss_by_pid, tcp=None, pg=None):
    return {"t": t, "pg": pg, "processes": {
        pid: ({"gone": True} if rss is None else {"rss": rss * MB, "tcp": (tcp or {}).get(pid, 3)})
        for pid, rss in rss_by_pid.items()}}


def test_growth_pct():
    assert growth_pct(100, 105) == 5.0
    assert growth_pct(200, 180) == -10.0
    assert growth_pct(0, 10) is None


def test_slope_per_hour_is_least_squares():
    assert slope_per_hour([(0, 10), (1800, 15), (3600, 20)]) == pytest.approx(10)
    assert slope_per_hour([(0, 10)]) is None
    assert slope_per_hour([(5, 1), (5, 2)]) is None


def test_rss_growth_ignores_the_warm_up():
    samples = [
        _sample(0, {"11": 100, "22": 50}),      # warm-up: caches still filling
        _sample(60, {"11": 400, "22": 60}),     # warm-up
        _sample(120, {"11": 500, "22": 60}),
        _sample(660, {"11": 510, "22": 66}),
        _sample(1200, {"11": 520, "22": 72}),
    ]
    growth = rss_growth(samples, warmup_s=120)
    assert growth["11"]["growth_pct"] == 4.0
    assert growth["11"]["first_mb"] == 500.0 and growth["11"]["max_mb"] == 520.0
    assert growth["22"]["growth_pct"] == 20.0
    assert growth["22"]["mb_per_hour"] == pytest.approx(40.0, abs=0.1)
    assert total_growth_pct(growth) == pytest.approx(5.71, abs=0.01)  # (520 + 72 - 560) / 560
    assert not growth["11"]["gone"]


def test_a_process_that_died_is_flagged():
    samples = [_sample(0, {"11": 100}), _sample(30, {"11": 101}), _sample(60, {"11": None})]
    growth = rss_growth(samples, warmup_s=0)
    assert growth["11"]["gone"] is True
    assert growth["11"]["samples"] == 2


def test_connections_left_open_after_the_load_are_leaks():
    before = _sample(0, {"11": 1, "22": 1}, tcp={"11": 1, "22": 4}, pg=3)
    after = _sample(-1, {"11": 1, "22": 1}, tcp={"11": 6, "22": 2}, pg=5)
    change = connection_change(before, after)
    assert change["per_pid"]["11"] == {"before": 1, "after": 6, "extra": 5}
    assert change["per_pid"]["22"]["extra"] == 0  # fewer is fine
    assert change["leaked"] == 5
    assert change["pg_extra"] == 2
    assert connection_change(_sample(0, {"11": 1}), _sample(-1, {"11": 1}))["pg_extra"] is None


def _soak_result(growth_11, leaked, errors=0, gone=False):
    return {"mode": "soak", "steps": [{"errors": errors}],
            "memory": {"11": {"growth_pct": growth_11, "gone": gone}, "22": {"growth_pct": 1.0, "gone": False}},
            "connections": {"leaked": leaked, "pg_extra": None}}


def test_soak_verdicts():
    assert all(v["met"] for v in verdicts(_soak_result(9.9, 0)))
    failed = {v["target"] for v in verdicts(_soak_result(10.0, 2, errors=1, gone=True)) if not v["met"]}
    assert failed == {"memory growth < 10 % per process", "0 errors", "no leaked connections",
                      "no process died"}


def _step(throughput, errors, p95=100.0):
    return {"throughput": throughput, "errors": errors, "latency_ms": {"p95": p95}}


def test_saturation_verdict_takes_the_best_error_free_step():
    result = {"mode": "saturation", "steps": [_step(30, 0), _step(55, 0), _step(70, 3)]}
    assert verdicts(result)[0]["met"] is True
    result = {"mode": "saturation", "steps": [_step(30, 0), _step(70, 3)]}
    assert verdicts(result)[0]["met"] is False


def test_think_time_verdicts():
    assert [v["met"] for v in verdicts({"mode": "think", "steps": [_step(30, 0, p95=300.0)]})] == [True, True]
    assert [v["met"] for v in verdicts({"mode": "think", "steps": [_step(30, 1, p95=301.0)]})] == [False, False]
    assert verdicts({"mode": "think", "steps": [_step(0, 5, p95=None)]})[0]["met"] is False


def test_growth_uses_anonymous_memory_when_every_sample_has_it():
    from bench.load.growth import memory_key
    with_anon = [{"t": t, "processes": {"1": {"rss": (100 + t) * MB, "anon": 50 * MB, "tcp": 1}}} for t in (0, 60, 120)]
    assert memory_key(with_anon) == "anon"
    growth = rss_growth(with_anon, warmup_s=0, key="anon")
    assert growth["1"]["growth_pct"] == 0.0 and growth["1"]["first_mb"] == 50.0
    assert rss_growth(with_anon, warmup_s=0)["1"]["growth_pct"] > 0  # RSS did grow (shared pages)
    mixed = with_anon + [{"t": 180, "processes": {"1": {"rss": 1 * MB, "tcp": 1}}}]
    assert memory_key(mixed) == "rss"
