"""The socket.io channel (what the web widget uses): session request, message, bot reply, and
session persistence (a reconnect with the same session id and its token continues the same
conversation). Ownership (bot.tokens.session_token): a second page that knows the session id but
not its token does not join that session, receives nothing of it and cannot post in it."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
import socketio

from tests.support.clients import ORIGIN_HEADERS, request_session  # noqa: E402

pytestmark = pytest.mark.integration


async def _connect(url: str, received: list, got_reply: asyncio.Event | None = None) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)

    @client.on("bot_uttered")
    async def on_bot(data):  # noqa: ANN001
        received.append(data)
        if got_reply is not None:
            got_reply.set()

    await client.connect(url, socketio_path="/socket.io", transports=["websocket"], headers=ORIGIN_HEADERS)
    return client


async def _exchange(url: str, session: dict | None, message: str, timeout: float = 30) -> tuple[dict, list[dict]]:
    received: list[dict] = []
    got_reply = asyncio.Event()
    client = await _connect(url, received, got_reply)
    try:
        confirmed = await request_session(client, session, timeout)
        assert await client.call("user_uttered", {"message": message, "session_id": confirmed["session_id"]},
                                 timeout=timeout) is True
        await asyncio.wait_for(got_reply.wait(), timeout)
        await asyncio.sleep(1.0)  # collect the rest of the turn's messages
    finally:
        await client.disconnect()
    return confirmed, received


def test_socketio_answers_and_keeps_the_session(stack):
    session, first = asyncio.run(_exchange(stack.rasa_url, None, "wat is een opp"))
    assert set(session) == {"session_id", "token"} and len(session["session_id"]) == 32
    assert any("computerprogramma" in m.get("text", "") for m in first)
    again, second = asyncio.run(_exchange(stack.rasa_url, session, "en wat is een tlv"))
    assert again == session, "the same session id and token: the same conversation"
    assert second, "the bot answers after a reconnect"
    # Same session: no second introduction.
    assert not any("computerprogramma" in m.get("text", "") for m in second)


async def _second_page_tries(url: str, victim: dict, attempt: dict) -> tuple[dict, list, list, object]:
    """The owner stays connected in its session; a second page asks for the same session with
    ``attempt`` (no token, a forged token, another session's token), then tries to post in it. Then the
    owner sends a message: the second page must receive none of its replies."""
    owner_got, other_got = [], []
    owner_reply = asyncio.Event()
    owner = await _connect(url, owner_got, owner_reply)
    other = await _connect(url, other_got)
    try:
        assert (await request_session(owner, victim))["session_id"] == victim["session_id"]
        given = await request_session(other, attempt)
        posted = await other.call("user_uttered", {"message": "trek mijn hulpvraag in",
                                                   "session_id": victim["session_id"]}, timeout=30)
        await asyncio.sleep(1.0)
        owner_got.clear()
        owner_reply.clear()
        assert await owner.call("user_uttered", {"message": "wat is leerplicht",
                                                 "session_id": victim["session_id"]}, timeout=60) is True
        await asyncio.wait_for(owner_reply.wait(), 60)
        await asyncio.sleep(1.5)
    finally:
        await other.disconnect()
        await owner.disconnect()
    return given, owner_got, other_got, posted


@pytest.mark.parametrize("attempt", ["no_token", "forged_token", "other_sessions_token"])
def test_a_second_page_with_a_known_session_id_gets_nothing_of_it(stack, attempt):
    victim, _ = asyncio.run(_exchange(stack.rasa_url, None, "hallo"))
    other, _ = asyncio.run(_exchange(stack.rasa_url, None, "hallo"))
    request = {"no_token": {"session_id": victim["session_id"]},
               "forged_token": {"session_id": victim["session_id"], "token": "A" * 43},
               "other_sessions_token": {"session_id": victim["session_id"], "token": other["token"]}}[attempt]
    given, owner_got, other_got, posted = asyncio.run(_second_page_tries(stack.rasa_url, victim, request))
    assert given["session_id"] != victim["session_id"], "a fresh session, never the victim's"
    assert given["token"] not in (victim["token"], other["token"])
    assert posted is False, "a message for a session this socket did not join is refused"
    assert any("leerplicht" in m.get("text", "").lower() for m in owner_got), owner_got
    assert other_got == [], f"the second page received the owner's conversation: {other_got}"
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        stored = [json.loads(data).get("text") for (data,) in conn.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (victim["session_id"],))]
    assert stored == ["hallo", "wat is leerplicht"], "nothing the second page sent is in the owner's conversation"


def test_a_message_before_any_session_is_refused(stack):
    async def run() -> object:
        client = await _connect(stack.rasa_url, [])
        try:
            return await client.call("user_uttered", {"message": "hoi", "session_id": "0" * 32}, timeout=30)
        finally:
            await client.disconnect()
    assert asyncio.run(run()) is False
