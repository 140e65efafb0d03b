"""Starts a local Wegwijzer stack (action server + Rasa server) as real subprocesses on free ports.

Used by the integration tests and the benchmarks; ``scripts/start`` does the same in shell for
people. Each stack gets its own SQLite tracker store and, optionally, its own content directory.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import requests
import yaml

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited ({process.returncode}):\n{log.read_text()[-4000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not up within {timeout}s:\n{log.read_text()[-4000:]}")


@dataclass
class RunningStack:
    rasa_url: str
    actions_url: str
    workdir: Path

    def say(self, sender: str, message, metadata: Optional[dict] = None, timeout: float = 30) -> list[dict]:
        body = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=timeout)
        response.raise_for_status()
        return response.json()


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def local_stack(
    model: Path,
    workdir: Path,
    content_dir: Optional[Path] = None,
    extra_env: Optional[dict] = None,
) -> Iterator[RunningStack]:
    """Runs action server and Rasa server until the context exits."""
    workdir.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({
        "action_endpoint": {"url": f"http://127.0.0.1:{actions_port}/webhook"},
        "tracker_store": {"type": "bot.rasa_tracker_store.WegwijzerSQLTrackerStore", "dialect": "sqlite", "db": str(workdir / "tracker.db")},
    }))
    env = dict(os.environ, PYTHONPATH=str(REPO), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false")
    if content_dir is not None:
        env["WEGWIJZER_CONTENT_DIR"] = str(content_dir)
    env.update(extra_env or {})
    rasa_bin = Path(sys.executable).parent / "rasa"
    actions_log, rasa_log = workdir / "actions.log", workdir / "rasa.log"
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(actions_port)],
            cwd=REPO, env=env, stdout=actions_log.open("w"), stderr=subprocess.STDOUT),
        subprocess.Popen(
            [str(rasa_bin), "run", "--model", str(model), "--endpoints", str(endpoints),
             "--credentials", str(REPO / "bot" / "rasa" / "credentials.yml"), "--port", str(rasa_port)],
            cwd=REPO, env=env, stdout=rasa_log.open("w"), stderr=subprocess.STDOUT),
    ]
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", processes[0], actions_log)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/", processes[1], rasa_log)
        yield RunningStack(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}", workdir)
    finally:
        _stop(processes)
