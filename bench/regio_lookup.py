"""Benchmark: time per message of bot.regio.lookup.resolve_place (target: p95 <= 2 ms).

    PYTHONPATH=. python bench/regio_lookup.py [--rounds 20]

Uses the phrasings of tests/unit/regio/test_phrasings.py plus negative, long and postcode messages.
Index building (one-off, at start-up) is reported separately.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def messages() -> list[str]:
    from tests.unit.regio.test_phrasings import CASES

    extra = [
        "het gaat best goed", "hallo", "ik heb een vraag over leerplicht", "Mijn zoon zit al 6 weken thuis",
        "ik woon in Parijs", "postcode 1000", "", "x" * 5000,
        "We hebben echt alles geprobeerd. " * 140 + "We wonen in Zwolle.",
        "Bergen", "Haaren", "Velp", "Hengelo (Gelderland)",
    ]
    return [c[0] for c in CASES] + extra


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    a = ap.parse_args()

    t0 = time.perf_counter()
    import spacy  # noqa: F401  (import cost reported separately)
    t1 = time.perf_counter()
    from bot.regio.lookup import get_index, resolve_place

    get_index()
    t2 = time.perf_counter()

    msgs = messages()
    for m in msgs:  # warm-up
        resolve_place(m)
    times = []
    for _ in range(a.rounds):
        for m in msgs:
            s = time.perf_counter_ns()
            resolve_place(m)
            times.append((time.perf_counter_ns() - s) / 1e6)
    times.sort()

    def pct(p):
        return times[min(len(times) - 1, int(len(times) * p))]

    long_msg = msgs[-5]
    lt = []
    for _ in range(50):
        s = time.perf_counter_ns()
        resolve_place(long_msg)
        lt.append((time.perf_counter_ns() - s) / 1e6)

    print(f"spaCy import: {t1 - t0:.2f} s; index build: {t2 - t1:.2f} s (once per process)")
    print(f"messages: {len(msgs)} x {a.rounds} rounds = {len(times)} lookups")
    print(f"p50 {pct(0.50):.3f} ms | p95 {pct(0.95):.3f} ms | p99 {pct(0.99):.3f} ms | "
          f"max {times[-1]:.3f} ms | mean {statistics.mean(times):.3f} ms")
    print(f"longest message ({len(long_msg)} chars): median {statistics.median(lt):.3f} ms")
    ok = pct(0.95) <= 2.0
    print("target p95 <= 2 ms:", "OK" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
