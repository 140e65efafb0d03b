"""Recognises messages that carry no words at all: keyboard mashing, lone punctuation, "bla bla".

The classifier always picks some intent, even for "qqqq" or "hjkl"; such messages must get the
clarifying fallback reply instead. Deliberately narrow: any real word (Dutch or not) passes.
"""
from __future__ import annotations

import re

from bot.signals.normalize import fold, normalize_token

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouy")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_FILLERS = {"bla", "blabla", "blablabla", "lol", "hmm", "hm", "pff", "zzz", "xd", "haha", "hahaha", "test", "xyz", "abc"}
_MIN_RUN = 3
# Share of non-words from which a message counts as gibberish ("sdfkjh qwpeoi zxmcnv").
_NONWORD_SHARE = 0.6


def _is_keyboard_run(word: str) -> bool:
    if len(word) < _MIN_RUN:
        return False
    for row in _KEYBOARD_ROWS:
        if word in row or word[::-1] in row:
            return True
    return False


def _is_nonword(word: str) -> bool:
    if word in _FILLERS:
        return True
    if len(set(word)) == 1 and len(word) >= 2:  # "qqqq", "aaaa"
        return True
    if len(word) >= 4 and not (set(word) & _VOWELS):  # "hjkl", "sdfkj"; not "wrm", "ggz", "thx"
        return True
    return _is_keyboard_run(word)


def looks_like_gibberish(text: str | None) -> bool:
    """True when the message has no word that could carry meaning."""
    if text is None:
        return False
    stripped = text.strip()
    if not stripped:
        return False
    words = [normalize_token(word) for word in _WORD.findall(fold(stripped))]
    if not words:
        # Only digits or punctuation ("...", "?!?!"). A postcode or age alone is meaningful.
        return not re.search(r"\d", stripped)
    nonwords = sum(1 for word in words if _is_nonword(word))
    return nonwords / len(words) >= _NONWORD_SHARE
