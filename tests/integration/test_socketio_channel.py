"""The socket.io channel (what the web widget uses): session request, message, bot reply, and
session persistence (a reconnect with the same session id continues the same conversation)."""
from __future__ import annotations

import asyncio
import uuid

import pytest
import socketio

from tests.support.clients import ORIGIN_HEADERS  # noqa: E402

pytestmark = pytest.mark.integration


async def _exchange(url: str, session_id: str, message: str, timeout: float = 30) -> list[dict]:
    client = socketio.AsyncClient(reconnection=False)
    received: list[dict] = []
    confirmed = asyncio.Event()
    got_reply = asyncio.Event()

    @client.on("session_confirm")
    async def on_confirm(data):  # noqa: ANN001
        confirmed.set()

    @client.on("bot_uttered")
    async def on_bot(data):  # noqa: ANN001
        received.append(data)
        got_reply.set()

    await client.connect(url, socketio_path="/socket.io", transports=["websocket"], headers=ORIGIN_HEADERS)
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), timeout)
        await client.emit("user_uttered", {"message": message, "session_id": session_id})
        await asyncio.wait_for(got_reply.wait(), timeout)
        await asyncio.sleep(1.0)  # collect the rest of the turn's messages
    finally:
        await client.disconnect()
    return received


def test_socketio_answers_and_keeps_the_session(stack):
    session_id = uuid.uuid4().hex
    first = asyncio.run(_exchange(stack.rasa_url, session_id, "wat is een opp"))
    assert any("computerprogramma" in m.get("text", "") for m in first)
    second = asyncio.run(_exchange(stack.rasa_url, session_id, "en wat is een tlv"))
    assert second, "the bot answers after a reconnect"
    # Same session: no second introduction.
    assert not any("computerprogramma" in m.get("text", "") for m in second)
