"""Settings of the production profile, all from the environment (the one place they are listed; the
operator's overview is docs/productie.md).

| variable | default | meaning |
|---|---|---|
| WEGWIJZER_PRODUCTIE_DIR | var/productie | run directory: pg/, redis/, run/ (generated config), logs/ |
| WEGWIJZER_MODEL | models/wegwijzer.tar.gz | trained model |
| WEGWIJZER_RASA_REPLICAS | 2 | number of Rasa servers behind nginx |
| WEGWIJZER_PROXY_HOST / _PORT | 0.0.0.0 / 5005 | nginx: the one public address (chat, widget, demo pages) |
| WEGWIJZER_RASA_BASE_PORT | 5011 | replica n listens on 127.0.0.1:(base + n - 1) |
| WEGWIJZER_ACTIONS_PORT | 5055 | action server (127.0.0.1) |
| WEGWIJZER_WEB_PORT | 8080 | web app (127.0.0.1; public through nginx) |
| WEGWIJZER_CONSOLE_HOST / _PORT | 127.0.0.1 / 8090 | staff console |
| WEGWIJZER_WORKER_HEALTH_PORT | 5060 | outbox worker's /gezond and /klaar (127.0.0.1) |
| WEGWIJZER_PG_DIR | <run dir>/pg | data folder of the own PostgreSQL (user postgres must reach it) |
| WEGWIJZER_PG_PORT | 5433 | own PostgreSQL (127.0.0.1), when WEGWIJZER_DATABASE_URL is not set |
| WEGWIJZER_REDIS_PORT | 6380 | own Redis (127.0.0.1), when WEGWIJZER_REDIS_URL is not set |
| WEGWIJZER_DATABASE_URL | own PostgreSQL | help requests, console, audit log (SQLAlchemy URL) |
| WEGWIJZER_TRACKER_URL | = DATABASE_URL | Rasa's tracker store (table events) |
| WEGWIJZER_REDIS_URL | own Redis | lock store, e.g. redis://:secret@redis.intern:6379/1 |
| WEGWIJZER_RASA_PUBLIC_URL | http://localhost:<proxy port> | where browsers reach nginx (widget socket) |
| WEGWIJZER_PROXY_MAX_BODY | 64k | nginx client_max_body_size |
| WEGWIJZER_PROXY_TIMEOUT | 60 | nginx proxy read/send timeout in seconds |
| WEGWIJZER_HERSTART | 1 | restart a process that stopped (0: leave it down) |
| WEGWIJZER_START_TIMEOUT | 600 | seconds to wait until every process is ready |
| WEGWIJZER_RASA_POOL | 10 | PostgreSQL connections per Rasa replica (overflow: twice that) |
| WEGWIJZER_METRICS_PORT | 9470 | Prometheus /metrics of this machine (bot.metrics; WEGWIJZER_METRICS_HOST, default 127.0.0.1, and WEGWIJZER_METRICS_TOKEN are read by the exporter itself) |

Required (the profile refuses to start without them, bot/production/security.py): TWILIO_AUTH_TOKEN,
WEGWIJZER_WIDGET_SECRET and WEGWIJZER_SESSION_SECRET (each >= 32 characters, the same for every
replica and across restarts), WEGWIJZER_WIDGET_ORIGINS (no "*"). WEGWIJZER_ACTIONS_TOKEN
(Rasa <-> action server) is generated per start when unset.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping, Optional

REPO = Path(__file__).resolve().parents[2]
log = logging.getLogger(__name__)


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is geen geheel getal") from None
    if value < minimum:
        raise ValueError(f"{name}={raw!r} moet minstens {minimum} zijn")
    return value


@dataclass(frozen=True)
class ProductionSettings:
    run_dir: Path = REPO / "var" / "productie"
    model: Path = REPO / "models" / "wegwijzer.tar.gz"
    replicas: int = 2
    proxy_host: str = "0.0.0.0"
    proxy_port: int = 5005
    rasa_base_port: int = 5011
    actions_port: int = 5055
    web_port: int = 8080
    console_host: str = "127.0.0.1"
    console_port: int = 8090
    worker_health_port: int = 5060
    pg_port: int = 5433
    pg_data_dir: Optional[Path] = None     # None: <run_dir>/pg
    redis_port: int = 6380
    database_url: Optional[str] = None     # None: our own PostgreSQL
    tracker_url: Optional[str] = None      # None: the same database
    redis_url: Optional[str] = None        # None: our own Redis
    public_url: Optional[str] = None
    max_body: str = "64k"
    proxy_timeout: int = 60
    restart: bool = True
    start_timeout: int = 600
    rasa_pool: int = 10
    metrics_port: int = 9470
    env: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "ProductionSettings":
        env = dict(os.environ if environ is None else environ)
        max_body = env.get("WEGWIJZER_PROXY_MAX_BODY") or "64k"
        if not max_body[:-1].isdigit() and not max_body.isdigit():
            raise ValueError(f"WEGWIJZER_PROXY_MAX_BODY={max_body!r}: gebruik een getal met k of m, zoals 64k")
        return cls(
            run_dir=Path(env.get("WEGWIJZER_PRODUCTIE_DIR") or REPO / "var" / "productie").resolve(),
            model=Path(env.get("WEGWIJZER_MODEL") or REPO / "models" / "wegwijzer.tar.gz").resolve(),
            replicas=_int(env, "WEGWIJZER_RASA_REPLICAS", 2),
            proxy_host=env.get("WEGWIJZER_PROXY_HOST") or "0.0.0.0",
            proxy_port=_int(env, "WEGWIJZER_PROXY_PORT", 5005),
            rasa_base_port=_int(env, "WEGWIJZER_RASA_BASE_PORT", 5011),
            actions_port=_int(env, "WEGWIJZER_ACTIONS_PORT", 5055),
            web_port=_int(env, "WEGWIJZER_WEB_PORT", 8080),
            console_host=env.get("WEGWIJZER_CONSOLE_HOST") or "127.0.0.1",
            console_port=_int(env, "WEGWIJZER_CONSOLE_PORT", 8090),
            worker_health_port=_int(env, "WEGWIJZER_WORKER_HEALTH_PORT", 5060),
            pg_port=_int(env, "WEGWIJZER_PG_PORT", 5433),
            pg_data_dir=Path(env["WEGWIJZER_PG_DIR"]).resolve() if env.get("WEGWIJZER_PG_DIR") else None,
            redis_port=_int(env, "WEGWIJZER_REDIS_PORT", 6380),
            database_url=env.get("WEGWIJZER_DATABASE_URL") or None,
            tracker_url=env.get("WEGWIJZER_TRACKER_URL") or None,
            redis_url=env.get("WEGWIJZER_REDIS_URL") or None,
            public_url=env.get("WEGWIJZER_RASA_PUBLIC_URL") or None,
            max_body=max_body,
            proxy_timeout=_int(env, "WEGWIJZER_PROXY_TIMEOUT", 60),
            restart=env.get("WEGWIJZER_HERSTART", "1") not in ("0", "nee", "false"),
            start_timeout=_int(env, "WEGWIJZER_START_TIMEOUT", 600),
            rasa_pool=_int(env, "WEGWIJZER_RASA_POOL", 10),
            metrics_port=_int(env, "WEGWIJZER_METRICS_PORT", 9470),
            env=env,
        )

    def with_changes(self, **changes) -> "ProductionSettings":
        return replace(self, **changes)

    @property
    def own_postgres(self) -> bool:
        return self.database_url is None

    @property
    def own_redis(self) -> bool:
        return self.redis_url is None

    @property
    def rasa_ports(self) -> list[int]:
        return [self.rasa_base_port + i for i in range(self.replicas)]

    @property
    def pg_dir(self) -> Path:
        return self.pg_data_dir or self.run_dir / "pg"

    @property
    def redis_dir(self) -> Path:
        return self.run_dir / "redis"

    @property
    def conf_dir(self) -> Path:
        return self.run_dir / "run"

    @property
    def metrics_dir(self) -> Path:
        """prometheus-client's multiprocess folder: every process writes its counters here."""
        return self.run_dir / "metrics"

    @property
    def log_dir(self) -> Path:
        return self.run_dir / "logs"

    @property
    def public_base(self) -> str:
        return self.public_url or f"http://localhost:{self.proxy_port}"

    def database(self) -> str:
        return self.database_url or f"postgresql+psycopg2://postgres@127.0.0.1:{self.pg_port}/wegwijzer"

    def tracker(self) -> str:
        return self.tracker_url or self.database()

    def redis(self) -> str:
        return self.redis_url or f"redis://127.0.0.1:{self.redis_port}/1"
