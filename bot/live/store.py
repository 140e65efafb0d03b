"""The durable live-chat queue: ask, list, join (one colleague only), leave, expire.

Plain functions over SQLAlchemy Core; every state change is one short transaction whose WHERE clause
carries the expected state, so two colleagues pressing "Neem over" at the same moment cannot both win:
the second gets ``AL_OVERGENOMEN`` with the first one's name. Times are naive UTC, like the other tables.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.live.schema import ACTIEF, GESLOTEN, OPEN, VERLOPEN, WACHTEND, live_gesprek, live_metadata

DEFAULT_WAIT_SECONDS = 180   # "a few minutes"; WEGWIJZER_LIVE_WACHTTIJD_SECONDEN
OK, AL_OVERGENOMEN, NIET_OPEN = "ok", "al_overgenomen", "niet_open"


def wait_seconds(env) -> int:
    """``WEGWIJZER_LIVE_WACHTTIJD_SECONDEN`` (5 to 3600), else the default."""
    raw = str(env.get("WEGWIJZER_LIVE_WACHTTIJD_SECONDEN") or "")
    return int(raw) if raw.isdigit() and 5 <= int(raw) <= 3600 else DEFAULT_WAIT_SECONDS


@dataclass(frozen=True)
class Live:
    id: int
    gesprek_id: str
    gemeente_code: Optional[str]
    status: str
    gevraagd_op: datetime
    medewerker: Optional[str] = None
    overgenomen_op: Optional[datetime] = None
    gesloten_op: Optional[datetime] = None


@dataclass(frozen=True)
class JoinResult:
    uitkomst: str                 # OK | AL_OVERGENOMEN | NIET_OPEN
    live: Optional[Live] = None


def _live(row) -> Live:
    return Live(row.id, row.gesprek_id, row.gemeente_code, row.status, row.gevraagd_op, row.medewerker,
                row.overgenomen_op, row.gesloten_op)


class LiveStore:
    def __init__(self, engine: Engine, wait_seconds: int = DEFAULT_WAIT_SECONDS, create: bool = True):
        self.engine = engine
        self.wait = timedelta(seconds=wait_seconds)
        if create:
            live_metadata.create_all(engine, checkfirst=True)

    # ---- reading -----------------------------------------------------------------------------

    def _fresh(self, now: datetime):
        """Rows still open: taken, or waiting for less than the waiting time."""
        return or_(live_gesprek.c.status == ACTIEF,
                   and_(live_gesprek.c.status == WACHTEND, live_gesprek.c.gevraagd_op > now - self.wait))

    def current(self, gesprek_id: str, now: datetime) -> Optional[Live]:
        """The open row of this conversation (a waiting row past the waiting time is not open)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(live_gesprek).where(live_gesprek.c.open_sleutel == gesprek_id,
                                                          self._fresh(now))).first()
        return _live(row) if row else None

    def latest(self, gesprek_id: str) -> Optional[Live]:
        with self.engine.connect() as conn:
            row = conn.execute(select(live_gesprek).where(live_gesprek.c.gesprek_id == gesprek_id)
                               .order_by(live_gesprek.c.id.desc()).limit(1)).first()
        return _live(row) if row else None

    def open_items(self, now: datetime, limit: int = 200) -> list[Live]:
        """Waiting (oldest first) and taken chats; the caller filters by region scope."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(live_gesprek).where(self._fresh(now))
                                .order_by(live_gesprek.c.gevraagd_op).limit(limit)).all()
        return [_live(r) for r in rows]

    # ---- changes -----------------------------------------------------------------------------

    def expire(self, now: datetime) -> int:
        """Waiting rows past the waiting time become ``verlopen`` (the user was offered a help request)."""
        with self.engine.begin() as conn:
            return conn.execute(update(live_gesprek).where(
                live_gesprek.c.status == WACHTEND, live_gesprek.c.gevraagd_op <= now - self.wait)
                .values(status=VERLOPEN, open_sleutel=None, gesloten_op=now)).rowcount

    def expire_due(self, now: datetime) -> list[Live]:
        """Mark waiting rows past the waiting time ``verlopen`` one by one and return those this call
        marked: whoever runs it (two consoles at once) tells each user exactly once."""
        with self.engine.connect() as conn:
            due = conn.execute(select(live_gesprek).where(
                live_gesprek.c.status == WACHTEND, live_gesprek.c.gevraagd_op <= now - self.wait)).all()
        marked = []
        for row in due:
            with self.engine.begin() as conn:
                if conn.execute(update(live_gesprek).where(live_gesprek.c.id == row.id,
                                                           live_gesprek.c.status == WACHTEND)
                                .values(status=VERLOPEN, open_sleutel=None, gesloten_op=now)).rowcount == 1:
                    marked.append(_live(row))
        return marked

    def ask(self, gesprek_id: str, gemeente_code: Optional[str], now: datetime) -> tuple[Live, bool]:
        """Put the conversation in the queue; (row, True) when new, (the open row, False) when it already
        waits or is taken (asking twice never makes two rows). A waiting row of this conversation past
        the waiting time is closed first (its user is told by the console's expiry, if not yet)."""
        with self.engine.begin() as conn:
            conn.execute(update(live_gesprek).where(
                live_gesprek.c.open_sleutel == gesprek_id, live_gesprek.c.status == WACHTEND,
                live_gesprek.c.gevraagd_op <= now - self.wait)
                .values(status=VERLOPEN, open_sleutel=None, gesloten_op=now))
        existing = self.current(gesprek_id, now)
        if existing is not None:
            return existing, False
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(live_gesprek.insert().values(
                    gesprek_id=gesprek_id, open_sleutel=gesprek_id, gemeente_code=gemeente_code, status=WACHTEND,
                    gevraagd_op=now)).inserted_primary_key[0]
        except IntegrityError:  # another process put it in the queue a moment ago
            existing = self.current(gesprek_id, now)
            if existing is None:
                raise
            return existing, False
        return Live(new_id, gesprek_id, gemeente_code, WACHTEND, now), True

    def join(self, gesprek_id: str, medewerker: str, now: datetime) -> JoinResult:
        """Take a waiting chat. Only one colleague wins; the same colleague joining again is fine."""
        with self.engine.begin() as conn:
            taken = conn.execute(update(live_gesprek).where(
                live_gesprek.c.open_sleutel == gesprek_id, live_gesprek.c.status == WACHTEND,
                live_gesprek.c.gevraagd_op > now - self.wait)
                .values(status=ACTIEF, medewerker=medewerker, overgenomen_op=now)).rowcount
        live = self.current(gesprek_id, now)
        if taken == 1 and live is not None:
            return JoinResult(OK, live)
        if live is not None and live.status == ACTIEF:
            return JoinResult(OK if live.medewerker == medewerker else AL_OVERGENOMEN, live)
        return JoinResult(NIET_OPEN, self.latest(gesprek_id))

    def release(self, gesprek_id: str, medewerker: str) -> bool:
        """Undo a join that could not reach the Rasa server: the chat waits again."""
        with self.engine.begin() as conn:
            return conn.execute(update(live_gesprek).where(
                live_gesprek.c.open_sleutel == gesprek_id, live_gesprek.c.status == ACTIEF,
                live_gesprek.c.medewerker == medewerker)
                .values(status=WACHTEND, medewerker=None, overgenomen_op=None)).rowcount == 1

    def close(self, gesprek_id: str, medewerker: Optional[str], now: datetime) -> Optional[Live]:
        """End the open row (the colleague leaves; ``medewerker`` None: anyone in scope, e.g. an admin
        closing a chat whose colleague is gone). Returns the closed row, or None when nothing was open."""
        conditions = [live_gesprek.c.open_sleutel == gesprek_id, live_gesprek.c.status.in_(OPEN)]
        if medewerker is not None:
            conditions.append(live_gesprek.c.medewerker == medewerker)
        with self.engine.begin() as conn:
            row = conn.execute(select(live_gesprek).where(*conditions)).first()
            if row is None:
                return None
            conn.execute(update(live_gesprek).where(live_gesprek.c.id == row.id)
                         .values(status=GESLOTEN, open_sleutel=None, gesloten_op=now))
        return _live(row)
