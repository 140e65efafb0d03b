"""REST transport: one turn is one POST to Rasa's REST channel; the response holds the full reply."""
from __future__ import annotations

import uuid
from typing import Optional

import aiohttp

from bench.load.outcome import Reply

REST_PATH = "/webhooks/rest/webhook"


class RestConversation:
    def __init__(self, transport: "RestTransport", metadata: dict):
        self.transport = transport
        self.metadata = metadata
        self.sender = f"load-{uuid.uuid4().hex}"  # a fresh sender id per conversation

    async def turn(self, text: str) -> Reply:
        body: dict = {"sender": self.sender, "message": text}
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
        self.session = session
        self.ssl = ssl

    async def open(self, metadata: dict) -> RestConversation:
        return RestConversation(self, metadata)
