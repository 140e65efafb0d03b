"""Soak verdicts from process samples (plain Python): memory growth and leaked connections.

A sample is ``{"t": seconds since start, "processes": {pid: {"rss": bytes, "tcp": n, ...}},
"pg": n or None}``. Memory growth is measured first-to-last over the samples taken after the
warm-up (caches and lazy imports fill up in the first minutes); the least-squares slope per hour is
given too, because two single samples can be noisy. Connections are compared before the load
started and after it stopped and settled: what is still open then has leaked.
"""
from __future__ import annotations

from typing import Optional, Sequence

MB = 1024 * 1024


def growth_pct(first: float, last: float) -> Optional[float]:
    if first <= 0:
        return None
    return round((last - first) / first * 100, 2)


def slope_per_hour(points: Sequence[tuple[float, float]]) -> Optional[float]:
    """Least-squares slope of (seconds, value) points, in value units per hour."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_v = sum(v for _, v in points) / n
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return None
    slope = sum((t - mean_t) * (v - mean_v) for t, v in points) / spread
    return slope * 3600


def memory_key(samples: Sequence[dict]) -> str:
    """"anon" (anonymous memory, what a leak grows) when every sample of a live process has it, else "rss"."""
    values = [p for s in samples for p in s["processes"].values() if not p.get("gone")]
    return "anon" if values and all("anon" in p for p in values) else "rss"


def rss_growth(samples: Sequence[dict], warmup_s: float, key: str = "rss") -> dict[str, dict]:
    """Per pid: memory (``key``: rss or anon) first/last/max (MB) after the warm-up, growth %
    first-to-last, MB per hour."""
    after = [s for s in samples if s["t"] >= warmup_s]
    pids = sorted({pid for s in after for pid in s["processes"]}, key=_pid_order)
    result = {}
    for pid in pids:
        points = [(s["t"], s["processes"][pid][key]) for s in after
                  if pid in s["processes"] and key in s["processes"][pid]]
        gone = any(s["processes"].get(pid, {}).get("gone") for s in after)
        if not points:
            result[pid] = {"gone": gone, "samples": 0}
            continue
        first, last = points[0][1], points[-1][1]
        slope = slope_per_hour(points)
        result[pid] = {
            "samples": len(points),
            "first_mb": round(first / MB, 1),
            "last_mb": round(last / MB, 1),
            "max_mb": round(max(v for _, v in points) / MB, 1),
            "growth_pct": growth_pct(first, last),
            "mb_per_hour": None if slope is None else round(slope / MB, 1),
            "gone": gone,
        }
    return result


def total_growth_pct(per_pid: dict[str, dict]) -> Optional[float]:
    first = sum(p.get("first_mb", 0) for p in per_pid.values())
    last = sum(p.get("last_mb", 0) for p in per_pid.values())
    return growth_pct(first, last)


def connection_change(before: dict, after: dict) -> dict:
    """TCP connections per pid before the load and after it settled; ``leaked`` is the total that
    stayed open (never negative per process), and PostgreSQL backends likewise."""
    per_pid = {}
    leaked = 0
    for pid, info in before.get("processes", {}).items():
        later = after.get("processes", {}).get(pid, {})
        if "tcp" not in info or "tcp" not in later:
            continue
        extra = max(0, later["tcp"] - info["tcp"])
        leaked += extra
        per_pid[pid] = {"before": info["tcp"], "after": later["tcp"], "extra": extra}
    pg_before, pg_after = before.get("pg"), after.get("pg")
    pg_extra = None if pg_before is None or pg_after is None else max(0, pg_after - pg_before)
    return {"per_pid": per_pid, "leaked": leaked,
            "pg_before": pg_before, "pg_after": pg_after, "pg_extra": pg_extra}


def _pid_order(pid: str) -> tuple:
    return (0, int(pid)) if pid.isdigit() else (1, pid)
