"""What the live-chat tests share: a socket.io client as the widget uses it, and the tracker store's events of
one conversation."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import socketio

from tests.support.clients import ORIGIN_HEADERS, request_session


class Widget:
    """A socket.io client as the widget uses it: session request, messages, everything it receives."""

    def __init__(self, url: str):
        self.url, self.received = url, []
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("bot_uttered", self._on)
        self.client.on("live_status", self._on_status)
        self.client.on("gemist", self._on_missed)
        self.session = None
        self.live_status = []
        self.missed = []

    async def _on_missed(self, data):  # noqa: ANN001
        self.missed.append(data)

    async def _on_status(self, data):  # noqa: ANN001
        self.live_status.append(data)

    async def _on(self, data):  # noqa: ANN001
        self.received.append(data)

    async def open(self, session: dict | None = None) -> dict:
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["websocket"],
                                  headers=ORIGIN_HEADERS)
        self.session = await request_session(self.client, session)
        return self.session

    async def say(self, text: str) -> None:
        ack = await self.client.call("user_uttered", {"message": text, "session_id": self.session["session_id"],
                                                      "metadata": {}}, timeout=60)
        assert ack is True

    async def wait_for(self, predicate, timeout: float = 60) -> dict:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            for m in self.received:
                if predicate(m):
                    return m
            await asyncio.sleep(0.1)
        raise AssertionError(f"not received; got {self.received}")

    async def close(self) -> None:
        await self.client.disconnect()


def events_of(stack, sender: str) -> list[tuple[str, dict]]:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        rows = conn.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [(t, json.loads(d)) for t, d in rows]
