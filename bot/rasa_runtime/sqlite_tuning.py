"""SQLite settings for the embedded default's conversation store (Rasa's ``events`` table).

SQLAlchemy 1.4 opens a new SQLite connection for every session of a file database (NullPool), and
SQLite's default rollback journal syncs the disk twice per commit. Profiling the Rasa server showed
a third of a turn's server time in the tracker store: opening the file, reading it cold, and the
commit's fsyncs. This engine keeps a small pool of connections and uses write-ahead logging with
``synchronous=NORMAL``: a commit survives a crash of any process; only a power cut may lose the
last turns. Help requests do not use this engine (bot/hulpvraag/db.py keeps full syncs), and the
production profile stores conversations in PostgreSQL.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
)


def _apply_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def tuned_sqlite_engine(url: "str | sa.engine.URL", pool_size: int = 2) -> sa.engine.Engine:
    """An engine for a SQLite file: pooled connections, WAL journal, NORMAL syncs, busy timeout."""
    engine = sa.create_engine(
        url,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        connect_args={"check_same_thread": False, "timeout": 5},
    )
    sa.event.listen(engine, "connect", _apply_pragmas)
    return engine


def is_sqlite(engine: sa.engine.Engine) -> bool:
    return engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")
