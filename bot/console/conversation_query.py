"""SQL for the conversation list: the database computes region, filters, order, page and total.

The region of a conversation is the string ``value`` of its last ``gemeente`` slot event (highest id),
taken from the event's JSON in SQL (SQLite: json_extract, PostgreSQL: ``data::json ->> 'value'``), so a
request reads one aggregate row per conversation on the page instead of every event of every conversation.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timezone

from sqlalchemy import String, and_, case, cast, false, func, literal, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ColumnElement, Select

from bot.console.regions import gemeenten_in
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


def region_query(dialect: str, senders: Iterable[str] | None = None):
    """sender_id, gemeente: one row per conversation that ever set the ``gemeente`` slot (of ``senders``)."""
    latest = (select(events.c.sender_id, func.max(events.c.id).label("slot_id"))
              .where(and_(events.c.type_name == "slot", events.c.action_name == REGION_SLOT))
              .group_by(events.c.sender_id))
    if senders is not None:
        latest = latest.where(events.c.sender_id.in_(list(senders)))
    latest = latest.subquery("latest_slot")
    return (select(latest.c.sender_id, json_text(dialect, "value").label("gemeente"))
            .select_from(latest.join(events, events.c.id == latest.c.slot_id)))


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
               senders: Iterable[str] | None = None) -> Select:
    """Columns: sender_id, first, last, users, fallback, human[, gemeente] — filtered, newest first.

    ``filters`` is a conversations.Filters. ``search`` (a text_search condition) or ``senders`` (search hits
    found in Python) restrict the list. The region column is only there when scope or filter need it;
    otherwise the caller looks the regions of the page up (region_query with ``senders``).
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
    if where:
        agg = agg.where(and_(*where))
    agg = agg.subquery("per_gesprek")
    columns = [agg.c.sender_id, agg.c.first, agg.c.last, agg.c.users, agg.c.fallback, agg.c.human]
    query = select(*columns)
    if not scope.alle or filters.regio:
        region = region_query(dialect).subquery("regio")
        gemeente = func.coalesce(region.c.gemeente, "")
        query = select(*columns, gemeente.label("gemeente")).select_from(
            agg.outerjoin(region, region.c.sender_id == agg.c.sender_id))
        allowed = None if scope.alle else _codes_in(scope.codes) - {""}
        if filters.regio:
            wanted = _codes_in([filters.regio])
            allowed = wanted if allowed is None else allowed & wanted
        query = query.where(gemeente.in_(sorted(allowed)) if allowed else false())
    sender_order = agg.c.sender_id
    if dialect == "postgresql":
        sender_order = cast(agg.c.sender_id, String).collate("C")   # code point order, as Python and SQLite
    return query.order_by(func.coalesce(agg.c.last, 0).desc(), sender_order.desc())


def page_query(query: Select, offset: int, limit: int) -> Select:
    """The page plus the total number of rows in the same statement (a window count, taken before LIMIT)."""
    return query.add_columns(func.count().over().label("total")).offset(offset).limit(limit)


def count_query(query: Select) -> Select:
    return select(func.count()).select_from(query.order_by(None).subquery("telling"))
