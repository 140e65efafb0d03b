"""Issue 18, finding 2: a conversation's region is not the last place mentioned.

Real console process over HTTP against a tracker store written by Rasa's own SQLTrackerStore and a
help-request database. Two conversations name Zaandam (GM0479, youth region JZ09) first and Utrecht (GM0344)
later ("mijn ex woont in Utrecht"):
- "verhuisd-1" has a help request for Zaanstad: it stays with Zaanstad's staff, transcript and "Toon
  origineel" included, and Utrecht's staff never see it;
- "twee-plaatsen-1" has none: it belongs to both places it named.
"""
from __future__ import annotations

import time

import pytest

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from console_data import PASSWORD, add_accounts, add_request, database
from console_process import Console, console_process
from tracker_data import Turn, fill

MOVED, BOTH, UTRECHT_ONLY = "verhuisd-1", "twee-plaatsen-1", "utrecht-1"


def conversations(now: float) -> dict:
    two_places = [
        Turn("Wij wonen in Zaandam, bel me op 06-12345678", "woonplaats_noemen", "Dat is Zaanstad.", gemeente="GM0479"),
        Turn("mijn ex woont in Utrecht", "woonplaats_noemen", "Dat is Utrecht.", gemeente="GM0344"),
    ]
    return {
        MOVED: (None, two_places, now - 3600),
        BOTH: (None, two_places, now - 7200),
        UTRECHT_ONLY: (None, [Turn("ik woon in Utrecht", "woonplaats_noemen", "Dat is Utrecht.", gemeente="GM0344")],
                       now - 9000),
    }


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    work = tmp_path_factory.mktemp("console_regio")
    tracker = work / "tracker.db"
    fill(str(tracker), conversations(time.time()))
    engine = database(work / "wegwijzer.db")
    add_accounts(engine)
    Accounts(engine).create("utrecht", PASSWORD, "regiomedewerker", frozenset({"GM0344"}))
    ids = {"verhuisd": add_request(engine, "WW-VERH-1", "GM0479", gesprek_id=MOVED)}
    engine.dispose()
    with console_process(work, f"sqlite:///{work / 'wegwijzer.db'}", f"sqlite:///{tracker}") as url:
        yield Console(url, ids)


def listed(console, session) -> dict[str, list[str]]:
    r = session.get(console.url + "/api/gesprekken")
    assert r.status_code == 200
    return {g["id"]: g["gemeenten"] for g in r.json()["gesprekken"]}


def test_a_later_place_does_not_move_a_conversation_with_a_help_request(console):
    zaan, utrecht = console.client("zaan"), console.client("utrecht")
    key = key_of(MOVED)
    assert zaan.get(f"{console.url}/gesprekken/{key}").status_code == 200
    assert utrecht.get(f"{console.url}/gesprekken/{key}").status_code == 404
    assert listed(console, zaan)[key] == ["GM0479"]
    assert key not in listed(console, utrecht)
    assert utrecht.get(f"{console.url}/api/gesprekken/{key}").status_code == 404
    assert key not in {g["id"] for g in utrecht.get(console.url + "/api/gesprekken",
                                                    params={"zoek": "Zaandam"}).json()["gesprekken"]}
    # Zaanstad's staff keep the transcript and may reveal the original; Utrecht's staff may not
    api = zaan.get(f"{console.url}/api/gesprekken/{key}").json()
    assert api["gemeenten"] == ["GM0479"]
    event_id = api["berichten"][0]["id"]
    shown = zaan.post(f"{console.url}/gesprekken/{key}/berichten/{event_id}/tonen", data={"csrf": console.csrf(zaan)})
    assert shown.status_code == 200 and "06-12345678" in shown.text
    assert utrecht.post(f"{console.url}/gesprekken/{key}/berichten/{event_id}/tonen",
                        data={"csrf": console.csrf(utrecht)}).status_code == 404


def test_without_a_help_request_every_place_named_counts(console):
    zaan, utrecht = console.client("zaan"), console.client("utrecht")
    key = key_of(BOTH)
    for session in (zaan, utrecht):
        assert session.get(f"{console.url}/gesprekken/{key}").status_code == 200
    assert listed(console, zaan)[key] == ["GM0479", "GM0344"]
    assert listed(console, utrecht)[key] == ["GM0479", "GM0344"]
    assert key_of(UTRECHT_ONLY) not in listed(console, zaan)


def test_region_filter_follows_the_same_rule(console):
    admin = console.client("admin")
    r = admin.get(console.url + "/api/gesprekken", params={"regio": "GM0344"}).json()
    assert {g["id"] for g in r["gesprekken"]} == {key_of(BOTH), key_of(UTRECHT_ONLY)}
    r = admin.get(console.url + "/api/gesprekken", params={"regio": "JZ09"}).json()
    assert {g["id"] for g in r["gesprekken"]} == {key_of(MOVED), key_of(BOTH)}
