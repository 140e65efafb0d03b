"""Starting one more real console process (python -m bot.console) on given databases, for test modules that
need other data than the shared ``console`` fixture of conftest.py."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[3]


@contextmanager
def console_process(work: Path, database_url: str, tracker_url: str):
    """Yields the console's base URL while the process runs."""
    from conftest import free_port   # tests/integration/console/conftest.py
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=database_url,
               WEGWIJZER_TRACKER_URL=tracker_url)
    log_path = work / f"console-{port}.log"
    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "-m", "bot.console", "--port", str(port)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            assert proc.poll() is None, log_path.read_text()[-2000:]
            try:
                if requests.get(url + "/gezond", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "console startte niet"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
