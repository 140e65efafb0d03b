"""Login rate limiting: after N failed logins within the lockout window, the account (or IP address) is
locked for that window. Locked attempts are not even checked. Every lockout is logged."""
from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.engine import Engine

from bot.console.schema import blokkade, inlogpoging
from bot.hulpvraag.db import utcnow

log = logging.getLogger(__name__)


def account_key(gebruikersnaam: str) -> str:
    return "account:" + (gebruikersnaam or "").strip().lower()[:200]


def ip_key(address: str | None) -> str:
    return "ip:" + (address or "onbekend")[:100]


class LoginLimiter:
    def __init__(self, engine: Engine, max_account: int = 5, max_ip: int = 20, minutes: int = 15):
        self.engine = engine
        self.limits = {"account": max_account, "ip": max_ip}
        self.window = timedelta(minutes=minutes)

    def locked(self, *keys: str) -> bool:
        now = utcnow()
        with self.engine.connect() as conn:
            return conn.execute(select(blokkade.c.sleutel).where(and_(
                blokkade.c.sleutel.in_(keys), blokkade.c.tot > now))).first() is not None

    def failure(self, *keys: str) -> list[str]:
        """Record a failed attempt; returns the keys that became locked by it."""
        now = utcnow()
        newly_locked = []
        with self.engine.begin() as conn:
            for key in keys:
                conn.execute(insert(inlogpoging).values(sleutel=key, tijd=now, gelukt=False))
                last_ok = conn.execute(select(func.max(inlogpoging.c.tijd)).where(and_(
                    inlogpoging.c.sleutel == key, inlogpoging.c.gelukt.is_(True)))).scalar()
                last_lock = conn.execute(select(blokkade.c.tot).where(blokkade.c.sleutel == key)).scalar()
                # failures before the last success or before the last lockout began do not count again
                since = max(t for t in (now - self.window, last_ok, last_lock and last_lock - self.window) if t)
                failures = conn.execute(select(func.count()).select_from(inlogpoging).where(and_(
                    inlogpoging.c.sleutel == key, inlogpoging.c.gelukt.is_(False),
                    inlogpoging.c.tijd > since))).scalar()
                if failures >= self.limits[key.split(":", 1)[0]]:
                    conn.execute(delete(blokkade).where(blokkade.c.sleutel == key))
                    conn.execute(insert(blokkade).values(sleutel=key, tot=now + self.window))
                    newly_locked.append(key)
                    log.warning("inloggen geblokkeerd voor %s tot %s (%s mislukte pogingen)",
                                key, now + self.window, failures)
        return newly_locked

    def success(self, *keys: str) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(inlogpoging).where(inlogpoging.c.tijd < now - timedelta(days=30)))
            for key in keys:
                conn.execute(insert(inlogpoging).values(sleutel=key, tijd=now, gelukt=True))
