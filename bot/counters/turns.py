"""Counting one user turn: plain functions, no Rasa (the adapter is bot/rasa_runtime/turn_metrics.py)."""
from __future__ import annotations

from typing import Any, Optional

from bot.counters.definitions import CHANNELS, NOT_UNDERSTOOD, TURN_SECONDS, TURNS, one_of

FALLBACK_INTENT = "nlu_fallback"   # as the console counts "niet begrepen" (bot/console/tracker_events.py)


def channel_label(input_channel: Optional[str]) -> str:
    return one_of(input_channel or "", CHANNELS)


def record_turn(input_channel: Optional[str], seconds: float, outcome: str) -> None:
    channel = channel_label(input_channel)
    TURNS.labels(channel=channel, outcome=outcome).inc()
    TURN_SECONDS.labels(channel=channel).observe(max(0.0, seconds))


def not_understood(intent: Any) -> bool:
    """True for a parsed intent (``{"name": ...}``) that is the fallback intent."""
    return isinstance(intent, dict) and intent.get("name") == FALLBACK_INTENT


def record_understanding(input_channel: Optional[str], intent: Any) -> None:
    if not_understood(intent):
        NOT_UNDERSTOOD.labels(channel=channel_label(input_channel)).inc()
