"""Text normalisation shared by the importer and the lookup.

`fold()` is length-preserving (one output character per input character), so offsets found in
folded text point at the same characters in the original text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KEEP = set("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if low in _KEEP:
        return low
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFD", low)
    base = decomposed[0] if decomposed else " "
    if base in _KEEP:
        return base
    return " "


def fold(text: str) -> str:
    """Lowercase, strip diacritics, turn all punctuation into spaces. Same length as `text`."""
    return "".join(_fold_char(c) for c in text)


_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """Comparison key for a place name: folded, no sentence punctuation, single spaces,
    'ij' written as 'y' (so ZUURDYK == Zuurdijk)."""
    return _SPACES.sub(" ", fold(text)).strip().replace("ij", "y")


def phrase(text: str) -> str:
    """Folded form used for phrase matching (keeps 'ij'; single spaces)."""
    return _SPACES.sub(" ", fold(text)).strip()


_SUFFIX = re.compile(r"\s*\(([^)]*)\)\s*$")


def split_suffix(name: str) -> tuple[str, str | None]:
    """'Bergen (NH.)' -> ('Bergen', 'NH.'); 'Zaanstad' -> ('Zaanstad', None)."""
    m = _SUFFIX.search(name)
    if not m:
        return name, None
    return name[: m.start()].strip(), m.group(1).strip()
