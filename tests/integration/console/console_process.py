"""Starting one more real console process (python -m bot.console) on given databases, for test modules that
need other data than the shared ``console`` fixture of conftest.py, and a client for it (the same as
conftest.Console; not imported from there, since several conftest.py files share that module name)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from bot.production.ports import free_port

REPO = Path(__file__).resolve().parents[3]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Console:
    def __init__(self, url: str, ids: dict | None = None):
        self.url, self.ids = url, ids or {}

    def client(self, user: str | None = None, password: str | None = None) -> requests.Session:
        from console_data import PASSWORD
        s = requests.Session()
        if user:
            r = self.login(s, user, password or PASSWORD)
            assert r.status_code == 200 and "Uitloggen" in r.text, r.text[:300]
        return s

    def login(self, s: requests.Session, user: str, password: str) -> requests.Response:
        token = CSRF.search(s.get(self.url + "/inloggen").text).group(1)
        return s.post(self.url + "/inloggen", data={"csrf": token, "gebruikersnaam": user, "wachtwoord": password})

    def csrf(self, s: requests.Session, path: str = "/gesprekken") -> str:
        return CSRF.search(s.get(self.url + path).text).group(1)


@contextmanager
def console_process(work: Path, database_url: str, tracker_url: str, extra_env: dict | None = None):
    """Yields the console's base URL while the process runs."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=database_url,
               WEGWIJZER_TRACKER_URL=tracker_url, **(extra_env or {}))
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
