"""Submitting: validation, contact point, one transaction (request + outbox rows or nothing)."""
import pytest
from sqlalchemy import event, func, select

from bot.hulpvraag.config import Settings
from bot.hulpvraag.contact_point import resolve_contact_point
from bot.hulpvraag.request import HelpRequestInvalid, MAX_HULPVRAAG
from bot.hulpvraag.schema import BEZORGD, WACHTEND, bezorging, hulpverzoek
from bot.hulpvraag.store import HelpRequestStore, StorageError
from bot.regio.directory import RegionDirectory
from hulpvraag_testhulp import GESPREK, make_request, write_override


def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def deliveries(engine):
    with engine.connect() as conn:
        return {r.doel: r for r in conn.execute(select(bezorging))}


def test_without_contact_point_only_the_staff_inbox(store):
    receipt = store.submit(make_request())
    assert receipt.contactpunt_naam == "het Wegwijzer-team (regionaal contactpunt)"
    assert receipt.reactietermijn_werkdagen == 5 and receipt.status == "nieuw"
    d = deliveries(store.engine)
    assert set(d) == {"inbox"} and d["inbox"].status == BEZORGD
    row = store.get(receipt.reference)
    assert row["status"] == "nieuw" and row["gesprek_id"] == GESPREK and row["geprobeerd"] == "school,leerplicht"


def test_contact_point_from_override_gets_webhook_and_email(store, regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "email": "loket@example.org",
                                     "webhook_url": "https://loket.example.org/hook", "reactietermijn_werkdagen": 3})
    receipt = store.submit(make_request())
    assert (receipt.contactpunt_naam, receipt.reactietermijn_werkdagen) == ("Loket Test", 3)
    d = deliveries(store.engine)
    assert set(d) == {"inbox", "webhook", "email"}
    assert d["webhook"].adres == "https://loket.example.org/hook" and d["webhook"].status == WACHTEND
    assert d["email"].idempotentiesleutel == f"{receipt.reference}-email"
    assert store.get(receipt.reference)["contactpunt_gebied"] == "GM0479"


def test_region_override_applies_and_municipality_wins(regio, settings):
    directory = RegionDirectory(regio)
    jz = directory.gemeenten["GM0479"]["jeugdregio"]["code"]
    write_override(regio, jz, {"naam": "Regioloket", "email": "regio@example.org"})
    assert resolve_contact_point("GM0479", settings, directory).naam == "Regioloket"
    write_override(regio, "GM0479", {"naam": "Gemeenteloket", "webhook_url": "https://g.example.org/h"})
    point = resolve_contact_point("GM0479", settings, directory)
    assert (point.naam, point.gebied, point.email) == ("Gemeenteloket", "GM0479", "")
    assert resolve_contact_point("", settings, directory).alleen_inbox


def test_contact_point_name_and_term_from_env(engine, tmp_path, regio):
    settings = Settings.from_env({"WEGWIJZER_DATABASE_URL": "sqlite://", "WEGWIJZER_CONTACTPUNT_NAAM": "Team X",
                                  "WEGWIJZER_REACTIETERMIJN_WERKDAGEN": "2"})
    point = resolve_contact_point("GM0479", settings, RegionDirectory(regio))
    assert (point.naam, point.reactietermijn_werkdagen, point.alleen_inbox) == ("Team X", 2, True)


def test_database_failure_after_request_insert_leaves_nothing(store, regio):
    """A real database error on the outbox insert (a trigger aborts it) rolls back the request row."""
    write_override(regio, "GM0479", {"naam": "Loket Test", "email": "loket@example.org"})
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER vol BEFORE INSERT ON hulpverzoek_bezorging "
                             "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(StorageError):
        store.submit(make_request())
    assert count(store.engine, hulpverzoek) == 0
    assert count(store.engine, bezorging) == 0
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER vol")
    store.submit(make_request())  # the store still works afterwards
    assert count(store.engine, hulpverzoek) == 1 and count(store.engine, bezorging) == 2


