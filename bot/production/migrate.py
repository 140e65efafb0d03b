"""Database migrations (Alembic, bot/migrations) for the project's own tables.

``upgrade(url)`` brings a database to the newest revision. A database that was filled by the embedded
profile (tables made with create_all by this code version, no alembic_version) is adopted: when its
tables equal the current metadata exactly, it is stamped as head; when only tables of later revisions
are missing (``LATER_TABLES``), it is stamped as the first revision and upgraded; otherwise it stops
with a clear message instead of guessing.
"""
from __future__ import annotations

import logging

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from bot.migrations import SCRIPT_LOCATION, include_object, target_metadata

log = logging.getLogger(__name__)


class MigrationRefused(RuntimeError):
    """The database has our tables but no migration history, and they differ from the baseline."""


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["url"] = url
    return config


def head() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_diff(engine: Engine) -> list:
    """Differences between the database and the project's metadata (empty: identical)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        return compare_metadata(context, target_metadata())


def _our_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) & set(target_metadata().tables)


# The first revision, and the tables later revisions add (an older embedded database lacks them).
BASELINE = "0001"
LATER_TABLES = frozenset({"antwoord_feedback", "console_gemist_afgehandeld", "live_gesprek"})
LATER_INDEXES = frozenset({"ix_audit_log_doel"})


def _only_later_tables_missing(diff: list) -> bool:
    """True when every difference is a whole table or an index that a later revision adds."""
    def later(d) -> bool:
        if not isinstance(d, tuple) or len(d) < 2:
            return False
        if d[0] == "add_table":
            return d[1].name in LATER_TABLES
        if d[0] == "add_index" and getattr(d[1], "name", None) in LATER_INDEXES:
            return True
        return d[0] == "add_index" and getattr(getattr(d[1], "table", None), "name", None) in LATER_TABLES
    return all(later(d) for d in diff)


def upgrade(url: str, revision: str = "head") -> str:
    """Upgrade to ``revision``; returns the revision the database is at afterwards."""
    engine = create_engine(url, poolclass=NullPool, future=True)
    try:
        config = alembic_config(url)
        if current(engine) is None and _our_tables(engine):
            diff = schema_diff(engine)
            if diff and _only_later_tables_missing(diff):
                # made by create_all before a later revision added tables: that is the baseline
                log.info("bestaande tabellen (create_all) komen overeen met revisie %s: die wordt vastgelegd",
                         BASELINE)
                command.stamp(config, BASELINE)
                command.upgrade(config, revision)
                return current(engine) or "base"
            if diff:
                raise MigrationRefused(
                    "De database heeft al tabellen van Wegwijzer maar geen migratiegeschiedenis, en ze wijken af "
                    f"van de huidige tabellen ({len(diff)} verschillen). Controleer ze en zet daarna met "
                    "'alembic stamp <revisie>' de juiste revisie.")
            log.info("bestaande tabellen (create_all) komen overeen met de nieuwste revisie: die wordt vastgelegd")
            command.stamp(config, "head")
        command.upgrade(config, revision)
        return current(engine) or "base"
    finally:
        engine.dispose()


def downgrade(url: str, revision: str = "base") -> str:
    engine = create_engine(url, poolclass=NullPool, future=True)
    try:
        command.downgrade(alembic_config(url), revision)
        return current(engine) or "base"
    finally:
        engine.dispose()
