"""A compound on a head word that alone is a kind of school ("vakschool", "praktijkschool",
"technasium") after a title or a name: "Mr. Tichelaar Praktijkschool", "De Kroonvaart Vakschool", "het Genneper
Technasium", "de Titus van Ommerenschool", "de prins willem alexanderschool".
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.schools.head_words import _compound_on_any_head
from bot.privacy.schools.name_before_head import _words_before
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.tokens import _adjacent
from bot.privacy.schools.words import _on_name_lists, _tokens
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


def find_named_kind_compounds(text: str) -> Iterator[Span]:
    """A compound on a head word that alone is a kind of school ("vakschool", "praktijkschool",
    "technasium") after a title or a name: "Mr. Tichelaar Praktijkschool", "De Kroonvaart Vakschool", "het
    Genneper Technasium", "de Titus van Ommerenschool", "de prins willem alexanderschool"."""
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower().rstrip(".")
        compound = _compound_on_any_head(word)
        if not (compound or low in ("technasium", "kindergemeenschap")):
            continue
        first, titled = _words_before(text, toks, k, compound=compound)
        if first is None and compound:
            first, titled = _words_before(text, toks, k, compound=False)   # "De Kroonvaart Vakschool"
        if first is None and compound and word[:1].isupper():
            first = _first_name_before(text, toks, k)   # "de Jan van Tongerenschool"
        if first is None:
            continue
        if first > 0 and toks[first - 1][2] in ("De", "Het", "'t", "’t") and first - 1 > 0 and \
                not re.search(r"[.!?:]\s*$", text[:toks[first - 1][0]]):
            first -= 1   # "en De Kroonvaart Vakschool": a capitalised article inside the sentence is the name's
        end = end - 1 if word.endswith(".") else end
        a, b = toks[first][0], school_tail(text, end)
        yield Span("school", a, b, text[a:b])


def _first_name_before(text: str, toks: list, k: int) -> int | None:
    """"Jan van Tongerenschool": a capitalised first name, particles and capitalised words before a capitalised
    compound on a head word."""
    j, first, named = k - 1, None, False
    while j >= 0 and k - j <= 4 and _adjacent(text, toks[j], toks[j + 1]):
        w = toks[j][2]
        if w in ("van", "de", "der", "den", "ter", "ten") and (first is not None or j == k - 1):
            named = named or j == k - 1   # "... van Tongerenschool": a particle right before the compound
        elif w[:1].isupper() and w not in ("De", "Het") and w.lower() not in wordlists().geen_naam:
            first = j
            named = named or w.lower() in wordlists().voornamen or _on_name_lists(w.lower())
        else:
            break
        j -= 1
    while first is not None and toks[first][2] in ("van", "de", "der", "den", "ter", "ten"):
        first += 1
    return first if named and first is not None and first < k else None
