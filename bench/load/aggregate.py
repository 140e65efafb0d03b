"""Aggregating measured turns into the numbers of a step: throughput, percentiles, errors.

Counting rule (the same for every mode): a step measures the turns that *started* inside its window
``[start, end)``; the run waits for those turns to finish, so a turn that times out just after the
window still counts as an error. Throughput is the number of turns that *completed* inside the window
divided by its length, so turns still in flight at either edge do not inflate it.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from bench.load.outcome import TurnResult
from bench.load.stats import latency_summary


def in_window(results: Iterable[TurnResult], start: float, end: float) -> list[TurnResult]:
    return [r for r in results if start <= r.started < end]


def summarize(results: Iterable[TurnResult], start: float, end: float) -> dict:
    """Numbers of the window ``[start, end)`` (seconds since the run began)."""
    if end <= start:
        raise ValueError("the window must have a positive length")
    every = list(results)
    window = in_window(every, start, end)
    completed = sum(1 for r in every if start <= r.ended < end and r.error is None)
    errors = [r for r in window if r.error is not None]
    ok_latencies = [r.latency_ms for r in window if r.error is None]
    summary = {
        "seconds": round(end - start, 2),
        "turns": len(window),
        "ok_turns": len(ok_latencies),
        "errors": len(errors),
        "error_kinds": dict(Counter(_kind(r.error) for r in errors).most_common()),
        "mismatches": sum(1 for r in window if r.mismatch),
        "throughput": round(completed / (end - start), 2),
        "latency_ms": latency_summary(ok_latencies),
    }
    transports = sorted({r.transport for r in window})
    if len(transports) > 1:
        summary["per_transport"] = {
            name: _transport_part([r for r in window if r.transport == name]) for name in transports}
    return summary


def _transport_part(results: list[TurnResult]) -> dict:
    ok = [r.latency_ms for r in results if r.error is None]
    return {"turns": len(results), "errors": len(results) - len(ok), "latency_ms": latency_summary(ok)}


def _kind(error: Optional[str]) -> str:
    """Group errors by kind: ``connect: [Errno 111] ...`` -> ``connect``, ``http_503`` stays."""
    return str(error).split(":", 1)[0]


def worst_scripts(results: Iterable[TurnResult], limit: int = 5) -> list[dict]:
    """Scripts with the most errors or mismatches, to find a broken conversation quickly."""
    errors: Counter = Counter()
    mismatches: Counter = Counter()
    for r in results:
        if r.error is not None:
            errors[r.script] += 1
        if r.mismatch:
            mismatches[r.script] += 1
    names = sorted(set(errors) | set(mismatches), key=lambda n: (-errors[n], -mismatches[n], n))
    return [{"script": n, "errors": errors[n], "mismatches": mismatches[n]} for n in names[:limit]]
