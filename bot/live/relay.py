"""The console's calls to the Rasa server's live endpoint (``bot.channels.live_endpoint``).

``WEGWIJZER_CONSOLE_RASA_URLS`` lists the Rasa servers (comma-separated; default
``http://127.0.0.1:<WEGWIJZER_RASA_PORT or 5005>``). The first one stores the events in the tracker and
emits to the widget; every further one (the replicas of the production profile, where the user's socket
may live) only emits (``"opslaan": false``, with the stored event's ``ts`` from the first server's answer,
the widget's key for the message), so the message reaches the widget wherever it is connected and is
stored once. The command counts as delivered when the first server stored it.
"""
from __future__ import annotations

import logging
from typing import Mapping, Sequence

import aiohttp

from bot.live.channel_events import HEADER, configured_token

log = logging.getLogger(__name__)
PATH = "/webhooks/socketio/medewerker"
TIMEOUT = aiohttp.ClientTimeout(total=10)


def rasa_urls(env: Mapping[str, str]) -> tuple[str, ...]:
    raw = env.get("WEGWIJZER_CONSOLE_RASA_URLS") or f"http://127.0.0.1:{env.get('WEGWIJZER_RASA_PORT') or 5005}"
    return tuple(u.strip().rstrip("/") for u in raw.split(",") if u.strip())


def _timestamp(answer: object):
    value = answer.get("ts") if isinstance(answer, dict) else None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


class Relay:
    def __init__(self, urls: Sequence[str], token: str | None):
        self.urls = tuple(urls)
        self.token = token

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Relay":
        return cls(rasa_urls(env), configured_token(env))

    @property
    def enabled(self) -> bool:
        return bool(self.token and self.urls)

    async def send(self, command: dict) -> bool:
        """True when the first Rasa server stored the command (and emitted it)."""
        if not self.enabled:
            return False
        headers = {HEADER: self.token}
        stored = False
        ts = None
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            for index, url in enumerate(self.urls):
                body = dict(command, opslaan=index == 0)
                if index > 0 and ts is not None:
                    body["ts"] = ts
                try:
                    async with session.post(url + PATH, json=body, headers=headers) as resp:
                        ok = resp.status == 200
                        if not ok:
                            log.warning("live %s: %s answered %s", command.get("actie"), url, resp.status)
                        elif index == 0:
                            ts = _timestamp(await resp.json(content_type=None))
                except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                    ok = False
                    log.warning("live %s: %s not reachable (%s)", command.get("actie"), url, exc)
                if index == 0:
                    stored = ok
                    if not ok:
                        return False
        return stored
