"""Console settings from the environment (never from files: the database URL may hold a password)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from bot import settings
from bot.hulpvraag.config import DEFAULT_DB_URL, REPO

DEFAULT_TRACKER_URL = f"sqlite:///{REPO / 'var' / 'tracker.db'}"
ENV_FIELDS = {  # field -> variable (kind, default and bounds: bot/settings/registry.py)
    "https": "WEGWIJZER_CONSOLE_HTTPS",
    "host": "WEGWIJZER_CONSOLE_HOST",
    "port": "WEGWIJZER_CONSOLE_PORT",
    "sessie_minuten": "WEGWIJZER_CONSOLE_SESSIE_MINUTEN",
    "inactief_minuten": "WEGWIJZER_CONSOLE_INACTIEF_MINUTEN",
    "max_fouten_ip": "WEGWIJZER_CONSOLE_MAX_FOUTEN_IP",
    "wachttijd_seconden": "WEGWIJZER_CONSOLE_WACHTTIJD_SECONDEN",
    "blokkade_minuten": "WEGWIJZER_CONSOLE_MAX_WACHTTIJD_MINUTEN",
    "live_wachttijd_seconden": "WEGWIJZER_LIVE_WACHTTIJD_SECONDEN",
}


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
        """Raises bot.settings.SettingsError (a ValueError) for a bad value."""
        env = dict(os.environ if environ is None else environ)
        values = settings.read_fields(ENV_FIELDS, env)
        if port:
            values["port"] = port
        return cls(database_url=settings.read("WEGWIJZER_DATABASE_URL", env) or DEFAULT_DB_URL,
                   tracker_url=settings.read("WEGWIJZER_TRACKER_URL", env) or DEFAULT_TRACKER_URL, env=env, **values)
