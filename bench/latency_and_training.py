"""Benchmark: training time and REST turn latency of Wegwijzer vs. a stock Rasa config, same data.

    python bench/latency_and_training.py [--turns 300] [--skip-stock] [--out bench/results]
        [--keep DIR] [--only wegwijzer|stock] [--train-only]

For each config it trains a model (timed, from scratch), starts the real stack (bot.launcher: Rasa
server + action server), warms up, then sends ``--turns`` messages from one client over REST
(held-out test sentences, a new conversation every 5 turns) and reports p50/p95/max latency.
Writes a Markdown table to OUT/latency_and_training.md and prints it.

The stock config trains for a long time (DIET with transformer, TED and ResponseSelector at 100
epochs). ``--keep DIR`` keeps trained models and their measured training times in DIR, so the
training can run on its own (``--train-only``) and a later run measures the latency of both
models side by side without training again.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.launcher import local_stack  # noqa: E402

CONFIGS = {
    "wegwijzer": REPO / "bot" / "rasa" / "config.yml",
    "stock rasa init": REPO / "bench" / "stock_config.yml",
}


def test_messages() -> list[str]:
    messages: list[str] = []
    for path in sorted((REPO / "tests" / "nlu_testset").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                text = line.strip()
                if text.startswith("- "):
                    messages.append(strip_annotations(text[2:]))
    return messages


def strip_annotations(text: str) -> str:
    import re

    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)


def train(config: Path, out_dir: Path, name: str) -> tuple[Path, float]:
    started = time.monotonic()
    subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "train", "--config", str(config),
         "--domain", "bot/rasa/domain", "--data", "data", "--out", str(out_dir),
         "--fixed-model-name", name, "--force"],
        cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out_dir / f"{name}.tar.gz", time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure(model: Path, workdir: Path, messages: list[str], turns: int) -> dict:
    with local_stack(model, workdir) as stack:
        for i in range(10):  # warm-up
            stack.say(f"warm-{i}", messages[i % len(messages)])
        latencies = []
        errors = 0
        for i in range(turns):
            sender = f"bench-{i // 5}"
            started = time.perf_counter()
            try:
                stack.say(sender, messages[i % len(messages)])
            except Exception:  # noqa: BLE001 - counted, not hidden
                errors += 1
            latencies.append((time.perf_counter() - started) * 1000)
    return {
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
        "errors": errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--model", type=Path, default=None,
                        help="measure this trained Wegwijzer model's latency only (no training)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep trained models and training times here; reuse them when present")
    parser.add_argument("--only", choices=["wegwijzer", "stock"], default=None)
    parser.add_argument("--train-only", action="store_true")
    args = parser.parse_args()
    messages = test_messages()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        models_dir = args.keep or Path(tmp) / "models"
        models_dir.mkdir(parents=True, exist_ok=True)
        times_file = models_dir / "training_times.json"
        times = json.loads(times_file.read_text()) if times_file.exists() else {}
        for label, config in CONFIGS.items():
            if (args.skip_stock or args.model or args.only == "wegwijzer") and label != "wegwijzer":
                continue
            if args.only == "stock" and label == "wegwijzer":
                continue
            slug = label.replace(" ", "_")
            if args.model:
                model, seconds = args.model, float("nan")
            elif (models_dir / f"{slug}.tar.gz").exists() and slug in times:
                model, seconds = models_dir / f"{slug}.tar.gz", times[slug]
                print(f"reusing {model} (trained in {seconds:.0f} s)", flush=True)
            else:
                print(f"training {label} ...", flush=True)
                model, seconds = train(config, models_dir, slug)
                times[slug] = seconds
                times_file.write_text(json.dumps(times, indent=1))
            if args.train_only:
                print(f"  {label}: trained in {seconds:.0f} s", flush=True)
                continue
            print(f"  {seconds:.0f} s; measuring {args.turns} turns ...", flush=True)
            result = measure(model, Path(tmp) / slug, messages, args.turns)
            print(f"  {label}: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
                  f"max {result['max']:.1f} ms, errors {result['errors']}", flush=True)
            rows.append((label, seconds, result))
    if args.train_only:
        return 0
    lines = ["| config | training (s) | p50 (ms) | p95 (ms) | max (ms) | errors |", "|---|---|---|---|---|---|"]
    for label, seconds, r in rows:
        lines.append(f"| {label} | {seconds:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {r['errors']} |")
    if len(rows) == 2:
        lines.append("")
        lines.append(f"p95 ratio wegwijzer / stock: {rows[0][2]['p95'] / rows[1][2]['p95']:.2f}")
    table = "\n".join(lines) + "\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latency_and_training.md").write_text(
        f"# Latency and training ({args.turns} turns, one client, REST)\n\n{table}", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
