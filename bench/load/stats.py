"""Latency statistics: nearest-rank percentiles and a summary of a list of latencies."""
from __future__ import annotations

import math
from typing import Optional, Sequence


def percentile(values: Sequence[float], q: float) -> Optional[float]:
    """Nearest-rank percentile (``q`` in 0-100): the smallest value with at least q % of the values at
    or below it. None for no values. p100 is the maximum, p0 the minimum."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {q}")
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(latencies_ms: Sequence[float]) -> dict:
    """p50/p95/p99/max/mean in milliseconds (rounded to 0.1 ms), None when there are none."""
    if not latencies_ms:
        return {"p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    return {
        "p50": round(percentile(latencies_ms, 50), 1),
        "p95": round(percentile(latencies_ms, 95), 1),
        "p99": round(percentile(latencies_ms, 99), 1),
        "max": round(max(latencies_ms), 1),
        "mean": round(sum(latencies_ms) / len(latencies_ms), 1),
    }
