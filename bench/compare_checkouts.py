"""Benchmark: the same trained model served by two checkouts of this code, side by side.

    python bench/compare_checkouts.py --model models/wegwijzer.tar.gz OLD_CHECKOUT [NEW_CHECKOUT]
        [--turns 300]

For a change inside the servers (a Rasa speed-up, one action-server call less) the host's own
noise is larger than the effect: the same code measured 21 and 29 ms of Rasa CPU per turn on two
evenings. This starts a full local stack (bot.tooling.launcher) from each checkout, warms both up, and sends
every message to both in turn, so a busy moment hits both. It reports the CPU seconds each server
process used per turn (from /proc, not wall time) and the p50/p95 latency. NEW_CHECKOUT defaults to
this one; make OLD_CHECKOUT with ``git worktree add /tmp/old <commit>`` and link its ``build/``
(the spaCy pipeline) to this checkout's.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from latency_and_training import percentile, test_messages  # noqa: E402


def launcher_of(checkout: Path, tag: str):
    """That checkout's own bot.tooling.launcher (it starts the servers from the checkout's directory)."""
    path = checkout / "bot" / "tooling" / "launcher.py"
    if not path.exists():  # a checkout from before the launcher moved to bot/tooling/
        path = checkout / "bot" / "launcher.py"
    spec = importlib.util.spec_from_file_location(f"launcher_{tag}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def listening_process(url: str) -> psutil.Process:
    port = int(url.rsplit(":", 1)[1])
    for connection in psutil.net_connections("tcp"):
        if connection.status == psutil.CONN_LISTEN and connection.laddr.port == port:
            return psutil.Process(connection.pid)
    raise RuntimeError(f"no process listens on {url}")


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("checkouts", type=Path, nargs="+")
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkouts] + ([REPO] if len(args.checkouts) == 1 else [])
    model = args.model.resolve()
    messages = test_messages()
    with ExitStack() as stack:
        stacks = []
        for number, checkout in enumerate(checkouts):
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            stacks.append(stack.enter_context(launcher_of(checkout, str(number)).local_stack(model, workdir)))
        for running in stacks:
            for i in range(20):
                running.say(f"opwarmen-{i}", messages[i % len(messages)])
        servers = [{"rasa": listening_process(r.rasa_url), "actions": listening_process(r.actions_url)}
                   for r in stacks]
        before = [{name: cpu_seconds(p) for name, p in s.items()} for s in servers]
        latencies: list[list[float]] = [[] for _ in stacks]
        for turn in range(args.turns):
            order = range(len(stacks)) if turn % 2 == 0 else reversed(range(len(stacks)))
            for k in order:
                started = time.perf_counter()
                stacks[k].say(f"bench-{turn // 5}", messages[turn % len(messages)])
                latencies[k].append((time.perf_counter() - started) * 1000)
        for k, checkout in enumerate(checkouts):
            cpu = {name: (cpu_seconds(p) - before[k][name]) / args.turns * 1000 for name, p in servers[k].items()}
            print(f"{checkout}: Rasa {cpu['rasa']:.1f} ms CPU per turn, actions {cpu['actions']:.1f}; "
                  f"p50 {statistics.median(latencies[k]):.1f} ms, p95 {percentile(latencies[k], 0.95):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
