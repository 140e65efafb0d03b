"""Issue 18, finding 1: the conversation search is no oracle on masked text, and every search is audited.

Real console process over HTTP (the ``console`` fixture). Conversation zaan-1 holds "bel me op 06-12345678";
the content editor ("redactie", all regions) sees it masked and may not reveal it.
"""
from __future__ import annotations

NUMBER = "06-12345678"


def found(session, console, query: str) -> set[str]:
    r = session.get(console.url + "/api/gesprekken", params={"zoek": query})
    assert r.status_code == 200, r.text[:300]
    return {g["id"] for g in r.json()["gesprekken"]}


def test_editor_cannot_rebuild_a_masked_number_digit_by_digit(console):
    editor = console.client("redactie")
    # the attack of the finding: grow the search one digit at a time while the conversation still matches
    for i in range(2, len(NUMBER) + 1):
        assert found(editor, console, NUMBER[:i]) == set(), NUMBER[:i]
        page = editor.get(console.url + "/gesprekken", params={"zoek": NUMBER[:i]}).text
        assert "0 gesprekken gevonden" in page, NUMBER[:i]
    # what the editor sees, the editor can search
    from bot.console.conversations import key_of
    assert found(editor, console, "[telefoonnummer]") == {key_of("zaan-1")}
    assert found(editor, console, "ouder@example") == set()
    assert found(editor, console, "mail me op [e-mail]") == {key_of("gron-1")}


def test_who_may_reveal_originals_still_searches_them(console):
    from bot.console.conversations import key_of
    worker = console.client("zaan")
    assert found(worker, console, "06-1234") == {key_of("zaan-1")}


def test_every_search_is_in_the_audit_log_masked(console):
    editor = console.client("redactie")
    found(editor, console, "06-98765")
    editor.get(console.url + "/gesprekken", params={"zoek": "mail jansen@hotmail"})
    audit = console.client("admin").get(console.url + "/beheer/audit", params={"actie": "gezocht"}).text
    assert "gezocht" in audit and "redactie" in audit
    assert "##-#####" in audit and "afgeschermde tekst" in audit
    assert "06-98765" not in audit and "jansen@" not in audit
