"""Engine creation: SQLite (WAL, busy timeout, immediate write transactions) or PostgreSQL."""
from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError, IntegrityError

from bot.hulpvraag.schema import metadata

log = logging.getLogger(__name__)
SQLITE_BUSY_MS = 10_000


def utcnow() -> datetime:
    """Naive UTC (portable across SQLite and PostgreSQL DateTime columns)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # reported as a database error when it is used
                log.error("map voor de database niet aangemaakt: %s", exc)
        engine = create_engine(url, future=True,
                               connect_args={"timeout": SQLITE_BUSY_MS / 1000, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # take the write lock at the start: no deadlocked read→write upgrades between processes
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, future=True, pool_pre_ping=True, pool_recycle=1800)


def create_tables(engine: Engine, attempts: int = 3) -> None:
    """Create missing tables. Two processes starting at once may race on PostgreSQL: try again."""
    for attempt in range(attempts):
        try:
            metadata.create_all(engine, checkfirst=True)
            return
        except (OperationalError, ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
