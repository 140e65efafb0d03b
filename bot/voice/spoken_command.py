"""A short spoken command on the phone ("herhaal", "ga door"): an utterance of the command's own
words alone, with at least one of its core phrases, and never a danger signal. Used by
``bot.voice.repeat`` and ``bot.voice.more``; each keeps its own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.signals.safety import detect_danger

_WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass(frozen=True)
class SpokenCommand:
    core: re.Pattern[str]      # phrases that make the command
    allowed: frozenset[str]    # the only words the utterance may contain
    max_words: int

    def matches(self, text: str) -> bool:
        words = _WORD.findall((text or "").lower())
        if not words or len(words) > self.max_words:
            return False
        if any(word not in self.allowed for word in words):
            return False
        if not self.core.search(" ".join(words)):
            return False
        return detect_danger(text) is None
