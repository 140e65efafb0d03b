"""Small dictionary checks on one word that several school rules share: sentence starts, compounds of
two ordinary words ("klachtenformulier"), first names, English frequency, common words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists


_ADJECTIVE_ENDS = ("se", "sche", "ische")

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"'“(]\s*)$")


def _sentence_start(text: str, i: int) -> bool:
    return _SENTENCE_START.search(text[max(0, i - 4):i]) is not None


def _plain_compound(word: str) -> bool:
    """Two ordinary words that Dutch writes as one ("klachtenformulier", "opbouwplan"); names made of rarer parts
    ("holtkamp", "berkhout") are not."""
    low = word.lower()
    for i in range(3, len(low) - 2):
        for joint in ("", "s", "en", "e"):
            left, right = low[:i], low[i:]
            if joint and not left.endswith(joint):
                continue
            left = left[:len(left) - len(joint)] if joint else left
            if len(left) >= 3 and lexicon.zipf(left) >= 3.5 and lexicon.zipf(right) >= 3.5:
                return True
    return False


def _first_name(word: str) -> bool:
    lists = wordlists()
    return word.lower() in lists.voornamen or word.lower() in lists.alleen_na_aanleiding


@lru_cache(maxsize=4096)
def _english(low: str) -> float:
    """Zipf frequency in English: messages mix in English words ("previous school", "bro school")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:   # the rules still work without it, only less sure about English
        return 0.0
    return zipf_frequency(low, "en")


def _common(word: str, limit: float) -> bool:
    low = word.lower()
    return lexicon.zipf(low) >= limit or low in wordlists().geen_naam


def _first_name_or_known(low: str) -> bool:
    lists = wordlists()
    return low in lists.voornamen or low in lists.alleen_na_aanleiding or low in lists.namen_bron
