"""Audit log: append-only, filtered listing, never stores a revealed value."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from bot.hulpvraag.db import make_engine
from bot.privacy.audit import AuditLog


@pytest.fixture()
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'var' / 'wegwijzer.db'}")
    yield engine
    engine.dispose()


def test_record_and_recent_newest_first(engine):
    log = AuditLog(engine)
    log.record("a.jansen", "ingelogd", "account", "a.jansen")
    log.record("a.jansen", "bekeken", "gesprek", "abc123")
    log.record("b.smit", "status_gewijzigd", "hulpvraag", "WW-3K7P-9XQ2", "nieuw -> in_behandeling")
    rows = log.recent(10, 0)
    assert [r["action"] for r in rows] == ["status_gewijzigd", "bekeken", "ingelogd"]
    assert rows[0]["target_id"] == "WW-3K7P-9XQ2" and rows[0]["detail"] == "nieuw -> in_behandeling"
    assert rows[0]["tijdstip"] is not None
    assert [r["action"] for r in log.recent(10, 0, actor="a.jansen")] == ["bekeken", "ingelogd"]
    assert [r["actor"] for r in log.recent(10, 0, action="bekeken")] == ["a.jansen"]
    assert [r["action"] for r in log.recent(1, 1)] == ["bekeken"]
    assert log.recent(10, 0, actor="niemand") == []


def test_table_refuses_update_and_delete(engine):
    log = AuditLog(engine)
    log.record("a.jansen", "onthuld", "gesprek", "abc123", "veld telefoon")
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError):
            with engine.begin() as conn:
                conn.execute(text(sql))
    assert len(log.recent(10, 0)) == 1
    AuditLog(engine)  # creating it again (triggers exist already) is fine
    assert not hasattr(log, "delete") and not hasattr(log, "update")


def test_revealed_value_is_never_stored(engine):
    log = AuditLog(engine)
    log.record("a.jansen", "onthuld", "gesprek", "abc123", "telefoon 06-12345678 van fatima@gmail.com")
    detail = log.recent(1, 0)[0]["detail"]
    assert "12345678" not in detail and "fatima@" not in detail
    assert "[telefoonnummer]" in detail and "[e-mail]" in detail


@pytest.mark.parametrize("action", ["", "Bekeken", "drop table", "x" * 41, None])
def test_bad_action_is_refused(engine, action):
    with pytest.raises(ValueError):
        AuditLog(engine).record("a", action, "gesprek", "1")


def test_long_and_odd_values_are_clipped(engine):
    log = AuditLog(engine)
    log.record("a" * 500 + "\x00", "bekeken", "gesprek", "\x1b[31m" + "9" * 1000, "x" * 10_000)
    row = log.recent(1, 0)[0]
    assert len(row["actor"]) == 100 and len(row["target_id"]) == 255 and "\x1b" not in row["target_id"]
    assert len(row["detail"]) <= 2000
    assert log.recent(10_000, -5)  # limit and offset are clamped
