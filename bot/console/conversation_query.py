"""SQL for the conversation list: the database computes region scope, filters, order, page and total.

Which regions a conversation belongs to is decided in bot.console.conversation_regio: the regions of its
help requests if it has one, else every value its ``gemeente`` slot ever took. ``region_condition`` says the
same in SQL: the conversations with a help request come in as one JSON parameter, the slot values are taken
from the events' JSON (SQLite: json_extract, PostgreSQL: ``data::json ->> 'value'``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timezone

from sqlalchemy import String, and_, case, cast, false, func, literal, not_, or_, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ColumnElement, Select

from bot.console.regio import gemeenten_in
from bot.console.roles import Scope
from bot.console.tracker_events import FALLBACK_INTENT, HUMAN_INTENTS, REGION_SLOT, events

SUPPORTED = ("sqlite", "postgresql")


def epoch(d: date, end: bool = False) -> float:
    """Start (or end) of a UTC day as epoch seconds, the unit of ``events.timestamp``."""
    return datetime.combine(d, time.max if end else time.min, tzinfo=timezone.utc).timestamp()


def json_text(dialect: str, key: str) -> ColumnElement:
    """The string at ``key`` of the event's JSON ``data``, else '' (also when ``data`` is no JSON object)."""
    if dialect == "postgresql":
        value = cast(events.c.data, postgresql.JSON)[key]
        return case((func.json_typeof(value) == "string", value.astext), else_="")
    if dialect == "sqlite":
        path = literal(f"$.{key}")
        return case((func.json_valid(events.c.data) == 1,
                     case((func.json_type(events.c.data, path) == "text", func.json_extract(events.c.data, path)),
                          else_="")), else_="")
    raise ValueError(f"tracker store dialect {dialect!r} wordt niet ondersteund (alleen {', '.join(SUPPORTED)})")


def slot_values_query(dialect: str, senders: Iterable[str] | None = None):
    """sender_id, gemeente: every ``gemeente`` slot event (of ``senders``), in order."""
    query = (select(events.c.sender_id, json_text(dialect, "value").label("gemeente"))
             .where(and_(events.c.type_name == "slot", events.c.action_name == REGION_SLOT)))
    if senders is not None:
        query = query.where(events.c.sender_id.in_(list(senders)))
    return query.order_by(events.c.id)


def string_set(dialect: str, values: Iterable[str]) -> Select:
    """A one-column SELECT of ``values``, bound as a single JSON parameter (any number of values)."""
    payload = json.dumps(sorted(set(values)))
    if dialect == "postgresql":
        each = func.json_array_elements_text(cast(literal(payload), postgresql.JSON)).table_valued("value")
    elif dialect == "sqlite":
        each = func.json_each(literal(payload)).table_valued("value")
    else:
        raise ValueError(f"tracker store dialect {dialect!r} wordt niet ondersteund (alleen {', '.join(SUPPORTED)})")
    return select(each.c.value)


def region_condition(dialect: str, allowed: set[str], requests: Mapping[str, frozenset[str]]) -> ColumnElement:
    """Conversations that belong to one of the municipality codes ``allowed``: by a help request in one of
    them, or, without any help request, by a ``gemeente`` slot value in one of them (ever, not only the last)."""
    if not allowed:
        return false()
    by_request = [sender for sender, codes in requests.items() if codes & allowed]
    touched = _with(and_(events.c.type_name == "slot", events.c.action_name == REGION_SLOT,
                         json_text(dialect, "value").in_(sorted(allowed))))
    return or_(events.c.sender_id.in_(string_set(dialect, by_request)),
               and_(not_(events.c.sender_id.in_(string_set(dialect, requests))), touched))


