"""Reads what the phone channel needs from a conversation's events (Rasa tracker events as dicts):
the assistant's last turn (to repeat it), whether it has spoken yet, and the last user intent."""
from __future__ import annotations

from typing import Any, Mapping, Sequence


def last_bot_turn(events: Sequence[Mapping[str, Any]]) -> list[dict]:
    """The messages the assistant sent after the last user message (tracker events as dicts)."""
    turn: list[dict] = []
    for event in reversed(events):
        kind = event.get("event") if isinstance(event, Mapping) else None
        if kind == "user":
            break
        if kind == "bot":
            data = event.get("data") or {}
            turn.append({"text": event.get("text") or "", "buttons": data.get("buttons") or []})
        if kind == "session_started":
            break
    turn.reverse()
    return [m for m in turn if m["text"] or m["buttons"]]


def has_spoken(events: Sequence[Mapping[str, Any]]) -> bool:
    return any(isinstance(e, Mapping) and e.get("event") == "bot" for e in events)


def last_user_intent(events: Sequence[Mapping[str, Any]]) -> tuple[str, float]:
    for event in reversed(events):
        if isinstance(event, Mapping) and event.get("event") == "user":
            intent = (event.get("parse_data") or {}).get("intent") or {}
            confidence = intent.get("confidence")
            return str(intent.get("name") or ""), float(confidence) if isinstance(confidence, (int, float)) else 0.0
    return "", 0.0


def last_user_text(events: Sequence[Mapping[str, Any]]) -> str:
    """The text of the last user message ("" when there is none)."""
    for event in reversed(events):
        if isinstance(event, Mapping) and event.get("event") == "user":
            return str(event.get("text") or "")
    return ""
