"""The audit log is append-only on PostgreSQL too: its trigger refuses UPDATE, DELETE and TRUNCATE
(a real throwaway PostgreSQL server, tests/support/postgres.py)."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from bot.hulpvraag.db import make_engine
from bot.privacy.audit import AuditLog
from tests.support.postgres import postgres_server


@pytest.fixture(scope="module")
def engine():
    with postgres_server() as server:
        engine = make_engine(server.url)
        yield engine
        engine.dispose()


def test_records_are_kept_and_listed(engine):
    log = AuditLog(engine)
    log.record("a.jansen", "onthuld", "gesprek", "abc123", "telefoon #1 in bericht 7")
    assert log.recent(5, 0)[0]["action"] == "onthuld"


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'iemand anders'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
])
def test_changing_or_deleting_is_refused(engine, statement):
    AuditLog(engine).record("b.smit", "bekeken", "hulpvraag", "WW-3K7P-9XQ2")
    with pytest.raises(DatabaseError):
        with engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() >= 1
