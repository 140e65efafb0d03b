"""Settings for help requests, read from the environment (secrets only from there, never from YAML)."""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot import settings as env_settings

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DB_URL = f"sqlite:///{REPO / 'var' / 'wegwijzer.db'}"
DEFAULT_CONTACTPUNT = "het Wegwijzer-team (regionaal contactpunt)"
ENV_FIELDS = {  # field -> variable (kind, default and bounds: bot/settings/registry.py)
    "contactpunt_naam": "WEGWIJZER_CONTACTPUNT_NAAM",
    "reactietermijn_werkdagen": "WEGWIJZER_REACTIETERMIJN_WERKDAGEN",
    "max_pogingen": "WEGWIJZER_OUTBOX_MAX_POGINGEN",
    "lease_seconden": "WEGWIJZER_OUTBOX_LEASE",
    "backoff_basis": "WEGWIJZER_OUTBOX_BACKOFF_BASIS",
    "backoff_max": "WEGWIJZER_OUTBOX_BACKOFF_MAX",
    "poll_interval": "WEGWIJZER_OUTBOX_POLL",
    "bezorg_timeout": "WEGWIJZER_BEZORG_TIMEOUT",
    "bewaar_dagen": "WEGWIJZER_HULPVRAAG_BEWAARDAGEN",
    "smtp_host": "WEGWIJZER_SMTP_HOST",
    "smtp_port": "WEGWIJZER_SMTP_PORT",
    "smtp_gebruiker": "WEGWIJZER_SMTP_GEBRUIKER",
    "smtp_wachtwoord": "WEGWIJZER_SMTP_WACHTWOORD",
    "smtp_beveiliging": "WEGWIJZER_SMTP_BEVEILIGING",
    "smtp_afzender": "WEGWIJZER_SMTP_AFZENDER",
    "droog": "WEGWIJZER_OUTBOX_DROOG",
}


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DB_URL
    contactpunt_naam: str = DEFAULT_CONTACTPUNT
    reactietermijn_werkdagen: int = 5
    max_pogingen: int = 8              # attempts per delivery before it becomes a dead letter
    lease_seconden: float = 120.0      # a claimed delivery may be retried by another worker after this
    backoff_basis: float = 30.0        # first retry after ~this many seconds, then doubling
    backoff_max: float = 3600.0
    poll_interval: float = 5.0
    bezorg_timeout: float = 20.0       # per HTTP/SMTP delivery; always shorter than the lease
    bewaar_dagen: int = 90             # retention of closed/withdrawn requests (cli cleanup)
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_gebruiker: str = ""
    smtp_wachtwoord: str = field(default="", repr=False)
    smtp_beveiliging: str = "starttls"  # starttls | tls | geen
    smtp_afzender: str = ""
    droog: bool = False                # dry run: log what would be sent, send nothing
    env: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_env(cls, environ: dict | None = None) -> "Settings":
        """Raises bot.settings.SettingsError (a ValueError) for a bad value."""
        env = dict(os.environ if environ is None else environ)
        values = env_settings.read_fields(ENV_FIELDS, env)
        timeout, lease = values["bezorg_timeout"], values["lease_seconden"]
        if lease <= timeout:
            log.warning("WEGWIJZER_OUTBOX_LEASE (%s) moet langer zijn dan WEGWIJZER_BEZORG_TIMEOUT (%s); "
                        "lease wordt %s", lease, timeout, timeout * 2)
            values["lease_seconden"] = timeout * 2
        return cls(database_url=env_settings.read("WEGWIJZER_DATABASE_URL", env) or DEFAULT_DB_URL, env=env, **values)

    def webhook_secret(self, gebied: str) -> str:
        """WEGWIJZER_WEBHOOK_SECRET_<GEBIED> (e.g. ..._GM0479) wins over WEGWIJZER_WEBHOOK_SECRET."""
        key = re.sub(r"[^A-Z0-9]", "_", (gebied or "").upper())
        return (env_settings.read(f"WEGWIJZER_WEBHOOK_SECRET_{key}", self.env) if key else None) \
            or env_settings.read("WEGWIJZER_WEBHOOK_SECRET", self.env) or ""
