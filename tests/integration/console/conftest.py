"""Starts the real console (python -m bot.console) on a free port against a temp SQLite database and a
Rasa tracker store filled with Rasa's own SQLTrackerStore; tests drive it over HTTP with requests."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests" / "unit" / "console"))

from console_data import PASSWORD, WAIT_SECONDS, add_accounts, add_request, database  # noqa: E402
from tracker_data import XSS, fill, standard_set  # noqa: E402
from bot.production.ports import free_port

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Console:
    def __init__(self, url: str, ids: dict, db_path: Path):
        self.url, self.ids, self.db_path = url, ids, db_path

    def client(self, user: str | None = None, password: str = PASSWORD) -> requests.Session:
        s = requests.Session()
        if user:
            r = self.login(s, user, password)
            assert r.status_code == 200 and "Uitloggen" in r.text, r.text[:300]
        return s

    def login(self, s: requests.Session, user: str, password: str) -> requests.Response:
        page = s.get(self.url + "/inloggen")
        token = CSRF.search(page.text).group(1)
        return s.post(self.url + "/inloggen", data={"csrf": token, "gebruikersnaam": user, "wachtwoord": password})

    def csrf(self, s: requests.Session, path: str = "/gesprekken") -> str:
        return CSRF.search(s.get(self.url + path).text).group(1)


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    work = tmp_path_factory.mktemp("console")
    tracker = work / "tracker.db"
    fill(str(tracker), standard_set(time.time()))
    engine = database(work / "wegwijzer.db")
    accounts = add_accounts(engine)
    ids = {
        "zaan": add_request(engine, "WW-ZAAN-1", "GM0479", hulpvraag=f"Help {XSS} bel 0612345678"),
        "gron": add_request(engine, "WW-GRON-1", "GM0014"),
        "accounts": {k: a.id for k, a in accounts.items()},
    }
    engine.dispose()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=f"sqlite:///{work / 'wegwijzer.db'}",
               WEGWIJZER_TRACKER_URL=f"sqlite:///{tracker}",
               WEGWIJZER_CONSOLE_WACHTTIJD_SECONDEN=str(WAIT_SECONDS))
    log = open(work / "console.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "bot.console", "--port", str(port)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            pytest.fail("console stopte: " + (work / "console.log").read_text()[-2000:])
        try:
            if requests.get(url + "/gezond", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("console startte niet")
        time.sleep(0.2)
    try:
        yield Console(url, ids, work / "wegwijzer.db")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
