"""Console logins and lockouts in the metrics: the real console process and the real metrics exporter,
over HTTP, sharing one multiprocess folder as under scripts/start."""
from __future__ import annotations

import time

import pytest

from console_data import PASSWORD, add_accounts, database
from console_process import Console, console_process
from tests.support.metrics import metrics_exporter, scrape, value
from tracker_data import fill, standard_set

pytestmark = pytest.mark.integration


def test_logins_failures_lockouts_and_refusals_are_counted(tmp_path, monkeypatch):
    folder = tmp_path / "metrics"
    folder.mkdir()
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    monkeypatch.setenv("WEGWIJZER_CONSOLE_WACHTTIJD_SECONDEN", "60")
    tracker = tmp_path / "tracker.db"
    fill(str(tracker), standard_set(time.time()))
    engine = database(tmp_path / "wegwijzer.db")
    add_accounts(engine)
    engine.dispose()
    database_url = f"sqlite:///{tmp_path / 'wegwijzer.db'}"
    with console_process(tmp_path, database_url, f"sqlite:///{tracker}") as url, \
            metrics_exporter(folder, database_url, tmp_path) as metrics_url:
        console = Console(url)
        console.client("admin", PASSWORD)                               # one good login
        session = console.client()
        statuses = [console.login(session, "zaan", "verkeerd wachtwoord").status_code for _ in range(5)]
        assert statuses == [401] * 5
        assert console.login(session, "zaan", PASSWORD).status_code == 429   # locked out: refused
        samples = scrape(metrics_url)
    assert value(samples, "wegwijzer_console_logins_total", result="success") == 1
    assert value(samples, "wegwijzer_console_logins_total", result="failure") == 5
    assert value(samples, "wegwijzer_console_logins_total", result="refused") == 1
    assert value(samples, "wegwijzer_console_lockouts_total", key="user") == 1
    assert value(samples, "wegwijzer_console_lockouts_total", key="address") == 0
