"""Settings of the production profile, all from the environment. Each variable (name, kind, default,
meaning) is declared once in bot/settings/registry.py; the table is docs/settings.md (``production``
column), the operator's overview docs/productie.md.

Required (the profile refuses to start without them, bot/production/security.py): TWILIO_AUTH_TOKEN,
WEGWIJZER_WIDGET_SECRET and WEGWIJZER_SESSION_SECRET (each >= 32 characters, the same for every
replica and across restarts), WEGWIJZER_WIDGET_ORIGINS (no "*"). WEGWIJZER_ACTIONS_TOKEN
(Rasa <-> action server) is generated per start when unset.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping, Optional

from bot import settings

REPO = Path(__file__).resolve().parents[2]
ENV_FIELDS = {  # field -> variable (kind, default and bounds: bot/settings/registry.py)
    "replicas": "WEGWIJZER_RASA_REPLICAS",
    "proxy_host": "WEGWIJZER_PROXY_HOST",
    "proxy_port": "WEGWIJZER_PROXY_PORT",
    "rasa_base_port": "WEGWIJZER_RASA_BASE_PORT",
    "actions_port": "WEGWIJZER_ACTIONS_PORT",
    "web_port": "WEGWIJZER_WEB_PORT",
    "console_host": "WEGWIJZER_CONSOLE_HOST",
    "console_port": "WEGWIJZER_CONSOLE_PORT",
    "pg_port": "WEGWIJZER_PG_PORT",
    "redis_port": "WEGWIJZER_REDIS_PORT",
    "database_url": "WEGWIJZER_DATABASE_URL",
    "tracker_url": "WEGWIJZER_TRACKER_URL",
    "redis_url": "WEGWIJZER_REDIS_URL",
    "public_url": "WEGWIJZER_RASA_PUBLIC_URL",
    "max_body": "WEGWIJZER_PROXY_MAX_BODY",
    "proxy_timeout": "WEGWIJZER_PROXY_TIMEOUT",
    "restart": "WEGWIJZER_HERSTART",
    "start_timeout": "WEGWIJZER_START_TIMEOUT",
    "rasa_pool": "WEGWIJZER_RASA_POOL",
    "metrics_port": "WEGWIJZER_METRICS_PORT",
}


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
        """Raises bot.settings.SettingsError (a ValueError) naming the first bad variable."""
        env = dict(os.environ if environ is None else environ)
        pg_dir = settings.read("WEGWIJZER_PG_DIR", env)
        return cls(run_dir=settings.read("WEGWIJZER_PRODUCTIE_DIR", env).resolve(),
                   model=settings.read("WEGWIJZER_MODEL", env).resolve(),
                   worker_health_port=settings.read("WEGWIJZER_WORKER_HEALTH_PORT", env) or 5060,  # unset: off elsewhere
                   pg_data_dir=pg_dir.resolve() if pg_dir else None, env=env,
                   **settings.read_fields(ENV_FIELDS, env))

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
