"""socket.io transport, as the web widget talks to the assistant.

A conversation is one connection (like one page view) with a fresh session: connect (Origin header and
token when configured), ``session_request`` -> ``session_confirm`` (the server issues the session id and
its token, ``bot.tokens.session_token``), then per turn emit
``user_uttered`` with an acknowledgement. The server acknowledges a message only after the assistant
has handled it completely (``WidgetSocketIOInput.handle_message`` awaits Rasa's handler, and Rasa's own
socket.io channel does the same), and the ``bot_uttered`` events of the turn travel before the
acknowledgement on the same connection. So the turn's reply is exactly the ``bot_uttered`` events
received between emit and acknowledgement: no waiting for silence, no guessing the reply count.
"""
from __future__ import annotations

import asyncio
import uuid
from typing import Optional

import aiohttp
import socketio

from bench.load.access import WidgetAccess
from bench.load.outcome import Reply

SOCKETIO_PATH = "/socket.io"


class SocketIOConversation:
    def __init__(self, client: socketio.AsyncClient, session_id: str, metadata: dict, timeout: float):
        self.client = client
        self.session_id = session_id
        self.metadata = metadata
        self.timeout = timeout
        self.inbox: list = []

    async def turn(self, text: str) -> Reply:
        self.inbox.clear()
        data: dict = {"message": text, "session_id": self.session_id}
        if self.metadata:
            data["metadata"] = self.metadata
        try:
            accepted = await self.client.call("user_uttered", data, timeout=self.timeout)
        except socketio.exceptions.TimeoutError:
            return Reply(list(self.inbox), "timeout")
        except socketio.exceptions.BadNamespaceError:
            return Reply([], "disconnected")
        await asyncio.sleep(0)  # let events dispatched before the acknowledgement finish
        if accepted is False:
            return Reply(list(self.inbox), "not_accepted")
        return Reply(list(self.inbox))

    async def close(self) -> None:
        try:
            await self.client.disconnect()
        except Exception:  # noqa: BLE001 - closing a broken connection must not mask the result
            pass


class SocketIOTransport:
    name = "socketio"

    def __init__(self, base_url: str, session: aiohttp.ClientSession, access: WidgetAccess,
                 path: str = SOCKETIO_PATH, timeout: float = 30, verify_tls: bool = True):
        self.url = base_url.rstrip("/")
        self.session = session
        self.access = access
        self.path = path
        self.timeout = timeout
        self.verify_tls = verify_tls

    async def open(self, metadata: dict) -> SocketIOConversation:
        """A connected conversation; raises ConnectionError (with a short reason) when refused."""
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False, ssl_verify=self.verify_tls)
        confirmed = asyncio.Event()
        issued: dict = {}
        conversation: Optional[SocketIOConversation] = None

        @client.on("session_confirm")
        async def on_confirm(data):  # noqa: ANN001
            if isinstance(data, dict):
                issued.update(data)
            confirmed.set()

        @client.on("bot_uttered")
        async def on_bot(data):  # noqa: ANN001
            if conversation is not None:
                conversation.inbox.append(data)

        try:
            auth = await self.access.auth(self.session, ssl=None if self.verify_tls else False)
            # each virtual user is its own browser: its own routing key, as the widget sends it
            await client.connect(f"{self.url}?wegwijzer_route={uuid.uuid4().hex[:16]}",
                                 socketio_path=self.path, transports=["websocket"],
                                 headers=self.access.headers(), auth=auth, wait_timeout=self.timeout)
            conversation = SocketIOConversation(client, "", metadata, self.timeout)
            await client.emit("session_request", {})
            await asyncio.wait_for(confirmed.wait(), self.timeout)
            conversation.session_id = issued.get("session_id", "")
        except BaseException as error:
            await _quiet_disconnect(client)
            if isinstance(error, asyncio.CancelledError):
                raise
            if isinstance(error, asyncio.TimeoutError):
                raise ConnectionError("connect:no session_confirm") from error
            raise ConnectionError(f"connect:{type(error).__name__}: {error}"[:200]) from error
        return conversation


async def _quiet_disconnect(client: socketio.AsyncClient) -> None:
    try:
        await client.disconnect()
    except Exception:  # noqa: BLE001
        pass
