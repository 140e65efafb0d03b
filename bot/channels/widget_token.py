"""Short-lived signed tokens that let a page on an allowed website open the widget's socket.

The web app issues a token to a page whose ``Origin`` is on the allow-list; the socket.io channel
accepts a connection only with a valid token for that same origin. Both sides share one secret
(``WEGWIJZER_WIDGET_SECRET``). Plain HMAC-SHA256, no dependencies, no personal data inside.

Token format: ``<expires>.<nonce>.<origin, base64url>.<signature, base64url>``.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Optional

PURPOSE = b"wegwijzer-widget-v1|"
MAX_TOKEN_CHARS = 512


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, PURPOSE + payload.encode("ascii"), hashlib.sha256).digest())


def issue_token(secret: bytes, origin: str, now: float, ttl: int) -> str:
    """A token for ``origin`` that is valid for ``ttl`` seconds after ``now``."""
    payload = f"{int(now) + int(ttl)}.{secrets.token_hex(8)}.{_b64(origin.encode('utf-8'))}"
    return f"{payload}.{_signature(secret, payload)}"


def token_origin(secret: bytes, token: object, now: float) -> Optional[str]:
    """The origin a valid, unexpired token was issued for; None for anything else."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    parts = token.split(".")
    if len(parts) != 4:
        return None
    expires, nonce, origin_b64, signature = parts
    payload = f"{expires}.{nonce}.{origin_b64}"
    try:
        payload.encode("ascii")
        expected = _signature(secret, payload)
    except UnicodeEncodeError:
        return None
    if not hmac.compare_digest(expected, signature):
        return None
    if not expires.isdigit() or int(expires) <= now:
        return None
    try:
        return _unb64(origin_b64).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def token_valid_for(secret: bytes, token: object, origin: Optional[str], now: float) -> bool:
    """True when the token is genuine, unexpired and was issued to this exact origin."""
    issued_to = token_origin(secret, token, now)
    return issued_to is not None and origin is not None and hmac.compare_digest(issued_to, origin)
