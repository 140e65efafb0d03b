"""Checks one webhook request from Twilio before anything reaches the assistant.

Treats every post as hostile: it must be a small form post (``application/x-www-form-urlencoded``)
with a Twilio call id (``CallSid``) and carry a valid ``X-Twilio-Signature`` for the public URL Twilio
called. Without an auth token every request is refused, unless the development switch
``WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING=1`` is set (``unsigned_allowed``). The caller's words are cleaned (control
characters, length, a leading "/" that would trigger an intent directly). The caller's phone number
(``From``) is never read: the conversation is keyed by the call id only.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Optional, Union
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from twilio.request_validator import RequestValidator

from bot import settings
from bot.voice.reprompt import silences_so_far
from bot.voice.parts import part_so_far
from bot.voice.twiml import PART_PARAM, SILENCE_PARAM

MAX_BODY_BYTES = 16_384  # a real Twilio voice webhook post is about 1 to 2 kB
MAX_SPEECH_CHARS = 500  # what Twilio transcribes from one spoken turn is far shorter
MAX_FIELDS = 100  # Twilio sends about 20
FORM_TYPE = "application/x-www-form-urlencoded"
_CALL_SID = re.compile(r"CA[0-9a-fA-F]{32}")
_CALL_STATUS = re.compile(r"[a-z-]{1,20}")


@dataclass(frozen=True)
class CallRequest:
    call_sid: str
    speech: str  # "" when Twilio heard nothing
    call_status: str
    silences: int  # silences in a row before this request (from ?stil=N)
    part: Optional[int] = None  # the page of a long answer said last (from ?deel=N), None: not in parts

    @property
    def sender_id(self) -> str:
        return f"telefoon-{self.call_sid}"


@dataclass(frozen=True)
class Rejection:
    status: int
    reason: str  # for the log; the caller hears the friendly text ``ongeldig``


def clean_speech(value: Optional[str]) -> str:
    if not value:
        return ""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in str(value))
    text = " ".join(text.split())[:MAX_SPEECH_CHARS]
    return text.lstrip("/ ").strip()


def check_envelope(body_size: int, content_type: Optional[str]) -> Optional[Rejection]:
    """Size and type, before the form is parsed."""
    if body_size > MAX_BODY_BYTES:
        return Rejection(413, f"body of {body_size} bytes is larger than {MAX_BODY_BYTES}")
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type != FORM_TYPE:
        return Rejection(415, f"content type {media_type or 'missing'!r} is not a form post")
    return None


def parse_form(body: bytes) -> Union[dict, Rejection]:
    """The form fields, one value per key, empty values kept (they count for the signature)."""
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError) as error:
        return Rejection(400, f"unreadable form: {type(error).__name__}")
    form: dict = {}
    for key, value in pairs:
        form.setdefault(key, value)
    return form


def parse_call(form: Mapping[str, str], query: Mapping[str, str]) -> Union[CallRequest, Rejection]:
    """The fields the channel uses, from a form already reduced to one value per key."""
    call_sid = form.get("CallSid") or ""
    if not isinstance(call_sid, str) or not _CALL_SID.fullmatch(call_sid):
        return Rejection(400, "missing or malformed CallSid")
    status = (form.get("CallStatus") or "").strip().lower()
    return CallRequest(
        call_sid=call_sid,
        speech=clean_speech(form.get("SpeechResult")),
        call_status=status if _CALL_STATUS.fullmatch(status) else "",
        silences=silences_so_far(query.get(SILENCE_PARAM)),
        part=part_so_far(query.get(PART_PARAM)),
    )


def public_url(request_url: str, public_base: Optional[str]) -> str:
    """The URL Twilio called: the request's path and query on the configured public base
    (needed behind a proxy that terminates https), else the request URL itself."""
    if not public_base:
        return request_url
    base, requested = urlsplit(public_base.rstrip("/")), urlsplit(request_url)
    return urlunsplit((base.scheme, base.netloc, base.path + requested.path, requested.query, ""))


UNSIGNED_SWITCH = "WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING"


def unsigned_allowed(auth_token: Optional[str], env: Mapping[str, str]) -> bool:
    """Unsigned requests pass only without a token AND with the explicit development switch."""
    return not auth_token and settings.read(UNSIGNED_SWITCH, env)


def signature_problem(auth_token: Optional[str], unsigned_ok: bool, url: str, form: Mapping[str, str],
                      signature: Optional[str]) -> Optional[Rejection]:
    """None when the request may pass; else why it is refused (fail closed without a token)."""
    if not auth_token:
        return None if unsigned_ok else Rejection(403, "no TWILIO_AUTH_TOKEN configured: phone requests refused")
    if not signature_valid(auth_token, url, form, signature):
        return Rejection(403, "invalid X-Twilio-Signature")
    return None


def signature_valid(auth_token: str, url: str, form: Mapping[str, str], signature: Optional[str]) -> bool:
    if not signature:
        return False
    try:
        return bool(RequestValidator(auth_token).validate(url, dict(form), signature))
    except Exception:  # a garbage signature or parameters must never crash the webhook
        return False
