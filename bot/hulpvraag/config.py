"""Settings for help requests, read from the environment (secrets only from there, never from YAML)."""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DB_URL = f"sqlite:///{REPO / 'var' / 'wegwijzer.db'}"
DEFAULT_CONTACTPUNT = "het Wegwijzer-team (regionaal contactpunt)"


def _num(env: dict, name: str, default: float, minimum: float, cast=float):
    raw = env.get(name)
    if raw in (None, ""):
        return cast(default)
    try:
        value = cast(raw)
    except ValueError:
        log.warning("%s=%r is geen getal; standaard %s wordt gebruikt", name, raw, default)
        return cast(default)
    if value < minimum:
        log.warning("%s=%r is kleiner dan %s; standaard %s wordt gebruikt", name, raw, minimum, default)
        return cast(default)
    return value


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
        env = dict(os.environ if environ is None else environ)
        timeout = _num(env, "WEGWIJZER_BEZORG_TIMEOUT", 20.0, 0.1)
        lease = _num(env, "WEGWIJZER_OUTBOX_LEASE", 120.0, 0.5)
        if lease <= timeout:
            log.warning("WEGWIJZER_OUTBOX_LEASE (%s) moet langer zijn dan WEGWIJZER_BEZORG_TIMEOUT (%s); "
                        "lease wordt %s", lease, timeout, timeout * 2)
            lease = timeout * 2
        return cls(
            database_url=env.get("WEGWIJZER_DATABASE_URL") or DEFAULT_DB_URL,
            contactpunt_naam=(env.get("WEGWIJZER_CONTACTPUNT_NAAM") or DEFAULT_CONTACTPUNT).strip(),
            reactietermijn_werkdagen=_num(env, "WEGWIJZER_REACTIETERMIJN_WERKDAGEN", 5, 1, int),
            max_pogingen=_num(env, "WEGWIJZER_OUTBOX_MAX_POGINGEN", 8, 1, int),
            lease_seconden=lease,
            backoff_basis=_num(env, "WEGWIJZER_OUTBOX_BACKOFF_BASIS", 30.0, 0.01),
            backoff_max=_num(env, "WEGWIJZER_OUTBOX_BACKOFF_MAX", 3600.0, 0.01),
            poll_interval=_num(env, "WEGWIJZER_OUTBOX_POLL", 5.0, 0.05),
            bezorg_timeout=timeout,
            bewaar_dagen=_num(env, "WEGWIJZER_HULPVRAAG_BEWAARDAGEN", 90, 1, int),
            smtp_host=env.get("WEGWIJZER_SMTP_HOST", ""),
            smtp_port=_num(env, "WEGWIJZER_SMTP_PORT", 25, 1, int),
            smtp_gebruiker=env.get("WEGWIJZER_SMTP_GEBRUIKER", ""),
            smtp_wachtwoord=env.get("WEGWIJZER_SMTP_WACHTWOORD", ""),
            smtp_beveiliging=(env.get("WEGWIJZER_SMTP_BEVEILIGING") or "starttls").lower(),
            smtp_afzender=env.get("WEGWIJZER_SMTP_AFZENDER", ""),
            droog=env.get("WEGWIJZER_OUTBOX_DROOG", "") in ("1", "true", "ja"),
            env=env,
        )

    def webhook_secret(self, gebied: str) -> str:
        """WEGWIJZER_WEBHOOK_SECRET_<GEBIED> (e.g. ..._GM0479) wins over WEGWIJZER_WEBHOOK_SECRET."""
        key = re.sub(r"[^A-Z0-9]", "_", (gebied or "").upper())
        return (self.env.get(f"WEGWIJZER_WEBHOOK_SECRET_{key}") if key else None) \
            or self.env.get("WEGWIJZER_WEBHOOK_SECRET", "")
