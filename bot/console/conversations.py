"""Conversations from the tracker store: a filtered, region-scoped list and one transcript.

Nothing is copied: every view is read from ``events``. The region of a conversation is the last value of
its ``gemeente`` slot; a conversation without one is visible only to users who see all regions.
"""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Engine

from bot.console.roles import Scope
from bot.console.regions import jeugdregio_of
from bot.console.tracker_events import FALLBACK_INTENT, HUMAN_INTENTS, REGION_SLOT, events, parse

MAX_SEARCH_ROWS = 20_000


def key_of(sender_id: str) -> str:
    """A URL-safe key for a sender id (sender ids may hold any character)."""
    return base64.urlsafe_b64encode(sender_id.encode("utf-8")).decode("ascii").rstrip("=")


def sender_of(key: str) -> str | None:
    if not key or len(key) > 400:
        return None
    try:
        sender = base64.b64decode(key + "=" * (-len(key) % 4), altchars=b"-_", validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return sender if sender and key_of(sender) == key else None  # one key per sender id


def _epoch(d: date, end: bool = False) -> float:
    moment = datetime.combine(d, time.max if end else time.min, tzinfo=timezone.utc)
    return moment.timestamp()


@dataclass(frozen=True)
class Filters:
    van: date | None = None
    tot: date | None = None
    regio: str = ""           # GMxxxx or JZxx
    intent: str = ""
    niet_begrepen: bool = False
    wilde_mens: bool = False
    zoek: str = ""


@dataclass
class Summary:
    sender_id: str
    begin: datetime
    einde: datetime
    berichten: int
    gemeente: str
    niet_begrepen: bool
    wilde_mens: bool
    treffer: str = ""         # the message text that matched the search (redacted by the view)

    @property
    def key(self) -> str:
        return key_of(self.sender_id)


@dataclass
class Message:
    event_id: int
    wie: str                  # "gebruiker" | "wegwijzer"
    tekst: str
    tijd: datetime
    intent: str = ""
    zekerheid: float | None = None
    knop: str = ""            # title of the button the user clicked
    knoppen: list[str] = field(default_factory=list)


@dataclass
class Transcript:
    sender_id: str
    gemeente: str
    berichten: list[Message]

    @property
    def key(self) -> str:
        return key_of(self.sender_id)


def _dt(ts: float | None) -> datetime:
    return datetime.fromtimestamp(ts or 0, tz=timezone.utc).replace(tzinfo=None)


class ConversationStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def regions(self, conn) -> dict[str, str]:
        """sender_id → last gemeente slot value."""
        out: dict[str, str] = {}
        rows = conn.execute(select(events.c.sender_id, events.c.data).where(and_(
            events.c.type_name == "slot", events.c.action_name == REGION_SLOT)).order_by(events.c.id))
        for sender, data in rows:
            value = parse(data).get("value")
            out[sender] = value if isinstance(value, str) else ""
        return out

    def _search(self, conn, text: str) -> dict[str, str]:
        """sender_id → first user/bot message whose text contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        out: dict[str, str] = {}
        if not needle:
            return out
        # the JSON holds \\u escapes for non-ASCII text: a coarse LIKE on an ASCII fragment, exact check in Python
        ascii_part = max((p for p in needle.split() if p.isascii()), key=len, default="")
        cond = events.c.type_name.in_(("user", "bot"))
        if ascii_part:
            escaped = ascii_part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            cond = and_(cond, func.lower(events.c.data).like(f"%{escaped}%", escape="\\"))
        rows = conn.execute(select(events.c.sender_id, events.c.data).where(cond)
                            .order_by(events.c.id).limit(MAX_SEARCH_ROWS))
        for sender, data in rows:
            message = parse(data).get("text")
            if sender not in out and isinstance(message, str) and needle in message.lower():
                out[sender] = message
        return out

    def list(self, scope: Scope, filters: Filters, page: int = 1, per_page: int = 50) -> tuple[list[Summary], int]:
        is_user = case((events.c.type_name == "user", 1), else_=0)
        fallback = case((and_(events.c.type_name == "user", events.c.intent_name == FALLBACK_INTENT), 1), else_=0)
        human = case((and_(events.c.type_name == "user", events.c.intent_name.in_(HUMAN_INTENTS)), 1), else_=0)
        query = select(events.c.sender_id, func.min(events.c.timestamp), func.max(events.c.timestamp),
                       func.sum(is_user), func.max(fallback), func.max(human)).group_by(events.c.sender_id)
        having = []
        if filters.van:
            having.append(func.max(events.c.timestamp) >= _epoch(filters.van))
        if filters.tot:
            having.append(func.min(events.c.timestamp) <= _epoch(filters.tot, end=True))
        if filters.niet_begrepen:
            having.append(func.max(fallback) == 1)
        if filters.wilde_mens:
            having.append(func.max(human) == 1)
        if filters.intent:
            having.append(func.max(case((events.c.intent_name == filters.intent, 1), else_=0)) == 1)
        if having:
            query = query.having(and_(*having))
        with self.engine.connect() as conn:
            regions = self.regions(conn)
            hits = self._search(conn, filters.zoek) if filters.zoek.strip() else None
            rows = conn.execute(query).all()
        kept = []
        for sender, first, last, users, fb, hm in rows:
            gm = regions.get(sender, "")
            if not scope.allows(gm):
                continue
            if filters.regio and filters.regio not in (gm, jeugdregio_of(gm)):
                continue
            if hits is not None and sender not in hits:
                continue
            kept.append((last or 0, sender, first, users, fb, hm, gm))
        kept.sort(key=lambda r: (r[0], r[1]), reverse=True)   # newest last message first
        start = (max(page, 1) - 1) * per_page
        # Summary objects only for the rows on this page (building 10,000 of them cost ~100 ms per request)
        items = [Summary(sender, _dt(first), _dt(last), int(users or 0), gm, bool(fb), bool(hm),
                         (hits or {}).get(sender, ""))
                 for last, sender, first, users, fb, hm, gm in kept[start:start + per_page]]
        return items, len(kept)

    def transcript(self, scope: Scope, sender_id: str) -> Transcript | None:
        """The conversation, or None when it does not exist or lies outside the scope."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(events).where(events.c.sender_id == sender_id).order_by(events.c.id)).all()
        if not rows:
            return None
        gemeente = ""
        for row in rows:
            if row.type_name == "slot" and row.action_name == REGION_SLOT:
                value = parse(row.data).get("value")
                gemeente = value if isinstance(value, str) else ""
        if not scope.allows(gemeente):
            return None
        messages: list[Message] = []
        last_buttons: dict[str, str] = {}
        for row in rows:
            data = parse(row.data)
            text = data.get("text") if isinstance(data.get("text"), str) else ""
            if row.type_name == "bot":
                buttons = [b for b in ((data.get("data") or {}).get("buttons") or []) if isinstance(b, dict)]
                last_buttons = {str(b.get("payload", "")): str(b.get("title", "")) for b in buttons}
                messages.append(Message(row.id, "wegwijzer", text, _dt(row.timestamp),
                                        knoppen=[str(b.get("title", "")) for b in buttons]))
            elif row.type_name == "user":
                intent = (data.get("parse_data") or {}).get("intent") or {}
                confidence = intent.get("confidence")
                messages.append(Message(row.id, "gebruiker", text, _dt(row.timestamp), intent=row.intent_name or "",
                                        zekerheid=float(confidence) if isinstance(confidence, (int, float)) else None,
                                        knop=last_buttons.get(text, "")))
        return Transcript(sender_id, gemeente, messages)

    def message(self, scope: Scope, sender_id: str, event_id: int) -> Message | None:
        transcript = self.transcript(scope, sender_id)
        if transcript is None:
            return None
        return next((m for m in transcript.berichten if m.event_id == event_id), None)
