"""Withdrawal: only by the same conversation, data wiped, receivers told when they may have it."""
from datetime import timedelta

from sqlalchemy import select, update

from bot.hulpvraag.db import utcnow
from bot.hulpvraag.outbox import Outbox
from bot.hulpvraag.schema import BEZORGD, GEANNULEERD, WACHTEND, bezorging
from hulpvraag_testhulp import GESPREK, make_request, write_override


def rows(engine):
    with engine.connect() as conn:
        return {(r.soort, r.doel): r for r in conn.execute(select(bezorging))}


def with_contact_point(regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "email": "loket@example.org",
                                     "webhook_url": "https://loket.example.org/hook"})


def test_other_conversation_or_unknown_reference_is_not_found(store):
    ref = store.submit(make_request()).reference
    assert store.withdraw(ref, "iemand-anders") == "niet_gevonden"
    assert store.withdraw("WW-2222-2222", GESPREK) == "niet_gevonden"
    assert store.withdraw("onzin", GESPREK) == "niet_gevonden"
    assert store.withdraw(ref, "") == "niet_gevonden"
    row = store.get(ref)
    assert row["status"] == "nieuw" and row["hulpvraag"]


def test_withdraw_wipes_personal_details_and_is_repeatable(store):
    ref = store.submit(make_request()).reference
    typed = ref.lower().replace("-", " ")
    assert store.withdraw(typed, GESPREK) == "ingetrokken"
    row = store.get(ref)
    assert row["status"] == "ingetrokken" and row["afgesloten_op"] is not None
    assert (row["hulpvraag"], row["telefoon"], row["email"], row["voorkeurstijd"]) == ("", "", "", "")
    assert store.withdraw(ref, GESPREK) == "ingetrokken"


def test_closed_request_cannot_be_withdrawn(store):
    ref = store.submit(make_request()).reference
    assert store.set_status(ref, "afgerond")
    assert store.withdraw(ref, GESPREK) == "al_afgerond"
    assert store.get(ref)["hulpvraag"]


def test_in_progress_request_can_be_withdrawn(store):
    ref = store.submit(make_request()).reference
    assert store.set_status(ref, "in_behandeling")
    assert store.withdraw(ref, GESPREK) == "ingetrokken"
    assert not store.set_status(ref, "afgerond")  # staff cannot reopen a withdrawn request


def test_never_sent_deliveries_are_cancelled_without_notice(store, regio):
    with_contact_point(regio)
    ref = store.submit(make_request()).reference
    assert store.withdraw(ref, GESPREK) == "ingetrokken"
    r = rows(store.engine)
    assert r[("hulpverzoek", "webhook")].status == GEANNULEERD
    assert r[("hulpverzoek", "email")].status == GEANNULEERD
    assert r[("hulpverzoek", "inbox")].status == BEZORGD
    assert not [k for k in r if k[0] == "intrekking"]


def test_delivered_or_in_flight_deliveries_get_a_withdrawal_notice(store, regio, settings):
    with_contact_point(regio)
    ref = store.submit(make_request()).reference
    outbox = Outbox(store.engine, settings)
    claims = {c.doel: c for c in outbox.claim("w1")}
    outbox.delivered(claims["email"])      # e-mail went out; webhook is still in flight
    now = utcnow()
    assert store.withdraw(ref, GESPREK) == "ingetrokken"
    r = rows(store.engine)
    assert r[("hulpverzoek", "webhook")].status == GEANNULEERD
    notice_mail, notice_hook = r[("intrekking", "email")], r[("intrekking", "webhook")]
    assert notice_mail.status == notice_hook.status == WACHTEND
    assert notice_mail.idempotentiesleutel == f"{ref}-email-intrekking"
    assert notice_mail.volgende_poging_op <= now + timedelta(seconds=1)
    # the notice to the receiver with a delivery in flight waits for that lease: never overtakes it
    assert notice_hook.volgende_poging_op >= now + timedelta(seconds=settings.lease_seconden - 1)
    outbox.delivered(claims["webhook"])   # the in-flight attempt finishing later changes nothing
    assert rows(store.engine)[("hulpverzoek", "webhook")].status == GEANNULEERD


def test_withdrawn_between_claim_and_send_is_not_sent(store, regio, settings):
    with_contact_point(regio)
    ref = store.submit(make_request()).reference
    with store.engine.begin() as conn:  # simulate: webhook failed once, retry due now
        conn.execute(update(bezorging).where(bezorging.c.doel == "webhook").values(pogingen=1))
    store.withdraw(ref, GESPREK)
    claims = Outbox(store.engine, settings).claim("w1")
    assert [c.soort for c in claims] == ["intrekking"]  # only the notice; the request itself is not sent
    assert claims[0].request["hulpvraag"] == ""
