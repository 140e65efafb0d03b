"""Retention and erasure of conversations in Rasa's SQL tracker store (table ``events``).

    cleanup_transcripts(tracker_engine, older_than_days, now=None) -> int   conversations deleted
    delete_conversation(tracker_engine, sender_id, request_engine=None) -> int   events deleted
    erase_conversation(...) -> Erasure   the same, with the number of help requests erased

Rasa 3.6's SQLTrackerStore keeps one row per event: id, sender_id, type_name, timestamp (unix
seconds, float), intent_name, action_name, data (JSON). A conversation is deleted as a whole once its
LAST event is older than the retention period, so a conversation that is still going on keeps its
beginning. Help requests have their own retention (bot.hulpvraag.retention).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, func, inspect, select, update
from sqlalchemy.engine import Engine

from bot.feedback.store import unlink_conversations
from bot.privacy.notes_retention import delete_notes_for
from bot.storage.tracker_table import events

log = logging.getLogger(__name__)

BATCH = 200
MAX_SENDER_ID = 255


@dataclass(frozen=True)
class Erasure:
    events: int
    help_requests: int


def _cutoff(older_than_days: int, now: datetime | float | None) -> float:
    if older_than_days is None or int(older_than_days) < 0:
        raise ValueError("de bewaartermijn moet 0 of meer dagen zijn")
    if now is None:
        ref = time.time()
    elif isinstance(now, datetime):
        ref = (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).timestamp()
    else:
        ref = float(now)
    return ref - int(older_than_days) * 86400


def _has_events_table(engine: Engine) -> bool:
    return inspect(engine).has_table("events")


def cleanup_transcripts(tracker_engine: Engine, older_than_days: int, now: datetime | float | None = None) -> int:
    """Delete every conversation whose last event is older than ``older_than_days`` days. Returns the
    number of conversations deleted. Works in batches, one short transaction each."""
    cutoff = _cutoff(older_than_days, now)
    if not _has_events_table(tracker_engine):
        return 0
    last = func.max(events.c.timestamp)
    total = 0
    while True:
        with tracker_engine.begin() as conn:
            senders = [r.sender_id for r in conn.execute(
                select(events.c.sender_id).group_by(events.c.sender_id).having(last < cutoff).limit(BATCH))]
            if not senders:
                break
            conn.execute(delete(events).where(events.c.sender_id.in_(senders)))
            total += len(senders)
    if total:
        log.info("%d gesprek(ken) verwijderd (laatste bericht ouder dan %s dagen)", total, older_than_days)
    return total


def _erase_help_requests(request_engine: Engine, sender_id: str) -> int:
    """Withdraw the open help requests of this conversation (receivers get a withdrawal notice) and
    wipe the personal fields of all of them. Returns how many requests were touched."""
    from bot.hulpvraag.schema import hulpverzoek
    from bot.hulpvraag.store import WIPED_ON_WITHDRAWAL, HelpRequestStore

    # staff notes and labels about the conversation and its requests can quote the parent: they go too
    delete_notes_for(request_engine, "gesprek", [sender_id])
    unlink_conversations(request_engine, [sender_id])  # feedback on its answers stays counted, unlinked
    if not inspect(request_engine).has_table(hulpverzoek.name):
        return 0
    store = HelpRequestStore(request_engine)
    with request_engine.connect() as conn:
        rows = list(conn.execute(
            select(hulpverzoek.c.id, hulpverzoek.c.referentie).where(hulpverzoek.c.gesprek_id == sender_id)))
    refs = [r.referentie for r in rows]
    delete_notes_for(request_engine, "hulpverzoek", [r.id for r in rows])
    for ref in refs:
        store.withdraw(ref, sender_id)  # open requests: withdrawn, wiped, notice queued; others untouched
    if refs:
        with request_engine.begin() as conn:
            conn.execute(update(hulpverzoek).where(hulpverzoek.c.gesprek_id == sender_id).values(
                leeftijd=None, **{f: "" for f in WIPED_ON_WITHDRAWAL}))
    return len(refs)


def erase_conversation(tracker_engine: Engine, sender_id: str, request_engine: Engine | None = None) -> Erasure:
    """Right to erasure: delete all events of one conversation and erase its help requests (in
    ``request_engine``, or else in the database of WEGWIJZER_DATABASE_URL)."""
    if not isinstance(sender_id, str) or not sender_id.strip() or len(sender_id) > MAX_SENDER_ID:
        raise ValueError("ongeldig gesprek-id")
    n_events = 0
    if _has_events_table(tracker_engine):
        with tracker_engine.begin() as conn:
            n_events = conn.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount or 0
    if request_engine is not None:
        n_requests = _erase_help_requests(request_engine, sender_id)
    else:  # the help-request database from the environment (WEGWIJZER_DATABASE_URL)
        from bot.hulpvraag.config import Settings
        from bot.hulpvraag.db import make_engine

        engine = make_engine(Settings.from_env().database_url)
        try:
            n_requests = _erase_help_requests(engine, sender_id)
        finally:
            engine.dispose()
    log.info("gesprek verwijderd: %d gebeurtenis(sen), %d hulpvraag/hulpvragen gewist", n_events, n_requests)
    return Erasure(events=n_events, help_requests=n_requests)


def delete_conversation(tracker_engine: Engine, sender_id: str, request_engine: Engine | None = None) -> int:
    """``erase_conversation`` returning the number of events deleted."""
    return erase_conversation(tracker_engine, sender_id, request_engine).events
