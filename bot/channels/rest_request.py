"""Checks one REST request body before anything reaches the assistant (plain Python, no Rasa).

A valid body is a JSON object ``{"sender": "...", "token": "...", "message": "...", "metadata": {...}}``:

- the body is at most ``rest_max_body_bytes``; bytes that are not UTF-8 are dropped;
- ``sender``: an id (letters, digits and ``. _ : @ + -``) or an integer, at most
  ``rest_max_sender_chars`` characters; without it every client would share Rasa's one ``default``
  conversation, so it is required. Rasa echoes it as ``recipient_id``, so it can never carry markup;
- ``message``: a string, cleaned (``bot.channels.text_input``), not empty, at most
  ``rest_max_message_chars`` characters;
- ``metadata`` (optional): a JSON object of at most ``rest_max_metadata_bytes`` bytes and
  ``rest_max_metadata_depth`` levels; its strings are cleaned too;
- ``token``: the conversation's secret token (``bot.tokens.session_token``), passed on as it is;
  the channel checks it against the sender before anything else happens (403 ``sessie``);
- ``input_channel`` from the body is ignored (Rasa's REST channel lets a client pick any channel name).

``check_body`` returns a ``RestMessage`` or a ``Refusal`` whose ``reason`` is a key of
``rest_messages.yml``; ``refusal_body`` turns that into the friendly Dutch JSON answer.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import yaml

from bot.channels.text_input import clean_message, clean_text
from bot.limits.server import Limits

SENDER_ID = re.compile(r"[\w.:@+-]+")
MESSAGES_FILE = Path(__file__).with_name("rest_messages.yml")
AUDIENCES = ("ouder", "jongere")
INVALID, SENDER, EMPTY, TOO_LONG, METADATA, TOO_LARGE, SESSION = (
    "ongeldig", "afzender", "leeg", "te_lang", "metadata", "te_groot", "sessie")


@dataclass(frozen=True)
class RestMessage:
    sender: str
    message: str
    metadata: Optional[dict]
    token: Optional[str] = None


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str
    metadata: Optional[dict] = None  # when readable: chooses u- or je-form
    max: int = 0


class _Unreadable(ValueError):
    pass


def _no_constants(name: str) -> Any:
    raise _Unreadable(f"JSON constant {name} not allowed")


def parse_json(body: bytes) -> Any:
    """The parsed body, or raises ``_Unreadable`` (bad JSON, too deep, NaN/Infinity, huge numbers)."""
    text = body.decode("utf-8", errors="ignore").lstrip("\ufeff")
    try:
        return json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError) as error:
        raise _Unreadable(str(error)[:100]) from None


def _clean_value(value: Any, depth: int, max_depth: int) -> Any:
    if depth > max_depth:
        raise _Unreadable("metadata too deep")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Unreadable("metadata number not finite")
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean_value(v, depth + 1, max_depth) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_value(v, depth + 1, max_depth) for v in value]
    return value


def _metadata(raw: Any, limits: Limits) -> Union[Optional[dict], Refusal]:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return Refusal(400, METADATA)
    try:
        size = len(json.dumps(raw, ensure_ascii=False, allow_nan=False).encode("utf-8", "surrogatepass"))
        if size > limits.rest_max_metadata_bytes:
            return Refusal(400, METADATA)
        return _clean_value(raw, 1, limits.rest_max_metadata_depth)
    except (_Unreadable, ValueError, RecursionError):
        return Refusal(400, METADATA)


def _sender(raw: Any, limits: Limits) -> Optional[str]:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    sender = str(raw).strip()
    if not 0 < len(sender) <= limits.rest_max_sender_chars or not SENDER_ID.fullmatch(sender):
        return None
    return sender


def check_body(body: Optional[bytes], limits: Limits) -> Union[RestMessage, Refusal]:
    body = body or b""
    if len(body) > limits.rest_max_body_bytes:
        return Refusal(413, TOO_LARGE)
    try:
        data = parse_json(body)
    except _Unreadable:
        return Refusal(400, INVALID)
    if not isinstance(data, dict):
        return Refusal(400, INVALID)
    metadata = _metadata(data.get("metadata"), limits)
    if isinstance(metadata, Refusal):
        return metadata
    sender = _sender(data.get("sender"), limits)
    if sender is None:
        return Refusal(400, SENDER, metadata, max=limits.rest_max_sender_chars)
    raw_message = data.get("message")
    if not isinstance(raw_message, str):
        return Refusal(400, EMPTY if raw_message is None else INVALID, metadata)
    if len(raw_message) > 4 * limits.rest_max_message_chars:
        return Refusal(400, TOO_LONG, metadata, max=limits.rest_max_message_chars)
    message = clean_message(raw_message)
    if not message:
        return Refusal(400, EMPTY, metadata)
    if len(message) > limits.rest_max_message_chars:
        return Refusal(400, TOO_LONG, metadata, max=limits.rest_max_message_chars)
    token = data.get("token")
    return RestMessage(sender=sender, message=message, metadata=metadata,
                       token=token if isinstance(token, str) else None)


def load_messages(path: Path = MESSAGES_FILE) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def refusal_body(refusal: Refusal, messages: dict) -> dict:
    """``{"fout": reason, "tekst": friendly Dutch text}`` in the audience's form."""
    audience = (refusal.metadata or {}).get("doelgroep")
    variants = messages[refusal.reason]
    text = variants[audience if audience in AUDIENCES else "ouder"].format(max=refusal.max)
    return {"fout": refusal.reason, "tekst": " ".join(text.split())}
