"""REST transport: one turn is one POST to Rasa's REST channel; the response holds the full reply.
A conversation first asks the server for its sender id and token (``POST /webhooks/rest/sessie``,
``bot.tokens.session_token``)."""
from __future__ import annotations

from typing import Optional

import aiohttp

from bench.load.outcome import Reply

REST_PATH = "/webhooks/rest/webhook"
SESSION_PATH = "/webhooks/rest/sessie"


class RestConversation:
    def __init__(self, transport: "RestTransport", metadata: dict, sender: str, token: str):
        self.transport = transport
        self.metadata = metadata
        self.sender, self.token = sender, token  # a fresh conversation, issued by the server

    async def turn(self, text: str) -> Reply:
        body: dict = {"sender": self.sender, "token": self.token, "message": text}
        if self.metadata:
            body["metadata"] = self.metadata
        async with self.transport.session.post(self.transport.endpoint, json=body,
                                               ssl=self.transport.ssl) as response:
            if not 200 <= response.status < 300:
                await response.read()
                return Reply([], f"http_{response.status}")
            try:
                messages = await response.json(content_type=None)
            except ValueError:
                return Reply([], "bad_reply")
        return Reply(messages if isinstance(messages, list) else [], None if isinstance(messages, list)
                     else "bad_reply")

    async def close(self) -> None:
        return None


class RestTransport:
    name = "rest"

    def __init__(self, base_url: str, session: aiohttp.ClientSession, path: str = REST_PATH,
                 ssl: Optional[object] = None):
        self.endpoint = base_url.rstrip("/") + path
        self.session_endpoint = base_url.rstrip("/") + SESSION_PATH
        self.session = session
        self.ssl = ssl

    async def open(self, metadata: dict) -> RestConversation:
        """A conversation the server issued; raises ConnectionError (with a short reason) when refused."""
        try:
            async with self.session.post(self.session_endpoint, ssl=self.ssl) as response:
                if response.status != 200:
                    raise ConnectionError(f"sessie:http_{response.status}")
                issued = await response.json(content_type=None)
        except (aiohttp.ClientError, ValueError) as error:
            raise ConnectionError(f"sessie:{type(error).__name__}"[:200]) from error
        return RestConversation(self, metadata, issued["sender"], issued["token"])
