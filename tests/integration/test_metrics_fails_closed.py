"""python -m bot.metrics as a real process: it does not start off loopback without a token, nor without
the multiprocess folder; with a token it answers 401 to a scrape without it."""
from __future__ import annotations

import os
import subprocess
import sys

import requests

from bot.tooling.launcher import REPO, free_port
from tests.support.metrics import metrics_exporter

TOKEN = "m" * 40


def _run(env_extra: dict, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), **env_extra)
    env.pop("WEGWIJZER_METRICS_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "bot.metrics", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60)


def test_refuses_to_listen_off_loopback_without_a_token(tmp_path):
    result = _run({"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}, "--host", "0.0.0.0", "--port", str(free_port()))
    assert result.returncode == 2 and "WEGWIJZER_METRICS_TOKEN" in result.stderr


def test_refuses_without_the_multiprocess_folder(tmp_path):
    result = _run({"PROMETHEUS_MULTIPROC_DIR": ""}, "--port", str(free_port()))
    assert result.returncode == 2 and "PROMETHEUS_MULTIPROC_DIR" in result.stderr


def test_with_a_token_a_scrape_without_it_is_refused(tmp_path):
    with metrics_exporter(tmp_path, f"sqlite:///{tmp_path / 'w.db'}", tmp_path,
                          extra_env={"WEGWIJZER_METRICS_TOKEN": TOKEN}) as url:
        assert requests.get(url, timeout=10).status_code == 401
        assert requests.get(url, headers={"Authorization": "Bearer " + "x" * 40}, timeout=10).status_code == 401
        ok = requests.get(url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        assert ok.status_code == 200 and "wegwijzer_outbox_scrape_ok" in ok.text
