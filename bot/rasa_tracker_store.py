"""Rasa's SQL tracker store with a tuned engine for SQLite files (thin adapter over bot.sqlite_tuning).

Configured in endpoints.yml as ``type: bot.rasa_tracker_store.WegwijzerSQLTrackerStore`` with the
same keys as Rasa's ``type: SQL`` (dialect, db, host, ...). For PostgreSQL it is Rasa's store
unchanged. Rasa silently falls back to an in-memory store when a custom class cannot be imported,
so tests/integration/test_tracker_store_durable.py checks that conversations survive a restart.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from bot.sqlite_tuning import is_sqlite, tuned_sqlite_engine


class WegwijzerSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_sqlite(self.engine):
            url = self.engine.url
            self.engine.dispose()
            self.engine = tuned_sqlite_engine(url)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
