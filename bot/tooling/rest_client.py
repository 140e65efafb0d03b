"""A client of the REST channel that owns its conversations (for tests, benchmarks and scripts).

The server issues every conversation (``POST /webhooks/rest/sessie`` -> ``{"sender", "token"}``, see
``bot.tokens.session_token``) and accepts a message only with the token of its sender. This client
keeps the tokens it was given. A caller may name a conversation with any label it likes
(``"gesprek-1"``): the first message under a new label opens a fresh conversation on the server and
later messages under that label go to it; ``sender_id(label)`` is the id the server knows it by (the
id in the tracker store and the staff console). ``new_conversation()`` opens one and returns that id,
which works as its own label.
"""
from __future__ import annotations

import threading
from typing import Optional

import requests

SESSION_PATH = "/webhooks/rest/sessie"
WEBHOOK_PATH = "/webhooks/rest/webhook"


def open_session(base_url: str, timeout: float = 30) -> tuple[str, str]:
    """A fresh conversation from the server: (sender, token)."""
    response = requests.post(base_url + SESSION_PATH, timeout=timeout)
    response.raise_for_status()
    data = response.json()
    return data["sender"], data["token"]


class RestConversations:
    """label -> (sender, token) of the conversations this client opened; thread-safe."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self._by_label: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()

    def new_conversation(self, timeout: float = 30) -> str:
        sender, token = open_session(self.base_url, timeout)
        with self._lock:
            self._by_label[sender] = (sender, token)
        return sender

    def credentials(self, label: str, timeout: float = 30) -> tuple[str, str]:
        with self._lock:
            known = self._by_label.get(label)
        if known:
            return known
        issued = open_session(self.base_url, timeout)
        with self._lock:
            return self._by_label.setdefault(label, issued)

    def sender_id(self, label: str) -> str:
        return self.credentials(label)[0]

    def token(self, label: str) -> str:
        return self.credentials(label)[1]

    def body(self, label: str, message, metadata: Optional[dict] = None) -> dict:
        sender, token = self.credentials(label)
        body = {"sender": sender, "token": token, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        return body

    def say(self, label: str, message, metadata: Optional[dict] = None, timeout: float = 30,
            base_url: Optional[str] = None) -> list[dict]:
        """The assistant's messages for one turn (raises for a non-2xx answer). ``base_url``: send this
        turn to another server with the same secret (a second replica)."""
        response = requests.post((base_url or self.base_url) + WEBHOOK_PATH,
                                 json=self.body(label, message, metadata), timeout=timeout)
        response.raise_for_status()
        return response.json()
