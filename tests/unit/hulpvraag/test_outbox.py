"""Outbox: backoff schedule, leases, dead letters, retry, cleanup."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from bot.hulpvraag.db import utcnow
from bot.hulpvraag.outbox import Outbox, backoff_delay
from bot.hulpvraag.retention import cleanup
from bot.hulpvraag.schema import DOOD, WACHTEND, bezorging, hulpverzoek
from hulpvraag_testhulp import GESPREK, make_request, write_override


@pytest.fixture()
def ref(store, regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": "https://loket.example.org/hook"})
    return store.submit(make_request()).reference


def webhook_row(engine):
    with engine.connect() as conn:
        return conn.execute(select(bezorging).where(bezorging.c.doel == "webhook")).one()


def test_backoff_schedule_doubles_is_capped_and_jittered():
    top = [backoff_delay(n, 30, 600, rand=lambda: 1.0) for n in range(1, 8)]
    assert top == [30, 60, 120, 240, 480, 600, 600]
    low = [backoff_delay(n, 30, 600, rand=lambda: 0.0) for n in range(1, 8)]
    assert low == [15, 30, 60, 120, 240, 300, 300]
    import random
    rng = random.Random(1)
    samples = {round(backoff_delay(3, 30, 600, rand=rng.random), 3) for _ in range(50)}
    assert len(samples) > 40 and all(60 <= s <= 120 for s in samples)


def test_claim_takes_a_lease_that_blocks_others_until_it_expires(store, ref, settings):
    outbox = Outbox(store.engine, settings)
    now = utcnow()
    first = outbox.claim("w1", now=now)
    assert [c.doel for c in first] == ["webhook"] and first[0].pogingen == 1
    assert "gesprek_id" not in first[0].request
    assert outbox.claim("w2", now=now + timedelta(seconds=settings.lease_seconden - 1)) == []
    # w1 was killed: after the lease another worker takes over, with the same idempotency key
    again = outbox.claim("w2", now=now + timedelta(seconds=settings.lease_seconden + 1))
    assert [c.idempotentiesleutel for c in again] == [first[0].idempotentiesleutel]
    assert again[0].pogingen == 2
    # the late result of w1's failure no longer touches w2's lease
    outbox.failed(first[0], "te laat")
    assert webhook_row(store.engine).lease_houder == "w2"


def test_failure_schedules_retry_then_dead_letter(store, ref, settings):
    outbox = Outbox(store.engine, settings, rand=lambda: 1.0)
    now = utcnow()
    for attempt in range(1, settings.max_pogingen + 1):
        claims = outbox.claim("w", now=now)
        assert len(claims) == 1 and claims[0].pogingen == attempt
        status = outbox.failed(claims[0], f"fout {attempt}", now=now)
        row = webhook_row(store.engine)
        if attempt < settings.max_pogingen:
            assert status == WACHTEND and row.lease_tot is None
            assert row.volgende_poging_op == now + timedelta(seconds=settings.backoff_basis * 2 ** (attempt - 1))
            assert outbox.claim("w", now=now) == []  # not due yet
            now = row.volgende_poging_op
        else:
            assert status == DOOD and row.status == DOOD and row.laatste_fout == f"fout {attempt}"
    assert outbox.claim("w", now=now + timedelta(days=1)) == []
    assert [d["referentie"] for d in outbox.dead_letters()] == [ref]


def test_permanent_failure_is_dead_at_once_and_retry_requeues(store, ref, settings):
    outbox = Outbox(store.engine, settings)
    outbox.failed(outbox.claim("w")[0], "webhook antwoordde 404", permanent=True)
    assert webhook_row(store.engine).status == DOOD
    assert outbox.retry_dead("WW-2222-2222") == 0
    assert outbox.retry_dead(ref) == 1
    row = webhook_row(store.engine)
    assert (row.status, row.pogingen) == (WACHTEND, 0)
    assert len(outbox.claim("w")) == 1


def test_retry_all_skips_withdrawn_requests(store, ref, settings):
    outbox = Outbox(store.engine, settings)
    outbox.failed(outbox.claim("w")[0], "kapot", permanent=True)
    other = store.submit(make_request(gesprek_id="ander")).reference
    outbox.failed(outbox.claim("w")[0], "kapot", permanent=True)
    store.withdraw(ref, GESPREK)
    requeued = outbox.retry_dead(None)
    with store.engine.connect() as conn:
        waiting = conn.execute(select(hulpverzoek.c.referentie).join(
            bezorging, bezorging.c.hulpverzoek_id == hulpverzoek.c.id).where(
            bezorging.c.status == WACHTEND, bezorging.c.soort == "hulpverzoek")).scalars().all()
    assert waiting == [other] and requeued == 1
    assert outbox.retry_dead(ref) == 0  # the withdrawn request's dead delivery was cancelled, never resent


def test_cleanup_deletes_only_closed_requests_past_retention(store, ref, settings):
    open_ref = store.submit(make_request(gesprek_id="open")).reference
    done_old = store.submit(make_request(gesprek_id="oud")).reference
    done_new = store.submit(make_request(gesprek_id="nieuw")).reference
    for r in (done_old, done_new):
        store.set_status(r, "afgerond")
    store.withdraw(ref, GESPREK)
    old = utcnow() - timedelta(days=40)
    with store.engine.begin() as conn:
        conn.execute(update(hulpverzoek).where(hulpverzoek.c.referentie.in_([done_old, ref, open_ref]))
                     .values(afgesloten_op=old))
        conn.execute(update(hulpverzoek).where(hulpverzoek.c.referentie == open_ref).values(
            status="in_behandeling", afgesloten_op=None, aangemaakt_op=old))
    assert cleanup(store.engine, 30) == 2
    left = {r for r in (ref, open_ref, done_old, done_new) if store.get(r)}
    assert left == {open_ref, done_new}
    with store.engine.connect() as conn:
        orphans = conn.execute(select(func.count()).select_from(bezorging).where(
            bezorging.c.hulpverzoek_id.not_in(select(hulpverzoek.c.id)))).scalar()
        assert orphans == 0
        assert conn.execute(select(func.count()).select_from(bezorging)).scalar() == 4  # open + done_new: inbox and webhook each
    with pytest.raises(ValueError):
        cleanup(store.engine, -1)
