"""Login rate limiting with backoff, keyed so that nobody can lock someone else's account.

Keys: per user AND client address (``gebruiker:<naam>@<adres>``) and per client address
(``ip:<adres>``, across all usernames: password spraying from one address). There is no key for an
account alone: wrong passwords sent from one address slow down that address only, never the real user
at another address (issue 18: anyone who knew a username could keep that account locked).

Backoff instead of a hard lock: the first ``max_<kind>`` failures of a key (since its last successful
login, within a day) cost nothing; every further failure makes the key wait ``base_seconds * 2^k``
seconds (k = 0, 1, 2, ...; at most ``max_seconds``) before its next attempt is even checked. A success
clears the count of its keys. Every start of a wait is logged (and audited by the caller).
"""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.engine import Engine

from bot.storage.console_schema import blokkade, inlogpoging
from bot.hulpvraag.db import utcnow

log = logging.getLogger(__name__)
MEMORY = timedelta(days=1)  # failures older than this are forgotten


def user_address_key(gebruikersnaam: str, address: str | None) -> str:
    return f"gebruiker:{(gebruikersnaam or '').strip().lower()[:150]}@{(address or 'onbekend')[:100]}"


def ip_key(address: str | None) -> str:
    return "ip:" + (address or "onbekend")[:100]


def login_keys(gebruikersnaam: str, address: str | None) -> tuple[str, str]:
    return user_address_key(gebruikersnaam, address), ip_key(address)


def backoff_seconds(failures: int, free: int, base_seconds: int, max_seconds: int) -> int:
    """Seconds to wait after ``failures`` failures of which ``free`` cost nothing."""
    if failures < free:
        return 0
    return int(min(max_seconds, base_seconds * 2 ** min(failures - free, 30)))


class LoginLimiter:
    def __init__(self, engine: Engine, max_account: int = 5, max_ip: int = 20, base_seconds: int = 30,
                 max_seconds: int = 15 * 60):
        self.engine = engine
        self.free = {"gebruiker": max_account, "ip": max_ip}
        self.base_seconds, self.max_seconds = base_seconds, max_seconds

    def wait(self, *keys: str) -> int:
        """Whole seconds until every key may try again (0: now)."""
        now = utcnow()
        with self.engine.connect() as conn:
            until = conn.execute(select(func.max(blokkade.c.tot)).where(and_(
                blokkade.c.sleutel.in_(keys), blokkade.c.tot > now))).scalar()
        return 0 if until is None else max(1, int((until - now).total_seconds() + 0.999))

    def locked(self, *keys: str) -> bool:
        return self.wait(*keys) > 0

    def failure(self, *keys: str) -> dict[str, int]:
        """Record a failed attempt; returns the keys that must now wait, with the seconds."""
        now = utcnow()
        waits: dict[str, int] = {}
        with self.engine.begin() as conn:
            for key in keys:
                conn.execute(insert(inlogpoging).values(sleutel=key, tijd=now, gelukt=False))
                last_ok = conn.execute(select(func.max(inlogpoging.c.tijd)).where(and_(
                    inlogpoging.c.sleutel == key, inlogpoging.c.gelukt.is_(True)))).scalar()
                since = max(t for t in (now - MEMORY, last_ok) if t)
                failures = conn.execute(select(func.count()).select_from(inlogpoging).where(and_(
                    inlogpoging.c.sleutel == key, inlogpoging.c.gelukt.is_(False),
                    inlogpoging.c.tijd > since))).scalar()
                seconds = backoff_seconds(failures, self.free[key.split(":", 1)[0]], self.base_seconds,
                                          self.max_seconds)
                if seconds:
                    conn.execute(delete(blokkade).where(blokkade.c.sleutel == key))
                    conn.execute(insert(blokkade).values(sleutel=key, tot=now + timedelta(seconds=seconds)))
                    waits[key] = seconds
                    log.warning("inloggen voor %s vertraagd: %s s wachten (%s mislukte pogingen)",
                                key, seconds, failures)
        return waits

    def success(self, *keys: str) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(inlogpoging).where(inlogpoging.c.tijd < now - timedelta(days=30)))
            conn.execute(delete(blokkade).where(blokkade.c.sleutel.in_(keys)))
            for key in keys:
                conn.execute(insert(inlogpoging).values(sleutel=key, tijd=now, gelukt=True))
