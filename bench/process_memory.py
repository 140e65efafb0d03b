"""Resident memory of each Wegwijzer process after start, and which heavy libraries it has loaded.

    python bench/process_memory.py [--settle 5]

Starts the action server, the outbox worker, the staff console and the web app for
real (each in its own process, on free local ports, with a temporary database), waits until each
answers its health check, waits ``--settle`` seconds more, and reads ``VmRSS`` from
``/proc/PID/status``. ``/proc/PID/maps`` tells whether TensorFlow's or spaCy's native libraries are
mapped. The Rasa server is not started here (it loads the model; see the load benchmark).
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def mapped(pid: int) -> dict[str, bool]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return {"tensorflow": "/tensorflow/" in maps, "spacy": "/spacy/" in maps,
            "scipy": "/scipy/" in maps}


def processes(tmp: Path) -> list[tuple[str, list[str], dict, str]]:
    db = f"sqlite:///{tmp / 'wegwijzer.db'}"
    actions, worker, console, web = (free_port() for _ in range(4))
    base = {"WEGWIJZER_DATABASE_URL": db, "WEGWIJZER_TRACKER_URL": f"sqlite:///{tmp / 'tracker.db'}"}
    return [
        ("action server", [PYTHON, "-m", "bot.action_server", "--port", str(actions)],
         {**base, "WEGWIJZER_ACTIONS_TOKEN": "bench-token-" + "x" * 32}, f"http://127.0.0.1:{actions}/health"),
        ("outbox worker", [PYTHON, "-m", "bot.hulpvraag.worker", "--dry-run"],
         {**base, "WEGWIJZER_WORKER_HEALTH_PORT": str(worker), "WEGWIJZER_WORKER_HEALTH_HOST": "127.0.0.1"},
         f"http://127.0.0.1:{worker}/gezond"),
        ("staff console", [PYTHON, "-m", "bot.console", "--port", str(console)], base,
         f"http://127.0.0.1:{console}/gezond"),
        ("web app", [PYTHON, "-m", "bot.web", "--port", str(web)], base, f"http://127.0.0.1:{web}/gezond"),
    ]


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: process ended with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    raise RuntimeError(f"{url}: not up within {seconds} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/process_memory.py")
    parser.add_argument("--settle", type=float, default=5.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([PYTHON, "-m", "bot.hulpvraag.cli", "init-db"], cwd=REPO, check=True,
                       env={**os.environ, "WEGWIJZER_DATABASE_URL": f"sqlite:///{Path(tmp) / 'wegwijzer.db'}"},
                       stdout=subprocess.DEVNULL)
        print("| process | RSS | TensorFlow mapped | spaCy mapped | SciPy mapped |")
        print("|---|---|---|---|---|")
        for name, command, env, url in processes(Path(tmp)):
            proc = subprocess.Popen(command, cwd=REPO, env={**os.environ, **env},
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_up(url, proc)
                time.sleep(args.settle)
                rss = status_kb(proc.pid) / 1024
                libs = mapped(proc.pid)
                yes = {True: "yes", False: "no"}
                print(f"| {name} | {rss:.0f} MB | {yes[libs['tensorflow']]} | {yes[libs['spacy']]} "
                      f"| {yes[libs['scipy']]} |", flush=True)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
