"""What of a Rasa event may reach the tracker store: no BSN-like number (issue 18, finding 8).

The help-request form refuses a message with a BSN-like number (bot.signals.bsn.mentions_bsn),
but Rasa had already stored that message twice: as the user event and as the slot the form fills from the
text. The tracker store adapter (bot.rasa_runtime.tracker_store) passes every event it stores through
``masked_event``, so the number never reaches the database, in any channel, in or outside the form.
The turn itself still sees the original text (Rasa and the actions use the tracker in memory), so the form
can refuse it with its kind explanation; the next turn, the console and "Toon origineel" see ``[BSN]``.

What is masked: every number the console's redaction calls a BSN (bot.privacy.identifiers.find_bsns: 9
digits that pass the elfproef, or 8-9 digits after a BSN word), and, in a text the form refuses
(bot.signals.bsn.mentions_bsn), every number of 7 or more digits. The digits masked in a turn's user
text are also masked wherever else they appear in that turn's events (an entity, a slot holding just the
number). After masking, a text never satisfies either rule (checked; fail closed: then every long run of
digits is masked).

Masked: the user's text, the parsed text, entities and metadata of user events; every string in a slot
value; in bot messages only the numbers the user typed in the same turn (a bot text with "BSN" and a
helpline number is no BSN).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.signals.bsn import mentions_bsn
from bot.privacy.identifiers import find_bsns

MASK = "[BSN]"
_LONG_DIGITS = re.compile(r"\d(?:[ .\-]?\d){6,}")


def _spans(text: str) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in find_bsns(text)]
    if mentions_bsn(text):   # the form refuses this message: every long number in it goes
        spans += [m.span() for m in _LONG_DIGITS.finditer(text)]
    return spans


def _replace(text: str, spans: Iterable[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        out.append(text[pos:max(start, pos)])
        out.append(MASK)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _still_bsn(text: str) -> bool:
    return mentions_bsn(text) or any(True for _ in find_bsns(text))


def mask_bsn(text: str) -> tuple[str, list[str]]:
    """``text`` with every BSN-like number replaced by [BSN], and the digits that were masked."""
    if not isinstance(text, str) or not any(c.isdigit() for c in text):
        return text, []
    spans = _spans(text)
    if not spans:
        return text, []
    secrets = [re.sub(r"\D", "", text[s:e]) for s, e in spans]
    masked = _replace(text, spans)
    if _still_bsn(masked):   # fail closed: no long number survives
        secrets += [re.sub(r"\D", "", m.group()) for m in _LONG_DIGITS.finditer(masked)]
        masked = _LONG_DIGITS.sub(MASK, masked)
    return masked, [s for s in secrets if len(s) >= 7]


def _mask_secrets(text: str, secrets: Iterable[str]) -> str:
    for digits in secrets:
        pattern = r"(?<!\d)" + r"[ .\-]?".join(digits) + r"(?!\d)"
        text = re.sub(pattern, MASK, text)
    return text


def _mask_all(value: Any, secrets: list[str]) -> Any:
    """Every string inside ``value`` (dicts, lists) masked."""
    if isinstance(value, str):
        masked, _ = mask_bsn(value)
        return _mask_secrets(masked, secrets) if secrets and any(c.isdigit() for c in masked) else masked
    if isinstance(value, dict):
        return {k: _mask_all(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_mask_all(v, secrets) for v in value]
    return value


def turn_secrets(events: Iterable[dict]) -> list[str]:
    """The BSN-like digit strings in the user texts of these events (one turn's worth)."""
    found: list[str] = []
    for data in events:
        if data.get("event") == "user":
            for text in (data.get("text"), (data.get("parse_data") or {}).get("text")):
                found += mask_bsn(text)[1] if isinstance(text, str) else []
    return sorted(set(found), key=len, reverse=True)


def masked_event(data: dict, secrets: list[str]) -> dict:
    """A copy of one event (Rasa's ``Event.as_dict()``) as it may be stored."""
    kind = data.get("event")
    if kind not in ("user", "slot", "bot"):
        return data
    out = dict(data)
    if kind == "user":
        for key in ("text", "metadata"):
            if key in out:
                out[key] = _mask_all(out[key], secrets)
        parse = out.get("parse_data")
        if isinstance(parse, dict):
            parse = dict(parse)
            for key in ("text", "entities", "metadata"):
                if key in parse:
                    parse[key] = _mask_all(parse[key], secrets)
            out["parse_data"] = parse
    elif kind == "slot":
        out["value"] = _mask_all(out.get("value"), secrets)
    elif kind == "bot" and secrets and isinstance(out.get("text"), str):
        out["text"] = _mask_secrets(out["text"], secrets)
    return out
