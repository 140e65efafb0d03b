"""Alembic migrations of the project's own tables, on an empty SQLite and an empty PostgreSQL:
``upgrade head`` gives exactly the metadata (alembic's compare_metadata finds nothing), the audit log
stays append-only, ``downgrade base`` removes everything again and Rasa's events table is never touched."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from bot.migrations import target_metadata
from bot.production import migrate
from tests.support.postgres import postgres_server

OWN_TABLES = {"hulpverzoek", "hulpverzoek_bezorging", "audit_log", "console_account", "console_sessie",
              "console_inlogpoging", "console_blokkade", "console_notitie", "console_label", "console_toewijzing",
              "antwoord_feedback", "console_gemist_afgehandeld", "live_gesprek"}


@pytest.fixture(scope="module")
def pg_url():
    with postgres_server() as server:
        yield server.url


def _database(kind: str, tmp_path, pg_url_factory) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    url = pg_url_factory()
    engine = create_engine(url)
    with engine.begin() as conn:  # a fresh, empty schema for each test
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, tmp_path):
    return _database(request.param, tmp_path, lambda: request.getfixturevalue("pg_url"))


def test_metadata_covers_exactly_our_tables():
    assert set(target_metadata().tables) == OWN_TABLES


def test_upgrade_head_equals_metadata_and_downgrade_removes_it(empty_db):
    engine = create_engine(empty_db)
    try:
        with engine.begin() as conn:   # Rasa's table, made by Rasa, must survive everything
            conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
        assert migrate.upgrade(empty_db) == migrate.head()
        assert migrate.schema_diff(engine) == []
        assert OWN_TABLES <= set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO audit_log (tijdstip, actor, actie, doel_soort, doel_id, detail) "
                              "VALUES (CURRENT_TIMESTAMP, 'a', 'bekeken', '', '', '')"))
        with pytest.raises(DBAPIError):
            with engine.begin() as conn:
                conn.execute(text("DELETE FROM audit_log"))
        assert migrate.upgrade(empty_db) == migrate.head()      # a second run changes nothing
        assert migrate.downgrade(empty_db) == "base"
        assert set(inspect(engine).get_table_names()) == {"alembic_version", "events"}
        assert migrate.upgrade(empty_db) == migrate.head()      # and up again after a downgrade
        assert migrate.schema_diff(engine) == []
    finally:
        engine.dispose()


def test_embedded_database_made_by_create_all_is_adopted(empty_db):
    from bot.storage.console_schema import console_metadata
    from bot.hulpvraag.db import create_tables, make_engine
    from bot.privacy.audit import AuditLog

    engine = make_engine(empty_db)
    try:
        create_tables(engine)
        console_metadata.create_all(engine)
        AuditLog(engine)
        assert migrate.upgrade(empty_db) == migrate.head()
        assert migrate.schema_diff(engine) == []
    finally:
        engine.dispose()


def test_unknown_existing_tables_are_refused_not_guessed(empty_db):
    engine = create_engine(empty_db)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE hulpverzoek (id INTEGER PRIMARY KEY, iets VARCHAR(10))"))
        with pytest.raises(migrate.MigrationRefused):
            migrate.upgrade(empty_db)
        assert "alembic_version" not in inspect(engine).get_table_names() or migrate.current(engine) is None
    finally:
        engine.dispose()


def test_audit_index_added_by_the_console_before_the_migration_is_no_problem(tmp_path):
    """A database at revision 0001 whose audit log got ix_audit_log_doel from the console (AuditLog.ensure_table)
    still upgrades to head and then equals the metadata."""
    from bot.privacy.audit import AuditLog

    url = f"sqlite:///{tmp_path / 'm.db'}"
    assert migrate.upgrade(url, "0001") == "0001"
    engine = create_engine(url)
    assert "ix_audit_log_doel" not in {ix["name"] for ix in inspect(engine).get_indexes("audit_log")}
    AuditLog(engine)
    assert "ix_audit_log_doel" in {ix["name"] for ix in inspect(engine).get_indexes("audit_log")}
    assert migrate.upgrade(url) == migrate.head()
    assert migrate.schema_diff(engine) == []
    engine.dispose()
