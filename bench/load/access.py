"""How a virtual user gets into the widget's socket: Origin header and, if needed, a signed token.

Like a browser page, each conversation may fetch a fresh token from the web app
(``POST <token_url>`` with the page's ``Origin``, answered by ``/widget/toegang``). For a stack without
a web app the tool can sign tokens itself with the shared secret, read from an environment variable
(never from the command line). Without either, no token is sent (the stack has no secret set).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Optional

import aiohttp

from bot.channels.widget_token import issue_token


@dataclass(frozen=True)
class WidgetAccess:
    origin: Optional[str] = None
    token_url: Optional[str] = None
    secret_env: Optional[str] = None
    token_ttl: int = 600

    def headers(self) -> dict:
        return {"Origin": self.origin} if self.origin else {}

    def validate(self) -> None:
        if (self.token_url or self.secret_env) and not self.origin:
            raise ValueError("a widget token is issued to an origin: give --origin too")
        if self.secret_env and not os.environ.get(self.secret_env):
            raise ValueError(f"environment variable {self.secret_env} (the widget secret) is empty")

    async def auth(self, session: aiohttp.ClientSession, ssl: object = None) -> Optional[dict]:
        """The socket.io ``auth`` payload for one new conversation, or None."""
        if self.secret_env:
            secret = os.environ[self.secret_env].encode("utf-8")
            return {"token": issue_token(secret, self.origin, time.time(), self.token_ttl)}
        if self.token_url:
            async with session.post(self.token_url, headers=self.headers(), ssl=ssl) as response:
                if response.status != 200:
                    raise PermissionError(f"token_http_{response.status}")
                token = (await response.json()).get("token")
            return {"token": token} if token else None
        return None