def test_any_failure_after_request_insert_leaves_nothing(store, regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": "https://loket.example.org/h"})

    def fail_on_outbox(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO HULPVERZOEK_BEZORGING"):
            raise RuntimeError("verbinding weg")

    event.listen(store.engine, "before_cursor_execute", fail_on_outbox)
    try:
        with pytest.raises(StorageError):
            store.submit(make_request())
    finally:
        event.remove(store.engine, "before_cursor_execute", fail_on_outbox)
    assert count(store.engine, hulpverzoek) == 0
    assert count(store.engine, bezorging) == 0


def test_database_unreachable_is_storage_error(tmp_path, settings):
    (tmp_path / "bestand").write_text("geen map")
    broken = HelpRequestStore.from_env({"WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'bestand' / 'x.db'}"})
    with pytest.raises(StorageError):
        broken.submit(make_request())


@pytest.mark.parametrize("change, field", [
    ({"toestemming": False}, "toestemming"),
    ({"rol": "opa"}, "rol"),
    ({"gemeente_code": "Zaanstad"}, "gemeente_code"),
    ({"leeftijd": 140}, "leeftijd"),
    ({"leeftijd": True}, "leeftijd"),
    ({"hulpvraag": "x" * (MAX_HULPVRAAG + 1)}, "hulpvraag"),
    ({"telefoon": "0612345678"}, "telefoon"),
    ({"email": "geen-adres"}, "email"),
    ({"telefoon": "", "email": ""}, "telefoon of email"),
    ({"geprobeerd": ["school", "rm -rf"]}, "geprobeerd"),
    ({"gesprek_id": ""}, "gesprek_id"),
    ({"schooltype": "v" * 500}, "schooltype"),
])
def test_invalid_requests_are_refused_and_nothing_stored(store, change, field):
    with pytest.raises(HelpRequestInvalid) as err:
        store.submit(make_request(**change))
    assert any(p.startswith(field) for p in err.value.problemen)
    assert count(store.engine, hulpverzoek) == 0


def test_free_text_is_kept_as_plain_text(store):
    text = "Hulp nodig 🙏\u202e\x00 en 'quotes' -- ; DROP TABLE hulpverzoek; 3 < 5 en 7 > 2 <3"
    receipt = store.submit(make_request(hulpvraag=text, thuis_sinds="sinds\nmaart\t2026"))
    row = store.get(receipt.reference)
    assert row["hulpvraag"] == "Hulp nodig 🙏 en 'quotes' -- ; DROP TABLE hulpverzoek; 3 < 5 en 7 > 2 <3"
    assert row["thuis_sinds"] == "sinds maart 2026"
    assert count(store.engine, hulpverzoek) == 1


def test_exactly_max_length_is_accepted(store):
    receipt = store.submit(make_request(hulpvraag="a" * MAX_HULPVRAAG))
    assert len(store.get(receipt.reference)["hulpvraag"]) == MAX_HULPVRAAG


async def test_async_wrappers_and_tables_created_on_first_use(tmp_path):
    store = HelpRequestStore.from_env({"WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'later' / 'w.db'}"},
                                      create=False)
    receipt = await store.asubmit(make_request(gemeente_code=""))
    assert receipt.contactpunt_naam.startswith("het Wegwijzer-team")
    assert await store.awithdraw(receipt.reference, GESPREK) == "ingetrokken"


@pytest.mark.parametrize("change, field", [
    ({"hulpvraag": "Zijn BSN is 111222333, kunt u bellen?"}, "hulpvraag"),
    ({"hulpvraag": "bsn 1112.22.333"}, "hulpvraag"),
    ({"hulpvraag": "burgerservicenummer: 12345678 9"}, "hulpvraag"),
    ({"voorkeurstijd": "na 111 222 333"}, "voorkeurstijd"),
    ({"stappenplan": "Stap 1: bel 111-222-333"}, "stappenplan"),
    ({"hulpvraag": "<script>alert('x')</script> Hulp nodig"}, "hulpvraag"),
    ({"hulpvraag": "zie <img src=x onerror=alert(1)>"}, "hulpvraag"),
    ({"schooltype": "<b>vwo</b>"}, "schooltype"),
    ({"gemeente_naam": "<svg onload=alert(1)"}, "gemeente_naam"),
    ({"thuis_sinds": "javascript:alert(1)"}, "thuis_sinds"),
    ({"hulpvraag": "&lt;script&gt;"}, "hulpvraag"),
])
def test_a_bsn_or_markup_is_refused_by_the_store_itself(store, change, field):
    """Issue 18, finding 5: whatever the caller (a hand-written tracker skipped the form), the store
    never keeps a BSN-like number or markup."""
    with pytest.raises(HelpRequestInvalid) as err:
        store.submit(make_request(**change))
    assert any(p.startswith(field) for p in err.value.problemen), err.value.problemen
    assert count(store.engine, hulpverzoek) == 0


def test_ordinary_numbers_and_words_are_not_mistaken_for_a_bsn_or_markup(store):
    receipt = store.submit(make_request(
        hulpvraag="Hij is 12, zit sinds 2 september 2026 thuis (groep 8). Huisnummer 45bis; 3 < 4. "
                  "Bel liever na 15:00 op 06 1234 5678, referentie WW-AB12-CD34.",
        voorkeurstijd="dinsdag 14 oktober tussen 9 en 12"))
    assert store.get(receipt.reference)["hulpvraag"].startswith("Hij is 12")
