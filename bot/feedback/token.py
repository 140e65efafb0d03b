"""A signed reference to one answer the assistant gave in one widget conversation.

The Rasa widget channel (``bot.channels.widget_output``) puts it on an answer; the widget sends it
back with "ja" or "nee" to the web app (``bot.web.feedback``). Only the holder of
``WEGWIJZER_WIDGET_SECRET`` can make one, so feedback always names a real answer (its topic, the
content id) of a real conversation; a made-up topic or conversation is refused. Plain HMAC-SHA256.

Format: ``<expires>.<nonce>.<conversation, base64url>.<topic>.<signature, base64url>``.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Optional

PURPOSE = b"wegwijzer-feedback-v1|"
MAX_TOKEN_CHARS = 400
TTL_SECONDS = 24 * 3600          # the widget keeps a conversation while its tab is open
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
CONVERSATION = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
NONCE = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True)
class AnswerRef:
    conversation: str   # Rasa's sender id (the widget's random session id)
    topic: str          # the answer's content id, e.g. "vraag_tlv"
    nonce: str          # tells two answers with the same topic apart


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, PURPOSE + payload.encode("ascii"), hashlib.sha256).digest())


def issue(secret: bytes, conversation: str, topic: str, now: float, ttl: int = TTL_SECONDS) -> Optional[str]:
    """A reference for feedback on this answer; None when the conversation or topic is not usable."""
    if not secret or not CONVERSATION.match(conversation or "") or not TOPIC.match(topic or ""):
        return None
    payload = f"{int(now) + int(ttl)}.{secrets.token_hex(8)}.{_b64(conversation.encode('ascii'))}.{topic}"
    return f"{payload}.{_signature(secret, payload)}"


def verify(secret: Optional[bytes], token: object, now: float) -> Optional[AnswerRef]:
    """The answer a genuine, unexpired reference names; None for anything else."""
    if not secret or not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    parts = token.split(".")
    if len(parts) != 5:
        return None
    expires, nonce, conversation_b64, topic, signature = parts
    payload = ".".join(parts[:4])
    try:
        expected = _signature(secret, payload)
    except UnicodeEncodeError:
        return None
    if not hmac.compare_digest(expected, signature):
        return None
    if not expires.isdigit() or int(expires) <= now or not NONCE.match(nonce) or not TOPIC.match(topic):
        return None
    try:
        conversation = _unb64(conversation_b64).decode("ascii")
    except (ValueError, UnicodeDecodeError):
        return None
    if not CONVERSATION.match(conversation):
        return None
    return AnswerRef(conversation=conversation, topic=topic, nonce=nonce)
