"""Region scope, conversation list/filters/search/transcript from a real Rasa tracker store, and the inbox."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest

from bot.console.conversation_regio import no_help_requests
from bot.console.conversations import ConversationStore, Filters, key_of, sender_of
from bot.console.inbox import Inbox, TransitionError, export_fields
from bot.console.roles import Principal, Scope
from bot.console.tracker_events import tracker_engine_for
from console_data import add_accounts, add_request, database
from tracker_data import XSS, fill, standard_set

ALL = Scope(alle=True)
JZ09 = Scope(alle=False, codes=frozenset({"JZ09"}))       # Zaanstreek-Waterland: includes GM0479
GRONINGEN = Scope(alle=False, codes=frozenset({"GM0014"}))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("tracker") / "tracker.db"
    fill(str(path), standard_set(time.time()))
    return ConversationStore(tracker_engine_for(f"sqlite:///{path}"), no_help_requests)


def senders(store, scope, originals=True, **filters):
    items, total = store.list(scope, Filters(**filters), originals=originals)
    assert total == len(items)
    return {s.sender_id for s in items}


def test_scope_by_municipality_and_youth_region():
    assert JZ09.allows("GM0479") and not JZ09.allows("GM0014") and not JZ09.allows("")
    assert ALL.allows("") and ALL.allows("GM0014")
    assert Principal(1, "a", "regiomedewerker", frozenset({"ALLE"})).scope.alle
    assert not Principal(1, "a", "regiomedewerker", frozenset({"GM0014"})).scope.alle
    assert Principal(1, "a", "beheerder", frozenset()).scope.alle
    assert not Principal(1, "a", "contentredacteur", frozenset()).may("hulpvragen.lezen")
    assert not Principal(1, "a", "beheerder", frozenset()).may("bestaat.niet")


def test_list_is_scoped_by_region(store):
    assert senders(store, ALL) == {"zaan-1", "zaan-2", "gron-1", "anoniem-1"}
    assert senders(store, JZ09) == {"zaan-1", "zaan-2"}
    assert senders(store, GRONINGEN) == {"gron-1"}
    assert senders(store, Scope(alle=False)) == set()


def test_filters(store):
    assert senders(store, ALL, niet_begrepen=True) == {"zaan-2"}
    assert senders(store, ALL, wilde_mens=True) == {"zaan-1"}
    assert senders(store, ALL, intent="thuiszitten") == {"zaan-1", "gron-1"}
    assert senders(store, ALL, regio="GM0014") == {"gron-1"}
    assert senders(store, ALL, regio="JZ09") == {"zaan-1", "zaan-2"}
    assert senders(store, GRONINGEN, regio="JZ09") == set()  # a filter never widens the scope
    today = datetime.now(timezone.utc).date()
    assert senders(store, ALL, van=date.fromordinal(today.toordinal() - 1)) == {"zaan-2"}
    assert senders(store, ALL, tot=date.fromordinal(today.toordinal() - 3)) == {"gron-1", "anoniem-1"}


def test_search_user_and_bot_text(store):
    assert senders(store, ALL, zoek="ouder@example") == {"gron-1"}
    assert senders(store, ALL, zoek="COMPUTERPROGRAMMA") == {"anoniem-1"}
    assert senders(store, ALL, zoek="action_listen") == set()   # not in any message text
    assert senders(store, JZ09, zoek="ouder@example") == set()
    assert senders(store, ALL, zoek="100%_") == set()


def test_search_without_originals_sees_only_the_masked_text(store):
    """A role that may not see originals (content editor) searches what it sees: the redacted text."""
    assert senders(store, ALL, zoek="06-1234") == {"zaan-1"}                     # originals
    for part in ("06", "06-1", "06-1234", "06-12345678", "ouder@", "example.nl"):
        assert senders(store, ALL, originals=False, zoek=part) == set(), part
    assert senders(store, ALL, originals=False, zoek="[telefoonnummer]") == {"zaan-1"}
    assert senders(store, ALL, originals=False, zoek="mail me op [e-mail] over") == {"gron-1"}
    assert senders(store, ALL, originals=False, zoek="zoon zit thuis") == {"zaan-1"}
    assert senders(store, GRONINGEN, originals=False, zoek="[telefoonnummer]") == set()
    items, _ = store.list(ALL, Filters(zoek="op [e-mail]"))                    # the default: masked
    assert [s.sender_id for s in items] == ["gron-1"]


def test_pagination(store):
    first, total = store.list(ALL, Filters(), page=1, per_page=3)
    second, _ = store.list(ALL, Filters(), page=2, per_page=3)
    assert total == 4 and len(first) == 3 and len(second) == 1
    assert first[0].sender_id == "zaan-2"  # newest first


def test_transcript_with_clicked_button_and_scope(store):
    t = store.transcript(JZ09, "zaan-1")
    assert t.gemeente == "GM0479"
    assert [m.wie for m in t.berichten] == ["gebruiker", "wegwijzer", "gebruiker", "wegwijzer"]
    assert t.berichten[1].knoppen == ["Een mens spreken"]
    assert t.berichten[2].knop == "Een mens spreken"
    assert store.transcript(GRONINGEN, "zaan-1") is None
    assert store.transcript(ALL, "bestaat-niet") is None
    assert store.transcript(GRONINGEN, "anoniem-1") is None
    xss = store.transcript(ALL, "zaan-2").berichten[2]
    assert xss.tekst == XSS and xss.zekerheid == pytest.approx(0.4)
    assert store.message(GRONINGEN, "zaan-2", xss.event_id) is None


def test_sender_keys_survive_any_characters():
    for sid in ("abc", "a/b?c#d", "ü ✓ <x>"):
        assert sender_of(key_of(sid)) == sid
    assert sender_of("!!!") is None and sender_of("x" * 500) is None and sender_of("") is None


@pytest.fixture
def inbox_db(tmp_path):
    engine = database(tmp_path / "c.db")
    return engine, add_accounts(engine), {
        "zaan": add_request(engine, "WW-ZAAN-1", "GM0479"),
        "gron": add_request(engine, "WW-GRON-1", "GM0014"),
        "leeg": add_request(engine, "WW-LEEG-1", ""),
    }


def test_inbox_scope(inbox_db):
    engine, _accounts, ids = inbox_db
    inbox = Inbox(engine)
    assert {r.row["referentie"] for r in inbox.list(JZ09)[0]} == {"WW-ZAAN-1"}
    assert inbox.list(ALL)[1] == 3
    assert inbox.get(GRONINGEN, ids["zaan"]) is None
    assert inbox.get(JZ09, ids["zaan"]).row["telefoon"] == "0612345678"
    assert inbox.list(Scope(alle=False))[1] == 0


def test_status_workflow(inbox_db):
    engine, _accounts, ids = inbox_db
    inbox = Inbox(engine)
    with pytest.raises(TransitionError):
        inbox.set_status(JZ09, ids["zaan"], "contact_gehad")   # a step may not be skipped
    for status in ("in_behandeling", "contact_gehad", "afgerond"):
        assert inbox.set_status(JZ09, ids["zaan"], status).status == status
    assert inbox.get(JZ09, ids["zaan"]).row["afgesloten_op"] is not None
    with pytest.raises(LookupError):
        inbox.set_status(GRONINGEN, ids["zaan"], "in_behandeling")
    with pytest.raises(TransitionError):
        inbox.set_status(ALL, ids["gron"], "ingetrokken")


def test_assignment_only_to_a_colleague_of_the_region(inbox_db):
    engine, accounts, ids = inbox_db
    inbox = Inbox(engine)
    inbox.assign(JZ09, ids["zaan"], accounts["zaan2"].id, "zaan", accounts["zaan2"].principal())
    assert inbox.get(JZ09, ids["zaan"]).toegewezen_aan == "zaan2"
    assert [r.row["referentie"] for r in inbox.list(JZ09, mine_account=accounts["zaan2"].id)[0]] == ["WW-ZAAN-1"]
    with pytest.raises(TransitionError):
        inbox.assign(JZ09, ids["zaan"], accounts["gron"].id, "zaan", accounts["gron"].principal())
    with pytest.raises(TransitionError):  # issue 18: a content editor who sees every region cannot handle it
        inbox.assign(JZ09, ids["zaan"], accounts["redactie"].id, "zaan", accounts["redactie"].principal())
    inbox.assign(JZ09, ids["zaan"], None, "zaan", None)
    assert inbox.get(JZ09, ids["zaan"]).toegewezen_aan == ""


def test_export_is_redacted_unless_revealed(inbox_db):
    engine, _accounts, ids = inbox_db
    item = Inbox(engine).get(ALL, ids["zaan"])
    fields = export_fields(item, lambda text: "[afgeschermd]")
    assert fields["telefoon"] == "[verborgen]" and fields["email"] == "[verborgen]"
    assert fields["hulpvraag"] == "[afgeschermd]" and "gesprek_id" not in fields
    raw = export_fields(item, lambda text: "[afgeschermd]", reveal=True)
    assert raw["telefoon"] == "0612345678" and raw["hulpvraag"] == "Mijn kind zit thuis."
