"""The adjective of a place or region before a college, lyceum, gymnasium or a compound on a head
word: "op het almeerse daltoncollege", "de zeeuwse havenvakschool", "t utrechts stedelijk gymnasium" (a plain "de
utrechtse school" stays: where, not which).
"""
from __future__ import annotations

from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _ARTICLES, _STRONG_HEADS, _compound_on_any_head, _modifier, typo_head
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.tokens import _adjacent
from bot.privacy.schools.words import _tokens
from bot.privacy.span import Span


# adjectives of a region that name where a school stands ("zeeuwse", "achterhoekse"); adjectives of a place
# are found from the place itself ("almeerse" -> almere, "utrechts" -> utrecht)
_REGION_ADJECTIVES = frozenset({
    "zeeuws", "fries", "gronings", "drents", "overijssels", "gelders", "utrechts", "noord-hollands",
    "zuid-hollands", "brabants", "limburgs", "flevolands", "achterhoeks", "twents", "veluws", "westfries",
    "west-fries", "zaans", "gooise", "gooi", "betuws", "kempisch", "hollands", "rijnlands", "delflands",
    "westlands", "zeeuws-vlaams", "haags", "amsterdams", "rotterdams"})


def place_adjective(word: str) -> bool:
    """"almeerse", "zeeuwse", "utrechts", "achterhoeks": an adjective made from a place or a region."""
    low = word.lower()
    if not low.isalpha() and "-" not in low:
        return False
    for suffix in ("sche", "se", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 3:
            stem = low[:-len(suffix)]
            if stem + "s" in _REGION_ADJECTIVES:
                return True
            for cand in (stem, stem + "e", stem + "en", stem + "a", stem.replace("ee", "e") + "e",
                         stem.replace("oo", "o") + "e", stem.replace("aa", "a") + "e", stem.replace("uu", "u") + "e"):
                if lexicon.is_place(cand):
                    return True
    return False


def find_place_adjective_schools(text: str) -> Iterator[Span]:
    """"op het almeerse daltoncollege", "de zeeuwse havenvakschool", "t utrechts stedelijk gymnasium": an article,
    the adjective of a place or region, and a college, lyceum, gymnasium or a compound on a head word. A plain
    "de utrechtse school" stays (where, not which)."""
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        if not (low in _STRONG_HEADS or typo_head(word) or _compound_on_any_head(word)) or k < 2:
            continue
        first = k - 1
        while first > 0 and k - first < 3 and not place_adjective(toks[first][2]) and _modifier(toks[first][2]) and \
                _adjacent(text, toks[first - 1], toks[first]):
            first -= 1   # "utrechts stedelijk gymnasium"
        if not place_adjective(toks[first][2]) or not _adjacent(text, toks[first], toks[first + 1]):
            continue
        if first == 0 or toks[first - 1][2].lower() not in _ARTICLES or not _adjacent(text, toks[first - 1], toks[first]):
            continue
        b = school_tail(text, end)
        yield Span("school", toks[first][0], b, text[toks[first][0]:b])
