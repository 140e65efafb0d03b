"""Rasa's SQL tracker store, made cheaper per turn (thin adapter over bot.rasa_runtime.sqlite_tuning).

Configured in endpoints.yml as ``type: bot.rasa_runtime.tracker_store.WegwijzerSQLTrackerStore`` with the
same keys as Rasa's ``type: SQL`` (dialect, db, host, ...). Two changes, both measured with py-spy
on the Rasa server (bench/RESULTS.md):

- SQLite files get a pooled, write-ahead-log engine (bot/rasa_runtime/sqlite_tuning.py).
- Before storing a turn, Rasa counts the conversation's stored events with a query (to know which
  events are new), although it loaded exactly those events at the start of the turn, or stored them
  itself earlier in the turn (a new conversation is saved once when it is created and again at the
  end of its first turn). We remember how many events were loaded or saved and skip that count on
  the next save of the same tracker. A tracker we did not load or save (a brand-new one) still
  counts in the database, as Rasa does. The lock store (in-memory, or Redis with several replicas)
  keeps one turn per conversation at a time, so the number remembered is the number stored.

And one change for privacy: every event is stored through bot.privacy.stored_events.masked_event, so a
BSN-like number never reaches the database (the form refuses it, but Rasa had already stored the user
message and the slot filled from it). The tracker in memory is not touched: the turn itself still sees
the original text.

Each saved tracker is also recorded for the rest of its turn (bot.live.turn_trackers), so the
paused-safety check after the turn (bot.live.paused_safety) need not load it again.

Rasa silently falls back to an in-memory store when a custom class cannot be imported, so
tests/integration/test_tracker_store_durable.py checks that turns really land in the database.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.stored_events import masked_event, turn_secrets
from bot.rasa_runtime.sqlite_tuning import is_sqlite, tuned_sqlite_engine
from bot.live.turn_trackers import record

_LOADED = "_wegwijzer_events_loaded"


class WegwijzerSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_sqlite(self.engine):
            url = self.engine.url
            self.engine.dispose()
            self.engine = tuned_sqlite_engine(url)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(
        self, sender_id: Text, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, _LOADED, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        setattr(tracker, _LOADED, len(tracker.events))  # all of them are stored now
        record(tracker)  # for the check right after the turn (bot.live.turn_trackers)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        loaded = tracker.__dict__.pop(_LOADED, None)
        if loaded is None:
            new = super()._additional_events(session, tracker)
        else:
            new = itertools.islice(tracker.events, loaded, len(tracker.events))
        return iter(_stored_versions(list(new)))


class _StoredEvent:
    """What Rasa's save loop reads of an event (type_name, as_dict), with the stored version of its data."""

    def __init__(self, type_name: str, data: dict):
        self.type_name, self._data = type_name, data

    def as_dict(self) -> dict:
        return self._data


def _stored_versions(new_events: list) -> list[_StoredEvent]:
    data = [event.as_dict() for event in new_events]
    secrets = turn_secrets(data)
    return [_StoredEvent(event.type_name, masked_event(d, secrets)) for event, d in zip(new_events, data)]
