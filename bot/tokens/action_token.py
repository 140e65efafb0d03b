"""The shared secret between the Rasa server and the action server, as plain functions.

The action server runs every action on whatever tracker it is sent: a hand-written tracker could
skip the help-request form and store anything. So only the Rasa server may call it. Both processes
get the same secret in ``WEGWIJZER_ACTIONS_TOKEN``; the Rasa server sends it in the header
``X-Wegwijzer-Actietoken`` (``bot/rasa/endpoints.yml``: Rasa expands ``${WEGWIJZER_ACTIONS_TOKEN}``
and refuses to start when it is not set), and the action server (``bot.action_server``) checks it
before any action runs. ``/health`` stays open (it runs nothing).

``./scripts/start``, ``bot.tooling.launcher`` and the production profile generate a fresh secret at every
start when the variable is not set.
"""
from __future__ import annotations

import hmac
import secrets
from typing import Mapping, Optional

from bot import settings

ENV = "WEGWIJZER_ACTIONS_TOKEN"
HEADER = "X-Wegwijzer-Actietoken"
MIN_CHARS = settings.lookup(ENV).min_chars   # 32
OPEN_PATHS = frozenset({"/health"})


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_from_env(env: Mapping[str, str]) -> str:
    """The configured secret; a missing or short one is a configuration error (fail closed)."""
    # a short one: SettingsError too (at least MIN_CHARS, the registry's)
    return settings.require(ENV, "de actieserver start niet zonder gedeeld geheim met Rasa", env)


def authorised(path: str, presented: Optional[str], expected: str) -> bool:
    """May this request reach the action server? Only ``/health`` without the secret."""
    if path in OPEN_PATHS:
        return True
    if not isinstance(presented, str) or not presented:
        return False
    return hmac.compare_digest(presented.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))
