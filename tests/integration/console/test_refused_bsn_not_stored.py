"""Issue 18, finding 8: a BSN that the help-request form refused never reaches the tracker store (not as
user text, not in a slot) and never shows behind "Toon origineel".

Real Rasa server (trained model) + action server (the ``stack`` fixture of tests/integration/conftest.py),
then the stored tracker read directly, and a real console process on the same databases.
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.hulpvraag.db import make_engine
from console_data import PASSWORD
from console_process import Console, console_process

pytestmark = pytest.mark.integration

BSN = "111222333"          # passes the elfproef
FORMS = (BSN, "111 222 333", "111.22.2333", "1112.22.333")

TO_HELP_TEXT = [           # (answer, a word the next question must contain): a parent in Zaandam
    ("ouder", "gemeente"), ("we wonen in zaandam", "oud"), ("hij is 13", "school"), ("havo", "thuis"),
    ("al 6 weken", "geprobeerd"), ("met school gepraat", "hulp"),
]


def stored_events(stack, sender: str) -> list[tuple[str, str]]:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        return conn.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()


def no_bsn(rows) -> None:
    for type_name, data in rows:
        flat = json.dumps(json.loads(data))
        assert not any(form in flat or form in data for form in FORMS), (type_name, data[:300])


@pytest.fixture(scope="module")
def refused(stack):
    """A conversation in which the form refused a BSN twice (free text and the age question), and one BSN
    typed outside the form."""
    sender = stack.new_sender()
    outside = "\n".join(stack.texts(sender, f"mijn bsn is {BSN}, moet ik dat aan school geven?"))
    stack.texts(sender, "ik wil een hulpvraag indienen")
    answers = {}
    for answer, expected in TO_HELP_TEXT:
        texts = stack.texts(sender, answer)
        assert any(expected in t.lower() for t in texts), (answer, texts)
    answers["hulpvraag"] = "\n".join(stack.texts(sender, f"Zijn burgerservicenummer is {BSN}. Hij zit al weken thuis."))
    return sender, outside, answers


def test_the_form_still_refuses_the_number(refused):
    _sender, _outside, answers = refused
    assert "lijkt op een BSN" in answers["hulpvraag"]


def test_the_stored_tracker_holds_no_bsn(stack, refused):
    sender = refused[0]
    rows = stored_events(stack, sender)
    users = [json.loads(d)["text"] for t, d in rows if t == "user"]
    assert f"Zijn burgerservicenummer is [BSN]. Hij zit al weken thuis." in users
    assert "mijn bsn is [BSN], moet ik dat aan school geven?" in users
    assert any(t == "slot" and "[BSN]" in d for t, d in rows)    # the slot the form filled from the text
    no_bsn(rows)
    # the conversation goes on as before: the form asks the help text again and accepts a clean answer
    texts = stack.texts(sender, "Hij zit al weken thuis en school reageert niet.")
    assert any("bereiken" in t.lower() for t in texts), texts
    no_bsn(stored_events(stack, sender))


def test_toon_origineel_shows_no_bsn(stack, refused, tmp_path):
    sender = refused[0]
    engine = make_engine(stack.database_url)
    from bot.storage.console_schema import console_metadata
    console_metadata.create_all(engine)
    Accounts(engine).create("bsn-beheer", PASSWORD, "beheerder")
    engine.dispose()
    tracker_url = f"sqlite:///{stack.running.workdir / 'tracker.db'}"
    with console_process(tmp_path, stack.database_url, tracker_url) as url:
        console = Console(url)
        admin = console.client("bsn-beheer")
        key = key_of(sender)
        transcript = admin.get(f"{url}/api/gesprekken/{key}").json()
        token = console.csrf(admin)
        shown = [admin.post(f"{url}/gesprekken/{key}/berichten/{m['id']}/tonen", data={"csrf": token})
                 for m in transcript["berichten"] if m["wie"] == "gebruiker"]
        assert shown and all(r.status_code == 200 for r in shown)
        originals = "\n".join(r.text for r in shown)
        assert "burgerservicenummer is [BSN]" in originals
        assert not any(form in originals for form in FORMS)
