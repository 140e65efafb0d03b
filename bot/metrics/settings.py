"""Settings of the metrics exporter (``python -m bot.metrics``), all from the environment. Fails closed.

| variable | default | meaning |
|---|---|---|
| PROMETHEUS_MULTIPROC_DIR | – (required) | the folder every process of this machine writes its counters to |
| WEGWIJZER_METRICS_HOST | 127.0.0.1 | address of ``/metrics``; any other than loopback needs the token |
| WEGWIJZER_METRICS_PORT | 9470 | port of ``/metrics`` |
| WEGWIJZER_METRICS_TOKEN | – | bearer token Prometheus must send (>= 32 characters); required off loopback |
| WEGWIJZER_METRICS_PROBES | – | ``name=url,...``: health URLs whose answer becomes ``wegwijzer_process_up`` |
| WEGWIJZER_DATABASE_URL | sqlite:///var/wegwijzer.db | the help-request database (outbox gauges) |
"""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

from bot import settings
from bot.metrics.probes import parse_probes

DEFAULT_PORT = 9470
MIN_TOKEN = 32


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class MetricsSettings:
    folder: Path
    database_url: str
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: Optional[str] = field(default=None, repr=False)
    probes: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None, host: Optional[str] = None,
                 port: Optional[int] = None) -> "MetricsSettings":
        """Raises ValueError (a Dutch message for the operator) for anything unsafe or missing."""
        from bot.hulpvraag.config import DEFAULT_DB_URL

        env = os.environ if env is None else env
        folder = (env.get("PROMETHEUS_MULTIPROC_DIR") or "").strip()
        if not folder or not Path(folder).is_dir():
            raise ValueError("PROMETHEUS_MULTIPROC_DIR is niet gezet of bestaat niet: zonder die map zijn er "
                             "geen tellingen van de andere processen (scripts/start en de supervisor zetten hem)")
        host = host or settings.read("WEGWIJZER_METRICS_HOST", env)
        if port is not None and not 0 < port < 65536:
            raise ValueError(f"--port {port} is geen poortnummer")
        port = port if port is not None else settings.read("WEGWIJZER_METRICS_PORT", env)
        token = settings.read("WEGWIJZER_METRICS_TOKEN", env)  # at least MIN_TOKEN characters
        if not is_loopback(host) and token is None:
            raise ValueError(f"metrieken op {host} (niet alleen deze machine) vragen om WEGWIJZER_METRICS_TOKEN "
                             "(minstens 32 tekens); zonder token alleen op 127.0.0.1")
        return cls(folder=Path(folder), database_url=settings.read("WEGWIJZER_DATABASE_URL", env) or DEFAULT_DB_URL,
                   host=host, port=port, token=token, probes=parse_probes(settings.read("WEGWIJZER_METRICS_PROBES", env)))
