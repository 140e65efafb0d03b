"""``wegwijzer_process_up{process="rasa-1"}``: 1 when a process answers its health URL, checked when
Prometheus scrapes. The list comes from ``WEGWIJZER_METRICS_PROBES`` (``name=url,name=url``; the
production supervisor and scripts/start set it). This is how "a replica is down" becomes visible
while the one metrics endpoint itself is still up.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator
from urllib.parse import urlsplit

import requests
from prometheus_client.core import GaugeMetricFamily

NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


def parse_probes(raw: str) -> dict[str, str]:
    """``"rasa-1=http://127.0.0.1:5011/,actieserver=http://127.0.0.1:5055/health"`` -> {name: url}.
    Only http(s) URLs and short lowercase names; anything else is refused (ValueError)."""
    probes: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (raw or "").split(","))):
        name, sep, url = part.partition("=")
        name, url = name.strip(), url.strip()
        parts = urlsplit(url)
        if not sep or not NAME.match(name) or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"WEGWIJZER_METRICS_PROBES: {part[:60]!r} is geen naam=http-adres")
        probes[name] = url
    return probes


def answers(url: str, timeout: float) -> bool:
    try:
        return requests.get(url, timeout=timeout, allow_redirects=False).status_code == 200
    except requests.RequestException:
        return False


class ProbeCollector:
    def __init__(self, probes: dict[str, str], timeout: float = 2.0):
        self.probes = dict(probes)
        self.timeout = timeout

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily("wegwijzer_process_up", "1 when the process answers its health URL, 0 when "
                                   "not", labels=["process"])
        if self.probes:
            with ThreadPoolExecutor(max_workers=min(8, len(self.probes))) as pool:
                results = dict(zip(self.probes, pool.map(lambda url: answers(url, self.timeout),
                                                         self.probes.values())))
            for name, up in results.items():
                family.add_metric([name], 1 if up else 0)
        yield family

    def describe(self):
        return []
