"""What the phone says when the caller is silent: a Dutch re-prompt, and after repeated silence a
goodbye before hanging up.

The number of silences in a row travels in the <Gather> action URL (``?stil=N``), so no state is
kept in the server (it works with several Rasa replicas) and anything the caller says resets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.voice.speech_text import SpokenTurn
from bot.voice.texts import VoiceTexts

DEFAULT_MAX_SILENCES = 2
MAX_SILENCES_LIMIT = 5


def silences_so_far(value: Optional[str]) -> int:
    """The ``stil`` query value as a count; anything odd counts as 0."""
    if value is None:
        return 0
    value = str(value).strip()
    if not value.isdigit() or len(value) > 2:
        return 0
    return min(int(value), MAX_SILENCES_LIMIT)


@dataclass(frozen=True)
class SilenceStep:
    hang_up: bool
    turn: SpokenTurn
    silences: int  # silences in a row after this one


def after_silence(previous: int, texts: VoiceTexts, max_silences: int = DEFAULT_MAX_SILENCES) -> SilenceStep:
    """The caller said nothing after ``previous`` silences in a row."""
    silences = previous + 1
    if silences >= max_silences:
        return SilenceStep(True, SpokenTurn(parts=(texts.stilte_afscheid,), prompt=""), silences)
    return SilenceStep(False, SpokenTurn(parts=(texts.stilte,), prompt=texts.stilte_vraag), silences)
