"""The fuzz tests use the shared real stack (``stack`` in tests/integration/conftest.py: Rasa server
with the REST, socket.io and phone channels, and the action server) plus the web app and the staff
console as real processes. ``WEGWIJZER_FUZZ_SCHAAL`` scales the number of requests (default 1.0:
over 10,000 in total)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.hulpvraag.db import create_tables, make_engine
from bot.tooling.launcher import REPO, free_port, wait_until_up

SCALE = float(os.environ.get("WEGWIJZER_FUZZ_SCHAAL", "1.0"))
SEED = int(os.environ.get("WEGWIJZER_FUZZ_SEED", "20261124"))


def scaled(count: int) -> int:
    return max(1, int(count * SCALE))


class Process:
    def __init__(self, name: str, url: str, process: subprocess.Popen, log):
        self.name, self.url, self.process, self.log = name, url, process, log

    def alive(self) -> bool:
        return self.process.poll() is None


def _start(name: str, args: list[str], health: str, env: dict, work) -> Process:
    port = free_port()
    log = work / f"{name}.log"
    process = subprocess.Popen([sys.executable, "-m", *args, "--port", str(port), "--host", "127.0.0.1"],
                               cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + health, process, log, timeout=90)
    return Process(name, url, process, log)


@pytest.fixture(scope="session")
def web_and_console(stack, tmp_path_factory):
    work = tmp_path_factory.mktemp("fuzz")
    engine = make_engine(f"sqlite:///{work / 'console.db'}")
    create_tables(engine)
    engine.dispose()
    dist = work / "dist"  # stand-ins for the built widget (building it is not what this test is about)
    dist.mkdir()
    (dist / "wegwijzer.js").write_text("/* widget */\n")
    (dist / "wegwijzer.css").write_text("/* widget */\n")
    (dist / "pagina.css").write_text("/* demo pages */\n")
    (dist / "noto-sans-400.woff2").write_bytes(b"wOF2")
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=f"sqlite:///{work / 'console.db'}",
               WEGWIJZER_WIDGET_DIST=str(dist),
               WEGWIJZER_TRACKER_URL=f"sqlite:///{stack.running.workdir / 'tracker.db'}")
    web = _start("web", ["bot.web"], "/gezond", env, work)
    try:
        console = _start("console", ["bot.console"], "/gezond", env, work)
    except Exception:
        web.process.terminate()
        raise
    try:
        yield web, console
    finally:
        for process in (web, console):
            process.process.terminate()
            process.process.wait(timeout=20)
