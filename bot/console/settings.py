"""Console settings from the environment (never from files: the database URL may hold a password)."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from bot.hulpvraag.config import DEFAULT_DB_URL, REPO
from bot.live.store import wait_seconds

log = logging.getLogger(__name__)
DEFAULT_TRACKER_URL = f"sqlite:///{REPO / 'var' / 'tracker.db'}"


def _int(env: dict, name: str, default: int, minimum: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        log.warning("%s=%r is geen geheel getal; standaard %s wordt gebruikt", name, raw, default)
        return default
    return value if value >= minimum else default


@dataclass(frozen=True)
class ConsoleSettings:
    database_url: str = DEFAULT_DB_URL        # help requests + the console's own tables
    tracker_url: str = DEFAULT_TRACKER_URL    # Rasa's SQL tracker store (table events)
    https: bool = False                       # Secure cookies (set behind TLS)
    host: str = "127.0.0.1"
    port: int = 8090
    sessie_minuten: int = 480                 # absolute session lifetime
    inactief_minuten: int = 30                # idle timeout
    max_fouten_account: int = 5               # free failed logins per username AND address, then backoff
    max_fouten_ip: int = 20                   # free failed logins per address (all usernames), then backoff
    wachttijd_seconden: int = 30              # first backoff wait; doubles with every further failure
    blokkade_minuten: int = 15                # longest backoff wait
    live_wachttijd_seconden: int = 180        # how long a live-chat request waits for a colleague
    env: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_env(cls, environ: dict | None = None, port: int | None = None) -> "ConsoleSettings":
        env = dict(os.environ if environ is None else environ)
        return cls(
            database_url=env.get("WEGWIJZER_DATABASE_URL") or DEFAULT_DB_URL,
            tracker_url=env.get("WEGWIJZER_TRACKER_URL") or DEFAULT_TRACKER_URL,
            https=env.get("WEGWIJZER_CONSOLE_HTTPS", "") in ("1", "true", "ja"),
            host=env.get("WEGWIJZER_CONSOLE_HOST") or "127.0.0.1",
            port=port or _int(env, "WEGWIJZER_CONSOLE_PORT", 8090, 1),
            sessie_minuten=_int(env, "WEGWIJZER_CONSOLE_SESSIE_MINUTEN", 480, 1),
            inactief_minuten=_int(env, "WEGWIJZER_CONSOLE_INACTIEF_MINUTEN", 30, 1),
            max_fouten_ip=_int(env, "WEGWIJZER_CONSOLE_MAX_FOUTEN_IP", 20, 5),
            wachttijd_seconden=_int(env, "WEGWIJZER_CONSOLE_WACHTTIJD_SECONDEN", 30, 1),
            blokkade_minuten=_int(env, "WEGWIJZER_CONSOLE_MAX_WACHTTIJD_MINUTEN", 15, 1),
            live_wachttijd_seconden=wait_seconds(env),
            env=env,
        )
