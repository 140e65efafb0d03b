"""Conversations from the tracker store: a filtered, region-scoped list and one transcript.

Nothing is copied: every view is read from ``events``. A conversation belongs to the region of its help
request, or without one to every municipality its ``gemeente`` slot ever held (bot.console.conversation_regio);
a conversation without any region is visible only to users who see all regions.
"""
from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import and_, select
from sqlalchemy.engine import Engine

from bot.console.conversation_query import (count_query, list_query, page_query, raw_json_prefilter,
                                            slot_values_query, text_search)
from bot.console.button_clicks import OfferedButtons
from bot.console.conversation_regio import RequestRegions, RequestRegionsSource, regions_of
from bot.console.masked_search import matches as masked_matches, prefilter_words
from bot.console.roles import Scope
from bot.live.channel_events import STAFF_MARK
from bot.console.tracker_events import REGION_SLOT, events, parse

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


@dataclass(frozen=True)
class Filters:
    van: date | None = None
    tot: date | None = None
    regio: str = ""           # GMxxxx or JZxx
    intent: str = ""
    niet_begrepen: bool = False
    wilde_mens: bool = False
    zoek: str = ""


class _OfOneConversation:
    """What a conversation's summary and transcript both answer: its console key and its first region."""
    sender_id: str
    gemeenten: tuple[str, ...]

    @property
    def key(self) -> str:
        return key_of(self.sender_id)

    @property
    def gemeente(self) -> str:
        """The first region: the help request's, else the first place named ('' without any)."""
        return self.gemeenten[0] if self.gemeenten else ""


@dataclass
class Summary(_OfOneConversation):
    sender_id: str
    begin: datetime
    einde: datetime
    berichten: int
    gemeenten: tuple[str, ...]  # the regions it belongs to (conversation_regions)
    niet_begrepen: bool
    wilde_mens: bool
    treffer: str = ""         # the message text that matched the search (redacted by the view)


@dataclass
class Message:
    event_id: int
    wie: str                  # "gebruiker" | "wegwijzer" | "medewerker" (a colleague in a live chat)
    tekst: str
    tijd: datetime
    intent: str = ""
    zekerheid: float | None = None
    knop: str = ""            # title of the button the user clicked
    knoppen: list[str] = field(default_factory=list)


@dataclass
class Transcript(_OfOneConversation):
    sender_id: str
    gemeenten: tuple[str, ...]
    berichten: list[Message]


def in_scope(scope: Scope, gemeenten: tuple[str, ...]) -> bool:
    """A conversation is in scope when one of its regions is (without any region: all-regions users only)."""
    return any(scope.allows(code) for code in gemeenten) if gemeenten else scope.allows("")


def _dt(ts: float | None) -> datetime:
    return datetime.fromtimestamp(ts or 0, tz=timezone.utc).replace(tzinfo=None)


