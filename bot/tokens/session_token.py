"""Conversation ownership, as plain functions: knowing a conversation id must not give control of it.

Every conversation id of the REST and socket.io channels is issued by the Rasa server together with a
secret token: ``token = HMAC-SHA256(WEGWIJZER_SESSION_SECRET, purpose | id)``. Whoever holds the token
may post in that conversation (and so withdraw the help request it made, see
``bot.hulpvraag.store.withdraw``); whoever only knows the id (it is shown in the staff console, in logs,
in a tracker export) may not. The token is never stored on the server: only the id is, so a leaked id
or a database dump does not give control either.

- REST: ``POST /webhooks/rest/sessie`` answers ``{"sender": id, "token": token}``; every message to
  ``/webhooks/rest/webhook`` must carry both. A sender the server did not issue, or a token for another
  sender, gets 403 and the message is never passed to the assistant (nothing is stored).
- socket.io: ``session_request {session_id, token}`` joins that session only when the token matches;
  anything else gets a fresh session. ``session_confirm`` answers ``{"session_id", "token"}``. A socket
  only posts in the session it joined.

Stateless: every Rasa server with the same secret accepts the same tokens (two replicas behind nginx,
a restart). Tokens do not expire; the conversation's data does (retention). Changing the secret ends
every open conversation (the widget then starts a fresh one).

``WEGWIJZER_SESSION_SECRET`` (at least 32 characters) is required: the channels refuse to start without
it (``./scripts/start`` and ``bot.tooling.launcher`` generate one per start; the production profile requires it).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Mapping

from bot import settings

ENV = "WEGWIJZER_SESSION_SECRET"
MIN_SECRET_CHARS = settings.lookup(ENV).min_chars   # 32
PURPOSE = b"wegwijzer-gesprek-v1|"
MAX_TOKEN_CHARS = 100
SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Session:
    session_id: str
    token: str


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_from_env(env: Mapping[str, str]) -> bytes:
    """The configured secret; a missing or short one is a configuration error (fail closed)."""
    # a short one: SettingsError too (at least MIN_SECRET_CHARS, the registry's)
    return settings.require(ENV, "zonder dit geheim kan de Rasa-server gesprekken niet aan hun eigenaar binden "
                                 "en start hij niet", env).encode("utf-8")


def token_for(secret: bytes, session_id: str) -> str:
    digest = hmac.new(secret, PURPOSE + session_id.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def issue(secret: bytes) -> Session:
    """A fresh conversation: a random id (32 hex characters, like the widget's) and its token."""
    session_id = secrets.token_hex(16)
    return Session(session_id, token_for(secret, session_id))


def token_matches(secret: bytes, session_id: object, token: object) -> bool:
    """True only for a token the server issued for exactly this id."""
    if not isinstance(session_id, str) or not session_id or not isinstance(token, str):
        return False
    if not token or len(token) > MAX_TOKEN_CHARS:
        return False
    try:
        presented = token.encode("ascii")
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(token_for(secret, session_id).encode("ascii"), presented)


def owned_session(secret: bytes, requested: object) -> Session | None:
    """The session a socket asked for (``{"session_id", "token"}``) when the token matches, else None."""
    if not isinstance(requested, dict):
        return None
    session_id, token = requested.get("session_id"), requested.get("token")
    if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
        return None
    return Session(session_id, token) if token_matches(secret, session_id, token) else None
