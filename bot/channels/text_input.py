"""Cleaning of text a user (or anyone) sends to a channel, before it reaches the assistant.

Plain functions, shared by the REST, socket.io and phone channels:

- control characters (tabs and line breaks included) become a space, runs of white space one space;
- lone surrogates (``"\\ud800"`` in JSON; they cannot be written as UTF-8 and break storage), private
  use and unassigned code points are removed, and so are invisible format characters (such as
  right-to-left overrides that make a text look different in the staff console), except the
  zero-width joiner that emoji sequences need;
- a leading ``/`` starts a command in Rasa (``/intent{...}`` sets an intent and entities directly).
  Only the button payloads the assistant itself sends are kept: ``/vraag_tlv`` and
  ``/woonplaats_noemen{"plaats": "GM0373"}`` (at most four entities with short plain values);
  for anything else the leading slashes are removed and the text goes through NLU like typed words.
"""
from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH_JOINER = "\u200d"
_ENTITY = r'"[a-z_]{1,32}": ?"[A-Za-z0-9 _-]{1,64}"'
BUTTON_PAYLOAD = re.compile(r"/[a-z][a-z0-9_]{0,63}(\{%s(, ?%s){0,3}\})?" % (_ENTITY, _ENTITY))
_DROP = {"Cs", "Co", "Cn"}


def _keep(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cc":
        return " "
    if category in _DROP:
        return ""
    if category == "Cf" and ch != ZERO_WIDTH_JOINER:
        return ""
    return ch


def clean_text(value: str) -> str:
    """The text without control, surrogate and invisible characters, white space collapsed."""
    if value.isascii() and value.isprintable():
        return " ".join(value.split())
    return " ".join("".join(_keep(ch) for ch in value).split())


def without_command(text: str) -> str:
    """``text`` unless it is a Rasa command other than a bare button payload (then without the slashes)."""
    if not text.startswith("/") or BUTTON_PAYLOAD.fullmatch(text):
        return text
    return text.lstrip("/ ").strip()


def clean_message(value: str) -> str:
    return without_command(clean_text(value))
