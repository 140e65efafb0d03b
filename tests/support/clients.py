"""What a legitimate client sends with its requests now that the defaults fail closed: the phone
webhook needs Twilio's signature (``X-Twilio-Signature``, made with the stack's ``TWILIO_AUTH_TOKEN``)
and a socket.io client needs an allowed ``Origin`` (the demo default of ``WEGWIJZER_WIDGET_ORIGINS``) and a
session the server issued (``request_session``)."""
from __future__ import annotations

from typing import Mapping, Optional

from twilio.request_validator import RequestValidator

WIDGET_ORIGIN = "http://localhost:8080"  # on the default allow-list (bot.channels.widget_policy)
ORIGIN_HEADERS = {"Origin": WIDGET_ORIGIN}


def twilio_signature(token: Optional[str], url: str, form: Mapping[str, str]) -> str:
    """The signature Twilio would send for this post to ``url`` ("" without a token or for a form that
    cannot be encoded, such as one with lone surrogates)."""
    if not token:
        return ""
    try:
        return RequestValidator(token).compute_signature(url, dict(form))
    except (UnicodeEncodeError, TypeError):
        return ""


def twilio_headers(token: Optional[str], url: str, form: Mapping[str, str]) -> dict:
    return {"X-Twilio-Signature": twilio_signature(token, url, form)}


async def request_session(client, data=None, timeout: float = 30) -> dict:
    """``session_request`` on a connected socket.io client and the server's ``session_confirm``:
    ``{"session_id", "token"}`` (bot.tokens.session_token). Without the matching token the server
    answers with a fresh session of its own."""
    import asyncio

    confirmed = asyncio.get_running_loop().create_future()

    def on_confirm(payload):  # noqa: ANN001
        if not confirmed.done():
            confirmed.set_result(payload)

    client.on("session_confirm", on_confirm)
    await client.emit("session_request", {} if data is None else data)
    return await asyncio.wait_for(confirmed, timeout)