class ConversationStore:
    """``help_requests`` gives the regions of the help requests by conversation (a
    conversation_regions.HelpRequestRegions on the help-request database), read per call."""

    def __init__(self, engine: Engine, help_requests: RequestRegionsSource):
        self.engine = engine
        self.help_requests = help_requests

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def regions(self, conn, senders: Iterable[str] | None = None,
                requests: RequestRegions | None = None) -> dict[str, tuple[str, ...]]:
        """sender_id → the regions it belongs to (of ``senders``, or of every conversation with a region)."""
        requests = self.help_requests() if requests is None else requests
        values: dict[str, list] = {}
        for sender, gemeente in conn.execute(slot_values_query(self.dialect, senders)):
            values.setdefault(sender, []).append(gemeente)
        wanted = set(values) | set(requests) if senders is None else set(senders)
        return {sender: regions_of(values.get(sender, ()), requests.get(sender)) for sender in wanted}

    def _search(self, conn, needle: str, senders: Iterable[str] | None = None,
                originals: bool = False) -> dict[str, str]:
        """sender_id → first user/bot message whose text contains ``needle`` (lower case), of ``senders``.

        Without ``originals`` the text searched is the redacted text (bot.console.masked_search)."""
        out: dict[str, str] = {}
        if not needle:
            return out
        # coarse, in SQL; the exact check follows in Python
        cond = raw_json_prefilter(needle, None if originals else prefilter_words(needle))
        if senders is not None:
            cond = and_(cond, events.c.sender_id.in_(list(senders)))
        rows = conn.execute(select(events.c.sender_id, events.c.data).where(cond)
                            .order_by(events.c.id).limit(MAX_SEARCH_ROWS))
        memo: dict[str, str] = {}
        for sender, data in rows:
            message = parse(data).get("text")
            if sender in out or not isinstance(message, str):
                continue
            if needle in message.lower() if originals else masked_matches(message, needle, memo):
                out[sender] = message
        return out

    def list(self, scope: Scope, filters: Filters, page: int = 1, per_page: int = 50,
             originals: bool = False) -> tuple[list[Summary], int]:
        """One page of conversations in scope that match the filters, newest last message first, and the total.

        The database filters, sorts, pages and counts (bot.console.conversation_query). The search text is
        matched in the redacted text, unless ``originals`` (only for roles that may see originals): then in
        the database, or in Python for a search text with non-ASCII characters (SQLite lowers only ASCII).
        A search in Python looks at most MAX_SEARCH_ROWS messages.
        """
        per_page = max(per_page, 1)
        offset = (max(page, 1) - 1) * per_page
        needle = filters.zoek.strip().lower()
        requests = self.help_requests()
        with self.engine.connect() as conn:
            search = text_search(self.dialect, needle) if originals else None
            hits = self._search(conn, needle, originals=originals) if needle and search is None else None
            if hits is not None and not hits:
                return [], 0
            query = list_query(self.dialect, scope, filters, search, None if hits is None else hits.keys(), requests)
            rows = conn.execute(page_query(query, offset, per_page)).all()
            total = rows[0].total if rows else (conn.execute(count_query(query)).scalar_one() if offset else 0)
            shown = [r.sender_id for r in rows]
            regions = self.regions(conn, shown, requests) if rows else {}
            if needle and hits is None and rows:
                hits = self._search(conn, needle, shown, originals=True)
        items = [Summary(r.sender_id, _dt(r.first), _dt(r.last), int(r.users or 0), regions.get(r.sender_id, ()),
                         bool(r.fallback), bool(r.human), (hits or {}).get(r.sender_id, ""))
                 for r in rows]
        return items, int(total)

    def transcript(self, scope: Scope, sender_id: str) -> Transcript | None:
        """The conversation, or None when it does not exist or lies outside the scope."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(events).where(events.c.sender_id == sender_id).order_by(events.c.id)).all()
        if not rows:
            return None
        slot_values = [parse(row.data).get("value") for row in rows
                       if row.type_name == "slot" and row.action_name == REGION_SLOT]
        gemeenten = regions_of(slot_values, self.help_requests().get(sender_id))
        if not in_scope(scope, gemeenten):
            return None
        messages: list[Message] = []
        offered = OfferedButtons()
        for row in rows:
            data = parse(row.data)
            text = data.get("text") if isinstance(data.get("text"), str) else ""
            if row.type_name == "bot":
                extra = data.get("data") if isinstance(data.get("data"), dict) else {}
                buttons = [b for b in (extra.get("buttons") or extra.get("quick_replies") or [])
                           if isinstance(b, dict)]
                offered.bot_message(buttons)
                meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
                wie = "medewerker" if meta.get(STAFF_MARK) is True else "wegwijzer"
                messages.append(Message(row.id, wie, text, _dt(row.timestamp),
                                        knoppen=[str(b.get("title", "")) for b in buttons]))
            elif row.type_name == "user":
                intent = (data.get("parse_data") or {}).get("intent") or {}
                confidence = intent.get("confidence")
                messages.append(Message(row.id, "gebruiker", text, _dt(row.timestamp), intent=row.intent_name or "",
                                        zekerheid=float(confidence) if isinstance(confidence, (int, float)) else None,
                                        knop=offered.user_message(text)))
        return Transcript(sender_id, gemeenten, messages)

    def message(self, scope: Scope, sender_id: str, event_id: int) -> Message | None:
        transcript = self.transcript(scope, sender_id)
        if transcript is None:
            return None
        return next((m for m in transcript.berichten if m.event_id == event_id), None)
