"""The outbox gauges read from a real SQLite outbox table (bot.metrics.outbox)."""
from __future__ import annotations

from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, generate_latest

from bot.hulpvraag.db import create_tables, make_engine
from bot.hulpvraag.schema import BEZORGD, DOEL_EMAIL, DOEL_INBOX, DOEL_WEBHOOK, DOOD, WACHTEND, bezorging, hulpverzoek
from bot.metrics.outbox import OutboxCollector, outbox_state

NOW = datetime(2026, 11, 24, 12, 0, 0)


def _request(conn, ref: str) -> int:
    return conn.execute(hulpverzoek.insert().values(
        referentie=ref, gesprek_id="g", status="nieuw", aangemaakt_op=NOW, bijgewerkt_op=NOW,
        contactpunt_naam="Testloket", reactietermijn_werkdagen=5, rol="ouder", toestemming=True)).inserted_primary_key[0]


def _delivery(conn, request_id: int, doel: str, status: str, created: datetime, n: int) -> None:
    conn.execute(bezorging.insert().values(
        hulpverzoek_id=request_id, doel=doel, adres=f"a{n}", idempotentiesleutel=f"k{n}", status=status,
        volgende_poging_op=created, aangemaakt_op=created))


def _engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    create_tables(engine)
    return engine


def test_empty_outbox(tmp_path):
    state = outbox_state(_engine(tmp_path), NOW)
    assert (state.pending, state.oldest_pending_seconds, state.dead) == (0, 0.0, 0)


def test_waiting_oldest_and_dead_without_inbox_and_delivered(tmp_path):
    engine = _engine(tmp_path)
    with engine.begin() as conn:
        r1, r2 = _request(conn, "WW-AAAA-AAAA"), _request(conn, "WW-BBBB-BBBB")
        _delivery(conn, r1, DOEL_WEBHOOK, WACHTEND, NOW - timedelta(minutes=30), 1)
        _delivery(conn, r1, DOEL_EMAIL, WACHTEND, NOW - timedelta(minutes=5), 2)
        _delivery(conn, r2, DOEL_INBOX, WACHTEND, NOW - timedelta(days=3), 3)     # the inbox is no queue
        _delivery(conn, r2, DOEL_WEBHOOK, BEZORGD, NOW - timedelta(days=2), 4)
        _delivery(conn, r2, DOEL_EMAIL, DOOD, NOW - timedelta(days=1), 5)
    state = outbox_state(engine, NOW)
    assert state.pending == 2
    assert state.oldest_pending_seconds == 30 * 60
    assert state.dead == 1


def test_collector_reports_a_database_that_is_down(tmp_path):
    registry = CollectorRegistry()
    registry.register(OutboxCollector(lambda: make_engine(f"sqlite:///{tmp_path / 'nope' / 'x' / 'w.db'}?mode=ro")))
    text = generate_latest(registry).decode()
    assert "wegwijzer_outbox_scrape_ok 0.0" in text
    assert "wegwijzer_outbox_pending" not in text


def test_collector_reads_the_table(tmp_path):
    engine = _engine(tmp_path)
    with engine.begin() as conn:
        _delivery(conn, _request(conn, "WW-CCCC-CCCC"), DOEL_WEBHOOK, WACHTEND, NOW, 1)
    registry = CollectorRegistry()
    registry.register(OutboxCollector(lambda: engine))
    assert registry.get_sample_value("wegwijzer_outbox_scrape_ok") == 1
    assert registry.get_sample_value("wegwijzer_outbox_pending") == 1
    assert registry.get_sample_value("wegwijzer_outbox_oldest_pending_age_seconds") > 0
