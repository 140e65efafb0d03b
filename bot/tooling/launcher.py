"""Starts a local Wegwijzer stack (action server + Rasa server) as real subprocesses on free ports.

Used by the integration tests and the benchmarks; ``scripts/start`` does the same in shell for
people. Each stack gets its own SQLite tracker store and, optionally, its own content directory.
As in ``scripts/start``, both servers listen on 127.0.0.1 only, the action server gets a fresh shared
secret (``bot.tokens.action_token``) that the Rasa server sends with every call, Rasa's CORS list is the
widget's origin allow-list (``bot.channels.widget_policy``) and the phone webhook checks Twilio
signatures with a generated ``TWILIO_AUTH_TOKEN`` (``RunningStack.twilio_token``) unless the caller
passes its own phone settings.
Both servers write their metrics to ``<workdir>/metrics`` (prometheus-client's multiprocess folder,
``RunningStack.metrics_dir``), as under ``scripts/start``; ``python -m bot.metrics`` serves them.
Conversations are bound to their owner with a generated
``WEGWIJZER_SESSION_SECRET`` (``bot.tokens.session_token``); ``RunningStack.say`` opens and keeps
them (``bot.tooling.rest_client``): a label the caller chose gets its own server-issued conversation.
Both servers get the request limits and time-outs of ``bot.limits.server``. A test can stop and
restart the action server (``RunningStack.stop_actions`` / ``start_actions``) to see what users get
when it is down.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import requests
import yaml

from bot.limits import server as server_limits
from bot.tokens import action_token
from bot.tokens import session_token
from bot.channels.widget_policy import configured_origins
from bot.tooling.rest_client import RestConversations

REPO = Path(__file__).resolve().parents[2]


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


def _actions_command(port: int) -> list[str]:
    return [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(port),
            "--host", "127.0.0.1"]


def rasa_command(model: Path, endpoints: Path, port: int, env: dict, interface: str = "127.0.0.1") -> list[str]:
    """``rasa run`` as scripts/start runs it (through ``bot.rasa_runtime``, which installs the
    patches): one interface, CORS only for the widget's allow-list."""
    return [sys.executable, "-m", "bot.rasa_runtime", "run", "--model", str(model), "--endpoints", str(endpoints),
            "--credentials", str(REPO / "bot" / "rasa" / "credentials.yml"),
            "--interface", interface, "--port", str(port), "--cors", *configured_origins(env)]


@dataclass
class RunningStack:
    rasa_url: str
    actions_url: str
    workdir: Path
    processes: dict = field(default_factory=dict, repr=False)  # "actions", "rasa" -> Popen
    actions_env: dict = field(default_factory=dict, repr=False)
    actions_token: str = field(default="", repr=False)
    twilio_token: Optional[str] = field(default=None, repr=False)
    metrics_dir: Optional[Path] = None
    conversations: Optional[RestConversations] = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.conversations is None:
            self.conversations = RestConversations(self.rasa_url)

    def new_sender(self) -> str:
        """A conversation opened on the server; its id (the tracker's sender id) is its own label."""
        return self.conversations.new_conversation()

    def stop_actions(self) -> None:
        """Kills the action server (SIGKILL: as abrupt as a crash) and waits until it is gone."""
        process = self.processes["actions"]
        process.kill()
        process.wait(timeout=20)

    def start_actions(self) -> None:
        """Starts the action server again on the same port and waits until it answers."""
        port = int(self.actions_url.rsplit(":", 1)[1])
        log = self.workdir / "actions.log"
        self.processes["actions"] = subprocess.Popen(
            _actions_command(port), cwd=REPO, env=self.actions_env,
            stdout=log.open("a"), stderr=subprocess.STDOUT)
        wait_until_up(f"{self.actions_url}/health", self.processes["actions"], log)

    def alive(self) -> dict[str, bool]:
        return {name: process.poll() is None for name, process in self.processes.items()}

    def say(self, sender: str, message, metadata: Optional[dict] = None, timeout: float = 30) -> list[dict]:
        """One turn in the conversation labelled ``sender`` (opened on first use, see bot.tooling.rest_client)."""
        return self.conversations.say(sender, message, metadata, timeout=timeout)


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
    endpoints.write_text(
        "action_endpoint:\n"
        f"  url: http://127.0.0.1:{actions_port}/webhook\n"
        "  headers:\n"
        f"    {action_token.HEADER}: ${{{action_token.ENV}}}\n"  # expanded by Rasa from its environment
        + yaml.safe_dump({"tracker_store": {"type": "bot.rasa_runtime.tracker_store.WegwijzerSQLTrackerStore",
                                            "dialect": "sqlite", "db": str(workdir / "tracker.db")}}))
    env = dict(os.environ, PYTHONPATH=str(REPO), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false")
    env[action_token.ENV] = action_token.new_token()
    env[session_token.ENV] = session_token.new_secret()
    phone_settings = {"TWILIO_AUTH_TOKEN", "WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING"}
    if not phone_settings & set(extra_env or {}):
        env["TWILIO_AUTH_TOKEN"] = action_token.new_token()
        env.pop("WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING", None)
    metrics_dir = workdir / "metrics"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir()
    env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    if content_dir is not None:
        env["WEGWIJZER_CONTENT_DIR"] = str(content_dir)
    env.update(extra_env or {})
    limits = server_limits.Limits.from_env(env)
    actions_env = {**env, **server_limits.actions_env(limits)}
    rasa_env = {**env, **server_limits.rasa_env(limits)}
    actions_log, rasa_log = workdir / "actions.log", workdir / "rasa.log"
    stack = RunningStack(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}", workdir,
                         actions_env=actions_env, actions_token=env[action_token.ENV],
                         twilio_token=env.get("TWILIO_AUTH_TOKEN") or None,
                         metrics_dir=Path(env["PROMETHEUS_MULTIPROC_DIR"]))
    stack.processes["actions"] = subprocess.Popen(
        _actions_command(actions_port), cwd=REPO, env=actions_env,
        stdout=actions_log.open("w"), stderr=subprocess.STDOUT)
    stack.processes["rasa"] = subprocess.Popen(
        rasa_command(model, endpoints, rasa_port, env),
        cwd=REPO, env=rasa_env, stdout=rasa_log.open("w"), stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"{stack.actions_url}/health", stack.processes["actions"], actions_log)
        wait_until_up(f"{stack.rasa_url}/", stack.processes["rasa"], rasa_log)
        yield stack
    finally:
        _stop(list(stack.processes.values()))
