"""Rasa's SQL tracker store, made to ride out a short database restart.

Builds on bot.rasa_runtime.tracker_store.WegwijzerSQLTrackerStore (Rasa's SQL store, cheaper per turn) with
two changes for a database server, nothing else:

1. The connection pool checks a connection before use (SQLAlchemy ``pool_pre_ping``) and replaces
   connections older than half an hour. Rasa 3.6 builds its engine without that: after a PostgreSQL
   restart every pooled connection is dead and each would fail a turn once.
2. Reading and saving a conversation wait for the database (up to WEGWIJZER_TRACKER_WACHT seconds,
   default 15) when it cannot be reached, instead of failing at once. Why: Rasa wraps every tracker
   store in a FailSafeTrackerStore that, on an error, answers the turn with an EMPTY conversation
   (in memory) - the user would silently lose the region, the help-request form and the intro.
   Waiting is asynchronous (other conversations keep going). After the wait Rasa's own behaviour
   applies again (logged as an error).

tests/integration/production/test_faults.py restarts PostgreSQL during a stream of turns.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time

import sqlalchemy as sa
from rasa.core.tracker_store import create_engine_kwargs
from sqlalchemy.exc import DBAPIError, OperationalError

from bot import settings
from bot.rasa_runtime.tracker_store import WegwijzerSQLTrackerStore
from bot.rasa_runtime.sqlite_tuning import is_sqlite

log = logging.getLogger(__name__)
POOL_RECYCLE_SECONDS = 1800
DEFAULT_WAIT_SECONDS = settings.lookup("WEGWIJZER_TRACKER_WACHT").default   # 15 s


def reconnecting_engine(url) -> sa.engine.Engine:
    kwargs = create_engine_kwargs(url)
    return sa.create_engine(url, pool_pre_ping=True, pool_recycle=POOL_RECYCLE_SECONDS, **kwargs)


def wait_seconds(env=os.environ) -> float:
    """WEGWIJZER_TRACKER_WACHT (0 or more, default DEFAULT_WAIT_SECONDS); a bad value raises SettingsError."""
    return settings.read("WEGWIJZER_TRACKER_WACHT", env)


def unreachable(exc: BaseException) -> bool:
    """A lost or refused connection (worth waiting for), not a bug in a query."""
    return isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


async def with_patience(operation, what: str, patience: float, pause: float = 0.25,
                        transient=unreachable, store: str = "trackerstore"):
    """Run ``operation`` (a coroutine factory); while the store is unreachable (``transient``), try
    again until ``patience`` seconds have passed, then let the last error through."""
    deadline = time.monotonic() + patience
    attempt = 0
    while True:
        try:
            return await operation()
        except Exception as exc:
            if not transient(exc) or time.monotonic() >= deadline:
                raise
            attempt += 1
            if attempt == 1:
                log.warning("%s niet bereikbaar bij %s (%s); wacht tot %.0f s", store, what,
                            exc.__class__.__name__, patience)
            await asyncio.sleep(min(pause * attempt, 2.0))


class ReconnectingSQLTrackerStore(WegwijzerSQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not is_sqlite(self.engine):  # a SQLite file keeps its tuned engine
            url = self.engine.url
            self.engine.dispose()
            self.engine = reconnecting_engine(url)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.patience = wait_seconds()

    async def retrieve(self, sender_id):
        return await with_patience(lambda: super(ReconnectingSQLTrackerStore, self).retrieve(sender_id),
                                   "lezen", self.patience)

    async def retrieve_full_tracker(self, conversation_id):
        return await with_patience(
            lambda: super(ReconnectingSQLTrackerStore, self).retrieve_full_tracker(conversation_id),
            "lezen", self.patience)

    async def save(self, tracker) -> None:
        return await with_patience(lambda: super(ReconnectingSQLTrackerStore, self).save(tracker),
                                   "opslaan", self.patience)
