"""Server-side sessions: a random 32-byte id in the cookie, only its SHA-256 in the database.

A new id is made at every login (no session fixation); a session ends after ``inactief_minuten`` without
use or ``sessie_minuten`` after login, whichever comes first.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Engine

from bot.storage.console_schema import sessie
from bot.hulpvraag.db import utcnow

COOKIE = "wz_sessie"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Session:
    token: str
    account_id: int
    csrf_token: str


class Sessions:
    def __init__(self, engine: Engine, max_minutes: int = 480, idle_minutes: int = 30):
        self.engine = engine
        self.max_age = timedelta(minutes=max_minutes)
        self.idle = timedelta(minutes=idle_minutes)

    def create(self, account_id: int) -> Session:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = utcnow()
        with self.engine.begin() as conn:
            conn.execute(delete(sessie).where(sessie.c.verloopt_op < now))  # tidy expired sessions
            conn.execute(insert(sessie).values(sleutel_hash=_digest(token), account_id=account_id, csrf_token=csrf,
                                               aangemaakt_op=now, laatst_gezien_op=now, verloopt_op=now + self.max_age))
        return Session(token, account_id, csrf)

    def load(self, token: str | None, touch: bool = True) -> Session | None:
        """The session of this cookie, or None (unknown, expired, idle too long). ``touch=False``: a
        background request (the live pages' polling script) that must not keep an unattended session alive."""
        if not token or len(token) > 200:
            return None
        now = utcnow()
        key = _digest(token)
        with self.engine.begin() as conn:
            row = conn.execute(select(sessie).where(sessie.c.sleutel_hash == key)).first()
            if row is None:
                return None
            if row.verloopt_op <= now or row.laatst_gezien_op + self.idle <= now:
                conn.execute(delete(sessie).where(sessie.c.sleutel_hash == key))
                return None
            if touch and now - row.laatst_gezien_op > timedelta(seconds=30):  # fewer writes
                conn.execute(update(sessie).where(and_(sessie.c.sleutel_hash == key)).values(laatst_gezien_op=now))
        return Session(token, row.account_id, row.csrf_token)

    def end(self, token: str | None) -> None:
        if token:
            with self.engine.begin() as conn:
                conn.execute(delete(sessie).where(sessie.c.sleutel_hash == _digest(token)))

    def cookie_kwargs(self, https: bool) -> dict:
        return dict(httponly=True, samesite="Strict", secure=https, path="/")
