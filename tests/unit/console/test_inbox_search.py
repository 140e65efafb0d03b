"""Inbox.search on a real SQLite database: scope, search as the role sees the text, filters, sort, page."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update

from bot.console.inbox import Inbox
from bot.console.inbox_filters import InboxFilters
from bot.console.roles import Scope
from bot.hulpvraag.schema import hulpverzoek
from console_data import add_accounts, add_request, database

ALL, JZ09 = Scope(alle=True), Scope(alle=False, codes=frozenset({"JZ09"}))
TODAY = date(2026, 12, 9)


def _world(tmp_path):
    engine = database(tmp_path / "w.db")
    accounts = add_accounts(engine)
    ids = {"a": add_request(engine, "WW-A", "GM0479", hulpvraag="Bel mij op 0612345678. Ik ben Piet de Vries"),
           "b": add_request(engine, "WW-B", "GM0479", hulpvraag="Zit al lang thuis"),
           "c": add_request(engine, "WW-C", "GM0014", hulpvraag="Groningen vraag")}
    with engine.begin() as conn:
        for key, when in (("a", datetime(2026, 11, 2, 9)), ("b", datetime(2026, 12, 8, 9)), ("c", datetime(2026, 11, 20, 9))):
            conn.execute(update(hulpverzoek).where(hulpverzoek.c.id == ids[key]).values(aangemaakt_op=when))
    return engine, ids, accounts


def refs(items):
    return [r.row["referentie"] for r in items]


def test_search_in_masked_text_is_no_oracle(tmp_path):
    engine, _ids, _acc = _world(tmp_path)
    inbox = Inbox(engine)
    f = InboxFilters(zoek="0612")
    assert refs(inbox.search(ALL, f, TODAY, originals=True)[0]) == ["WW-A"]
    assert refs(inbox.search(ALL, f, TODAY, originals=False)[0]) == []            # hidden digits do not match
    assert refs(inbox.search(ALL, InboxFilters(zoek="piet"), TODAY, originals=False)[0]) == []
    assert refs(inbox.search(ALL, InboxFilters(zoek="[telefoonnummer]"), TODAY, originals=False)[0]) == ["WW-A"]
    assert refs(inbox.search(ALL, InboxFilters(zoek="lang thuis"), TODAY, originals=False)[0]) == ["WW-B"]


def test_scope_filters_sort_and_paging(tmp_path):
    engine, ids, accounts = _world(tmp_path)
    inbox = Inbox(engine)
    assert refs(inbox.search(JZ09, InboxFilters(), TODAY)[0]) == ["WW-B", "WW-A"]
    assert refs(inbox.search(JZ09, InboxFilters(zoek="groningen"), TODAY)[0]) == []   # out of scope stays out
    assert refs(inbox.search(ALL, InboxFilters(gemeente="GM0014"), TODAY)[0]) == ["WW-C"]
    assert refs(inbox.search(ALL, InboxFilters(zoek="zaanstad"), TODAY)[0]) == ["WW-B", "WW-A"]   # by name
    assert refs(inbox.search(ALL, InboxFilters(te_laat=True), TODAY)[0]) == ["WW-C", "WW-A"]
    assert refs(inbox.search(ALL, InboxFilters(sorteer="oudste"), TODAY)[0]) == ["WW-A", "WW-C", "WW-B"]
    assert refs(inbox.search(ALL, InboxFilters(sorteer="uiterlijk"), TODAY)[0]) == ["WW-A", "WW-C", "WW-B"]
    inbox.set_status(ALL, ids["a"], "in_behandeling")
    inbox.set_status(ALL, ids["a"], "contact_gehad")       # answered: no longer waiting, so not overdue
    assert refs(inbox.search(ALL, InboxFilters(te_laat=True), TODAY)[0]) == ["WW-C"]
    assert refs(inbox.search(ALL, InboxFilters(sorteer="uiterlijk"), TODAY)[0]) == ["WW-C", "WW-B", "WW-A"]
    inbox.assign(ALL, ids["b"], accounts["zaan2"].id, "admin", accounts["zaan2"].principal())
    assert refs(inbox.search(ALL, InboxFilters(toegewezen=str(accounts["zaan2"].id)), TODAY)[0]) == ["WW-B"]
    assert refs(inbox.search(ALL, InboxFilters(toegewezen="mij"), TODAY, me=accounts["zaan2"].id)[0]) == ["WW-B"]
    assert set(refs(inbox.search(ALL, InboxFilters(toegewezen="niemand"), TODAY)[0])) == {"WW-A", "WW-C"}
    page2, total = inbox.search(ALL, InboxFilters(sorteer="oudste"), TODAY, page=2, per_page=2)
    assert refs(page2) == ["WW-B"] and total == 3
    everything, total = inbox.search(ALL, InboxFilters(), TODAY, per_page=1, everything=True)
    assert len(everything) == total == 3
    assert inbox.gemeenten(JZ09) == [("GM0479", "Zaanstad")]


def test_set_status_says_what_it_changed_from(tmp_path):
    engine, ids, _acc = _world(tmp_path)
    inbox = Inbox(engine)
    assert inbox.set_status(ALL, ids["a"], "in_behandeling").vorige_status == "nieuw"
    assert inbox.set_status(ALL, ids["a"], "contact_gehad").vorige_status == "in_behandeling"
