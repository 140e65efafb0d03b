"""Storing feedback on answers and counting it (plain Python over SQLAlchemy Core).

- ``record``: one "ja" or "nee" for one answer; a second one for the same answer is refused
  (``AlreadyGiven``), not an error.
- ``add_reason``: after "nee", one optional fixed reason (what was missing).
- ``counts_per_topic_per_day``: what the staff console's insight page reads (issue 20);
  ``reasons_per_topic`` the reasons.
- ``unlink_conversations``: retention and erasure (``bot.privacy.retention``) keep the counts but
  drop the link to a conversation that is gone.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional

from sqlalchemy import and_, case, func, inspect, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from bot.feedback.schema import JA, NEE, OORDELEN, REDENEN, antwoord_feedback, feedback_metadata
from bot.feedback.token import AnswerRef
from bot.hulpvraag.db import utcnow

BATCH = 200


class AlreadyGiven(Exception):
    """This answer already has feedback."""


@dataclass(frozen=True)
class TopicDay:
    onderwerp: str
    dag: date
    ja: int
    nee: int


def create_table(engine: Engine, attempts: int = 3) -> None:
    """Create the table when it is missing (the default profile; production runs the migrations)."""
    for attempt in range(attempts):
        try:
            feedback_metadata.create_all(engine, checkfirst=True)
            return
        except (OperationalError, ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def record(engine: Engine, ref: AnswerRef, oordeel: str, day: date) -> None:
    """Stores one judgement on one answer. Raises AlreadyGiven for a second one, ValueError for a
    judgement other than "ja" or "nee"."""
    if oordeel not in OORDELEN:
        raise ValueError("oordeel moet ja of nee zijn")
    try:
        with engine.begin() as conn:
            conn.execute(insert(antwoord_feedback).values(
                onderwerp=ref.topic, gesprek_id=ref.conversation, antwoord_ref=ref.nonce, oordeel=oordeel,
                dag=day, aangemaakt_op=utcnow()))
    except IntegrityError as exc:
        raise AlreadyGiven() from exc


def add_reason(engine: Engine, ref: AnswerRef, reden: str) -> bool:
    """Adds what was missing to this answer's "nee" (once). False when there is no "nee" for the
    answer or it already has a reason."""
    if reden not in REDENEN:
        raise ValueError("onbekende reden")
    t = antwoord_feedback
    with engine.begin() as conn:
        changed = conn.execute(update(t).where(and_(
            t.c.antwoord_ref == ref.nonce, t.c.onderwerp == ref.topic, t.c.oordeel == NEE,
            t.c.reden.is_(None))).values(reden=reden)).rowcount
    return bool(changed)


def reasons_per_topic(engine: Engine, since: Optional[date] = None,
                      until: Optional[date] = None) -> list[tuple[str, str, int]]:
    """(onderwerp, reden, aantal) for the "nee" answers that named what was missing."""
    if not inspect(engine).has_table(antwoord_feedback.name):
        return []
    t = antwoord_feedback
    query = select(t.c.onderwerp, t.c.reden, func.count().label("n")).where(t.c.reden.is_not(None)) \
        .group_by(t.c.onderwerp, t.c.reden).order_by(t.c.onderwerp, t.c.reden)
    if since is not None:
        query = query.where(t.c.dag >= since)
    if until is not None:
        query = query.where(t.c.dag <= until)
    with engine.connect() as conn:
        return [(r.onderwerp, r.reden, int(r.n)) for r in conn.execute(query)]


def counts_per_topic_per_day(engine: Engine, since: Optional[date] = None,
                             until: Optional[date] = None) -> list[TopicDay]:
    """Feedback counted per topic and day (both inclusive bounds optional), sorted by day, topic."""
    if not inspect(engine).has_table(antwoord_feedback.name):
        return []
    t = antwoord_feedback
    query = select(
        t.c.onderwerp, t.c.dag,
        func.sum(case((t.c.oordeel == JA, 1), else_=0)).label("ja"),
        func.sum(case((t.c.oordeel == NEE, 1), else_=0)).label("nee"),
    ).group_by(t.c.onderwerp, t.c.dag).order_by(t.c.dag, t.c.onderwerp)
    if since is not None:
        query = query.where(t.c.dag >= since)
    if until is not None:
        query = query.where(t.c.dag <= until)
    with engine.connect() as conn:
        return [TopicDay(r.onderwerp, r.dag, int(r.ja or 0), int(r.nee or 0)) for r in conn.execute(query)]


def unlink_conversations(engine: Engine, conversation_ids: Iterable[str]) -> int:
    """Forget which conversations these feedback rows came from (the counts stay). Returns rows."""
    ids = [str(i) for i in conversation_ids]
    if not ids or not inspect(engine).has_table(antwoord_feedback.name):
        return 0
    total = 0
    for start in range(0, len(ids), BATCH):
        with engine.begin() as conn:
            total += conn.execute(update(antwoord_feedback).where(
                antwoord_feedback.c.gesprek_id.in_(ids[start:start + BATCH])).values(gesprek_id=None)).rowcount or 0
    return total


def linked_conversations(engine: Engine) -> list[str]:
    """The conversations feedback still points to (for the daily cleanup)."""
    if not inspect(engine).has_table(antwoord_feedback.name):
        return []
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(antwoord_feedback.c.gesprek_id).where(
            and_(antwoord_feedback.c.gesprek_id.is_not(None))).distinct())]


def gone_from_tracker(tracker_engine: Engine, conversations: list[str]) -> list[str]:
    """The conversations (sender ids) no longer in Rasa's tracker store, asked in batches: the tracker may
    be another database (also used by bot.privacy.notes_retention)."""
    from bot.storage.tracker_table import events

    has_events = inspect(tracker_engine).has_table(events.name)
    gone: list[str] = []
    for start in range(0, len(conversations), BATCH):
        chunk = conversations[start:start + BATCH]
        existing: set[str] = set()
        if has_events:
            with tracker_engine.connect() as conn:
                existing = {r[0] for r in conn.execute(
                    select(events.c.sender_id).where(events.c.sender_id.in_(chunk)).distinct())}
        gone += [c for c in chunk if c not in existing]
    return gone


def unlink_gone_conversations(engine: Engine, tracker_engine: Engine) -> int:
    """Daily cleanup: drop the link of feedback whose conversation is no longer in Rasa's tracker
    store (retention removed it). Returns rows unlinked."""
    return unlink_conversations(engine, gone_from_tracker(tracker_engine, linked_conversations(engine)))
