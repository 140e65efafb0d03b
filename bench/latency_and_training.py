"""Benchmark: training time and REST turn latency of Wegwijzer vs. a stock Rasa config, same data.

    python bench/latency_and_training.py [--turns 300] [--skip-stock] [--out bench/results]
        [--keep DIR] [--only wegwijzer|stock] [--train-only] [--model M] [--stock-model M]

For each config it trains a model (timed, from scratch), then starts the real stack of every config
at once (bot.tooling.launcher: Rasa server + action server, same endpoints), warms up, and sends ``--turns``
messages from one client over REST to each stack in turn, alternating which goes first (held-out
test sentences, a new conversation every 5 turns). It reports p50/p95/max latency per config.
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
from contextlib import ExitStack
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.tooling.launcher import local_stack  # noqa: E402

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
        [sys.executable, "-m", "bot.rasa_runtime", "train", "--config", str(config),
         "--domain", "bot/rasa/domain", "--data", "data", "--out", str(out_dir),
         "--fixed-model-name", name, "--force"],
        cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out_dir / f"{name}.tar.gz", time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summarise(latencies: list[float], errors: int) -> dict:
    return {
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "max": max(latencies),
        "errors": errors,
    }


def measure(models: dict[str, Path], workdir: Path, messages: list[str], turns: int) -> dict[str, dict]:
    """Runs every model's stack at the same time and sends each turn to all of them, alternating
    which goes first, so a busy moment on the machine hits every config alike."""
    with ExitStack() as running:
        # the stock config runs on stock Rasa, as it did when the patches came with our NLU component
        stacks = {label: running.enter_context(local_stack(
                      model, workdir / label.replace(" ", "_"),
                      extra_env=None if label == "wegwijzer" else {"WEGWIJZER_RASA_STOCK": "1"}))
                  for label, model in models.items()}
        for stack in stacks.values():
            for i in range(10):  # warm-up
                stack.say(f"warm-{i}", messages[i % len(messages)])
        latencies: dict[str, list[float]] = {label: [] for label in stacks}
        errors = {label: 0 for label in stacks}
        order = list(stacks)
        for i in range(turns):
            sender = f"bench-{i // 5}"
            for label in (order if i % 2 == 0 else order[::-1]):
                started = time.perf_counter()
                try:
                    stacks[label].say(sender, messages[i % len(messages)])
                except Exception:  # noqa: BLE001 - counted, not hidden
                    errors[label] += 1
                latencies[label].append((time.perf_counter() - started) * 1000)
    return {label: summarise(latencies[label], errors[label]) for label in stacks}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--model", type=Path, default=None,
                        help="measure this trained Wegwijzer model (no training)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep trained models and training times here; reuse them when present")
    parser.add_argument("--only", choices=["wegwijzer", "stock"], default=None)
    parser.add_argument("--train-only", action="store_true")
    parser.add_argument("--stock-model", type=Path, default=None,
                        help="measure this trained stock-config model (no training)")
    args = parser.parse_args()
    messages = test_messages()
    trained: dict[str, tuple[Path, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        models_dir = args.keep or Path(tmp) / "models"
        models_dir.mkdir(parents=True, exist_ok=True)
        times_file = models_dir / "training_times.json"
        times = json.loads(times_file.read_text()) if times_file.exists() else {}
        for label, config in CONFIGS.items():
            if (args.skip_stock or args.only == "wegwijzer") and label != "wegwijzer":
                continue
            if args.only == "stock" and label == "wegwijzer":
                continue
            slug = label.replace(" ", "_")
            if args.model and label == "wegwijzer":
                trained[label] = (args.model, float("nan"))
            elif args.stock_model and label != "wegwijzer":
                trained[label] = (args.stock_model, times.get(slug, float("nan")))
            elif (models_dir / f"{slug}.tar.gz").exists() and slug in times:
                trained[label] = (models_dir / f"{slug}.tar.gz", times[slug])
                print(f"reusing {trained[label][0]} (trained in {times[slug]:.0f} s)", flush=True)
            else:
                print(f"training {label} ...", flush=True)
                trained[label] = train(config, models_dir, slug)
                times[slug] = trained[label][1]
                times_file.write_text(json.dumps(times, indent=1))
            print(f"  {label}: trained in {trained[label][1]:.0f} s", flush=True)
        if args.train_only:
            return 0
        print(f"measuring {args.turns} turns on {', '.join(trained)} side by side ...", flush=True)
        results = measure({label: model for label, (model, _) in trained.items()}, Path(tmp),
                          messages, args.turns)
    rows = [(label, trained[label][1], results[label]) for label in trained]
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