def like_escaped(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def text_search(dialect: str, needle: str) -> ColumnElement | None:
    """Condition on user/bot events whose message text contains ``needle`` (lower case), or None when
    the database cannot decide it exactly (a needle with non-ASCII characters: SQLite lowers only ASCII)."""
    if not needle or not needle.isascii():
        return None
    exact = func.lower(json_text(dialect, "text")).like(like_escaped(needle), escape="\\")
    return and_(raw_json_prefilter(needle), exact)


def raw_json_prefilter(needle: str, words: Iterable[str] | None = None) -> ColumnElement:
    """User/bot events whose raw JSON holds the longest word of ``needle`` (or of ``words``, when given) that
    JSON keeps as is (printable ASCII without " and \\; the rest is escaped): a cheap superset of the events
    whose text holds ``needle``."""
    cond = events.c.type_name.in_(("user", "bot"))
    words = [w for w in (needle.split() if words is None else words)
             if w.isascii() and w.isprintable() and '"' not in w and "\\" not in w]
    if words:
        cond = and_(cond, func.lower(events.c.data).like(like_escaped(max(words, key=len)), escape="\\"))
    return cond


def _codes_in(codes: Iterable[str]) -> set[str]:
    """Municipality values that belong to any of these GM/JZ codes (the code itself included)."""
    out: set[str] = set()
    for code in codes:
        if code:
            out.add(code)
            out |= gemeenten_in(code)
    return out


def _with(condition) -> ColumnElement:
    """Conversations with at least one event that meets ``condition`` (a semi-join: less to aggregate)."""
    return events.c.sender_id.in_(select(events.c.sender_id).where(condition))


def list_query(dialect: str, scope: Scope, filters, search: ColumnElement | None = None,
               senders: Iterable[str] | None = None, requests: Mapping[str, frozenset[str]] | None = None) -> Select:
    """Columns: sender_id, first, last, users, fallback, human — filtered, newest first.

    ``filters`` is a conversations.Filters. ``search`` (a text_search condition) or ``senders`` (search hits
    found in Python) restrict the list. ``requests`` (conversation_regions.RequestRegions) is needed when the
    scope or the region filter restricts the list; the caller looks the regions of the page up itself.
    """
    is_user = events.c.type_name == "user"
    fallback = and_(is_user, events.c.intent_name == FALLBACK_INTENT)
    human = and_(is_user, events.c.intent_name.in_(HUMAN_INTENTS))
    first, last = func.min(events.c.timestamp), func.max(events.c.timestamp)
    agg = select(events.c.sender_id.label("sender_id"), first.label("first"), last.label("last"),
                 func.sum(case((is_user, 1), else_=0)).label("users"),
                 func.max(case((fallback, 1), else_=0)).label("fallback"),
                 func.max(case((human, 1), else_=0)).label("human")).group_by(events.c.sender_id)
    where = []
    if filters.van:   # the last event is on or after van  ⇔  some event is
        where.append(_with(events.c.timestamp >= epoch(filters.van)))
    if filters.tot:   # the first event is on or before tot  ⇔  some event is
        where.append(_with(events.c.timestamp <= epoch(filters.tot, end=True)))
    if filters.niet_begrepen:
        where.append(_with(fallback))
    if filters.wilde_mens:
        where.append(_with(human))
    if filters.intent:
        where.append(_with(events.c.intent_name == filters.intent))
    if search is not None:
        where.append(_with(search))
    if senders is not None:
        where.append(events.c.sender_id.in_(list(senders)))
    if not scope.alle or filters.regio:
        if requests is None:
            raise ValueError("the regions of the help requests are needed to scope the list")
        allowed = None if scope.alle else _codes_in(scope.codes) - {""}
        if filters.regio:
            wanted = _codes_in([filters.regio])
            allowed = wanted if allowed is None else allowed & wanted
        where.append(region_condition(dialect, allowed or set(), requests))
    if where:
        agg = agg.where(and_(*where))
    agg = agg.subquery("per_gesprek")
    query = select(agg.c.sender_id, agg.c.first, agg.c.last, agg.c.users, agg.c.fallback, agg.c.human)
    sender_order = agg.c.sender_id
    if dialect == "postgresql":
        sender_order = cast(agg.c.sender_id, String).collate("C")   # code point order, as Python and SQLite
    return query.order_by(func.coalesce(agg.c.last, 0).desc(), sender_order.desc())


def page_query(query: Select, offset: int, limit: int) -> Select:
    """The page plus the total number of rows in the same statement (a window count, taken before LIMIT)."""
    return query.add_columns(func.count().over().label("total")).offset(offset).limit(limit)


def count_query(query: Select) -> Select:
    return select(func.count()).select_from(query.order_by(None).subquery("telling"))
