"""The real metrics exporter (python -m bot.metrics) as a subprocess for tests, and reading what it serves."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import requests
from prometheus_client.parser import text_string_to_metric_families

from bot.tooling.launcher import REPO, free_port, wait_until_up


@contextmanager
def metrics_exporter(folder: Path, database_url: str, work: Path, probes: str = "",
                     extra_env: Optional[dict] = None) -> Iterator[str]:
    """Yields the exporter's /metrics URL while it runs on a free loopback port."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), PROMETHEUS_MULTIPROC_DIR=str(folder),
               WEGWIJZER_DATABASE_URL=database_url, WEGWIJZER_METRICS_PROBES=probes, **(extra_env or {}))
    log = work / f"metrics-{port}.log"
    process = subprocess.Popen([sys.executable, "-m", "bot.metrics", "--port", str(port)], cwd=REPO, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/gezond", process, log, timeout=60)
        yield f"http://127.0.0.1:{port}/metrics"
    finally:
        process.terminate()
        process.wait(timeout=20)


def scrape(url: str, headers: Optional[dict] = None) -> dict:
    """{(sample name, sorted label items): value} from one real HTTP scrape."""
    response = requests.get(url, headers=headers, timeout=30)
    response.raise_for_status()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.text) for s in family.samples}


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)
