"""CSRF: one token per session, required on every POST/PUT/PATCH/DELETE (form field ``csrf`` or header
``X-CSRF-Token``). Before login a double-submit token in its own cookie protects the login form."""
from __future__ import annotations

import hmac
import secrets

from bot.console.forms import read_post

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FIELD, HEADER, PRE_COOKIE = "csrf", "X-CSRF-Token", "wz_pre"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    if not expected or not given or len(given) > 200:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


async def submitted_token(request) -> str | None:
    """The token sent with a request: header first (JSON API), else the form field."""
    header = request.headers.get(HEADER)
    if header:
        return header
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await read_post(request)
        value = form.get(FIELD)
        return value if isinstance(value, str) else None
    return None
