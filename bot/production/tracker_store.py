"""Rasa's SQL tracker store with one change: the connection pool checks a connection before it is used
(SQLAlchemy ``pool_pre_ping``) and replaces connections older than half an hour.

Why: Rasa 3.6 builds its engine without pre-ping. After a PostgreSQL restart every pooled connection
is dead; without the check each one fails one user turn before SQLAlchemy throws it away. With it, a
turn that arrives after the database is back simply gets a fresh connection.
(tests/integration/productie/test_faults.py restarts PostgreSQL during a stream of turns.)
"""
from __future__ import annotations

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs

POOL_RECYCLE_SECONDS = 1800


def reconnecting_engine(url) -> sa.engine.Engine:
    kwargs = create_engine_kwargs(url)
    return sa.create_engine(url, pool_pre_ping=True, pool_recycle=POOL_RECYCLE_SECONDS, **kwargs)


class ReconnectingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = reconnecting_engine(url)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
