"""SQL for the insight page: the database counts and filters, Python only sorts out form answers (so the page
stays fast on many conversations; bot.console.insights puts it together).

- ``trend_query``: per day (or week) the user messages and ``nlu_fallback`` messages in scope;
- ``conversations_query``: how many conversations had a message in the period;
- ``fallbacks_and_form_state``: the ``nlu_fallback`` messages and the form-state events (active_loop,
  requested_slot, restart, session start; bot.console.form_turns), so Python can tell misses from form
  answers without reading every message;
- ``topics_query``: per topic the conversations, and how many of them are among the given conversations with
  a miss.
Region scope: bot.console.insights finds the conversations in scope once, with the rule of the conversation
list (bot.console.conversation_regio), and passes them to every query as one parameter (``in_senders``).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, case, distinct, func, or_, select, true
from sqlalchemy.sql import ColumnElement, Select

from bot.console.conversation_query import json_text, string_set
from bot.console.form_turns import ACTIVE_LOOP, REQUESTED_SLOT, RESETS
from bot.console.tracker_events import FALLBACK_INTENT, events

IS_USER = events.c.type_name == "user"
IS_FALLBACK = and_(IS_USER, events.c.intent_name == FALLBACK_INTENT)
IS_REQUESTED_SLOT = and_(events.c.type_name == "slot", events.c.action_name == REQUESTED_SLOT)
FORM_STATE = or_(events.c.type_name.in_((ACTIVE_LOOP, *RESETS)), IS_REQUESTED_SLOT)


def in_senders(dialect: str, senders: Iterable[str]) -> ColumnElement:
    """Events of these conversations (the ones in the user's scope, bot.console.conversations.in_scope), bound as
    one JSON parameter."""
    return events.c.sender_id.in_(string_set(dialect, senders))


def user_messages(since: float, scope_cond: ColumnElement) -> ColumnElement:
    return and_(IS_USER, events.c.timestamp >= since, scope_cond)


def bucket_case(starts: list[float]) -> ColumnElement:
    """The index of the day (or week) an event falls in, given the start of each (epoch seconds, ascending)."""
    whens = [(events.c.timestamp < start, i - 1) for i, start in enumerate(starts) if i > 0]
    return case(*whens, else_=len(starts) - 1) if whens else case((true(), 0))


def trend_query(cond: ColumnElement, starts: list[float]) -> Select:
    """bucket index, messages, nlu_fallback messages."""
    bucket = bucket_case(starts).label("bucket")
    return (select(bucket, func.count(), func.coalesce(func.sum(case((IS_FALLBACK, 1), else_=0)), 0))
            .where(cond).group_by(bucket))


def conversations_query(cond: ColumnElement) -> Select:
    return select(func.count(distinct(events.c.sender_id))).where(cond)


def fallbacks_and_form_state(dialect: str, since: float, form_since: float, scope_cond: ColumnElement) -> Select:
    """sender_id, id, type_name, action_name, value (of requested_slot), timestamp: the nlu_fallback messages
    from ``since`` and the form-state events from ``form_since``, in event order."""
    value = case((IS_REQUESTED_SLOT, json_text(dialect, "value")), else_=None).label("value")
    # only conversations in which a form was active have form answers: the others' session starts (every
    # conversation has one) are not needed
    with_form = select(events.c.sender_id).where(and_(events.c.type_name == ACTIVE_LOOP,
                                                      events.c.timestamp >= form_since))
    return (select(events.c.sender_id, events.c.id, events.c.type_name, events.c.action_name, value,
                   events.c.timestamp)
            .where(and_(scope_cond, or_(and_(IS_FALLBACK, events.c.timestamp >= since),
                                        and_(FORM_STATE, events.c.timestamp >= form_since,
                                             events.c.sender_id.in_(with_form)))))
            .order_by(events.c.id))


def topics_query(dialect: str, cond: ColumnElement, missed: Iterable[str]) -> Select:
    """topic, conversations, of which among ``missed`` (the conversations with a miss)."""
    in_missed = events.c.sender_id.in_(string_set(dialect, missed))
    return (select(events.c.intent_name, func.count(distinct(events.c.sender_id)),
                   func.count(distinct(case((in_missed, events.c.sender_id)))))
            .where(and_(cond, events.c.intent_name != FALLBACK_INTENT, events.c.intent_name.is_not(None)))
            .group_by(events.c.intent_name))
