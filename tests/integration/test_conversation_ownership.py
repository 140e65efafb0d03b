"""Knowing a conversation id does not give control of it (issue 18, finding 3), over real HTTP on the
real stack: the REST channel accepts a message only with the token the server issued for its sender
(bot.tokens.session_token). A second client that knows the id cannot read the conversation, post in
it or withdraw its help request; the refusal is a clear 403 and nothing is stored. The socket.io side is
in test_socketio_channel.py."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest
import requests

from bot.hulpvraag.store import HelpRequestStore
from bot.tooling.rest_client import open_session
from hulpvraag_steps import answer_form

pytestmark = pytest.mark.integration

WEBHOOK = "/webhooks/rest/webhook"


def user_texts(stack, sender: str) -> list[str]:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        return [json.loads(data).get("text") for (data,) in conn.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))]


def post(stack, body: dict) -> requests.Response:
    return requests.post(stack.rasa_url + WEBHOOK, json=body, timeout=60)


def assert_refused(response: requests.Response) -> None:
    assert response.status_code == 403, (response.status_code, response.text[:300])
    body = response.json()
    assert body["fout"] == "sessie" and "/webhooks/rest/sessie" in body["tekst"]
    assert set(body) == {"fout", "tekst"}, "a refusal carries nothing of the conversation"


def test_the_server_issues_conversations_with_a_token(stack):
    first = requests.post(stack.rasa_url + "/webhooks/rest/sessie", timeout=30)
    second = requests.post(stack.rasa_url + "/webhooks/rest/sessie", timeout=30)
    assert first.status_code == second.status_code == 200
    assert first.headers["Cache-Control"] == "no-store"
    a, b = first.json(), second.json()
    assert re.fullmatch(r"[0-9a-f]{32}", a["sender"]) and len(a["token"]) >= 40
    assert a["sender"] != b["sender"] and a["token"] != b["token"]
    answer = post(stack, {"sender": a["sender"], "token": a["token"], "message": "wat is een opp"})
    assert answer.status_code == 200 and any("OPP" in m.get("text", "") for m in answer.json())


def test_a_sender_the_server_did_not_issue_is_refused_and_nothing_is_stored(stack):
    for sender in ("ik", "test-1", "0" * 32):
        assert_refused(post(stack, {"sender": sender, "message": "hoi"}))
        assert_refused(post(stack, {"sender": sender, "token": "x" * 43, "message": "hoi"}))
        assert user_texts(stack, sender) == []
    refused = post(stack, {"sender": "ik", "message": "hoi", "metadata": {"doelgroep": "jongere"}})
    assert_refused(refused)
    assert "jou" in refused.json()["tekst"], "young people get the je-form"


def test_a_second_client_that_knows_the_id_cannot_read_or_post(stack):
    victim = stack.new_sender()
    stack.texts(victim, "ik woon in Zaandam")
    before = user_texts(stack, victim)
    assert before == ["ik woon in Zaandam"]
    _own_sender, own_token = open_session(stack.rasa_url)
    real = stack.running.conversations.token(victim)
    # one character changed in the middle (the last one only carries 4 bits: "A" was the real one 1 in 16)
    almost = real[:10] + ("B" if real[10] != "B" else "C") + real[11:]
    attempts = [
        {"sender": victim, "message": "wie kan ik bellen"},                          # no token
        {"sender": victim, "token": "", "message": "wie kan ik bellen"},             # empty token
        {"sender": victim, "token": own_token, "message": "wie kan ik bellen"},      # its own, valid token
        {"sender": victim, "token": almost, "message": "wie kan ik bellen"},         # almost right
        {"sender": victim.upper(), "token": stack.running.conversations.token(victim), "message": "hoi"},
    ]
    for body in attempts:
        assert_refused(post(stack, body))
        assert_refused(requests.post(stack.rasa_url + WEBHOOK + "?stream=true", json=body, timeout=60))
    assert user_texts(stack, victim) == before, "nothing the second client sent was stored"
    # the owner goes on as before, and the conversation still knows the place
    texts = "\n".join(stack.texts(victim, "wie kan ik bellen"))
    assert "Zaanstad" in texts, texts


def test_only_the_conversation_that_made_a_help_request_can_withdraw_it(stack):
    store = HelpRequestStore.from_env({"WEGWIJZER_DATABASE_URL": stack.database_url})
    owner = stack.new_sender()
    stack.texts(owner, "/hulpvraag_starten")
    reference = answer_form(stack, owner)
    assert store.get(reference)["status"] == "nieuw"

    # A second client with the owner's id (and even the reference number) but not its token.
    for message in ("trek mijn hulpvraag in", f"ik wil {reference} intrekken", "ja"):
        assert_refused(post(stack, {"sender": owner, "message": message}))
        assert_refused(post(stack, {"sender": owner, "token": stack.running.conversations.token(
            stack.new_sender()), "message": message}))
    # From a conversation of its own, the reference alone withdraws nothing.
    stranger = stack.new_sender()
    answer = "\n".join(stack.texts(stranger, f"ik wil {reference} intrekken"))
    assert "alleen een vraag uit dit gesprek" in answer, answer
    assert "\n".join(stack.texts(stranger, "ja")).count(reference) == 0
    assert store.get(reference)["status"] == "nieuw"
    assert not any("intrekken" in (t or "") for t in user_texts(stack, owner))

    # The owner, with its token, can.
    asked = "\n".join(stack.texts(owner, "trek mijn hulpvraag in"))
    assert reference in asked, asked
    done = "\n".join(stack.texts(owner, "ja"))
    assert "ingetrokken" in done, done
    assert store.get(reference)["status"] == "ingetrokken"
