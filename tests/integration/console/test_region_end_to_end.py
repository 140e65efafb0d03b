"""Issue 18, finding 2 end to end: a real conversation with the trained model names Zaandam, sends a help
request, then says "mijn ex woont in Utrecht". The console (a real process on the same databases) keeps it
with Zaanstad's staff and out of Utrecht's; a conversation without a help request that names both places is
seen by both.

Real Rasa server + action server (``stack`` of tests/integration/conftest.py), real console over HTTP.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.storage.console_schema import console_metadata
from bot.hulpvraag.db import make_engine
from bot.hulpvraag.store import HelpRequestStore
from console_data import PASSWORD
from console_process import Console, console_process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hulpvraag_steps import answer_form  # noqa: E402  (tests/integration/hulpvraag_steps.py)

pytestmark = pytest.mark.integration


def region_slots(stack, sender: str) -> list:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        rows = conn.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' "
                            "AND action_name = 'gemeente' ORDER BY id", (sender,)).fetchall()
    return [json.loads(data)["value"] for (data,) in rows]


@pytest.fixture(scope="module")
def conversations(stack):
    with_request = stack.new_sender()
    stack.texts(with_request, "ik wil een hulpvraag indienen")
    reference = answer_form(stack, with_request)                  # a parent in Zaandam
    stack.texts(with_request, "mijn ex woont in Utrecht")
    without = stack.new_sender()
    stack.texts(without, "ik woon in Zaandam")
    stack.texts(without, "mijn ex woont in Utrecht")
    # preconditions: the assistant itself set the gemeente slot to Utrecht last; the help request (whose
    # municipality the form asked) is Zaanstad's
    assert [v for v in region_slots(stack, with_request) if v][-1:] == ["GM0344"]
    assert [v for v in region_slots(stack, without) if v] == ["GM0479", "GM0344"]
    rows = HelpRequestStore.from_env({"WEGWIJZER_DATABASE_URL": stack.database_url}).get(reference)
    assert rows["gemeente_code"] == "GM0479"
    return with_request, without


@pytest.fixture(scope="module")
def console(stack, tmp_path_factory):
    engine = make_engine(stack.database_url)
    console_metadata.create_all(engine)
    accounts = Accounts(engine)
    accounts.create("e2e-zaan", PASSWORD, "regiomedewerker", frozenset({"JZ09"}))
    accounts.create("e2e-utrecht", PASSWORD, "regiomedewerker", frozenset({"GM0344"}))
    engine.dispose()
    work = tmp_path_factory.mktemp("console_e2e")
    with console_process(work, stack.database_url, f"sqlite:///{stack.running.workdir / 'tracker.db'}") as url:
        yield Console(url)


def test_the_help_request_keeps_the_conversation_in_its_region(conversations, console):
    with_request, _ = conversations
    zaan, utrecht = console.client("e2e-zaan"), console.client("e2e-utrecht")
    key = key_of(with_request)
    assert zaan.get(f"{console.url}/gesprekken/{key}").status_code == 200
    assert utrecht.get(f"{console.url}/gesprekken/{key}").status_code == 404
    assert key not in {g["id"] for g in utrecht.get(console.url + "/api/gesprekken").json()["gesprekken"]}


def test_without_a_help_request_both_places_see_it(conversations, console):
    _, without = conversations
    key = key_of(without)
    for user in ("e2e-zaan", "e2e-utrecht"):
        assert console.client(user).get(f"{console.url}/gesprekken/{key}").status_code == 200, user
