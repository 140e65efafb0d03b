"""A form's label for the school, then its name: "School: Het Brummense Heem (locatie Dieren)", "Vorige
school: De Wissel", "School tot vorige week: Het Nieuwe Eemhof (havo)" (not "school: geen", "School: Utrecht").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.words import NAME, PARTICLES, _KIND_WORDS, _NOT_IN_SCHOOL_NAME, _classify
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a form's label for the school, then its name: "School: Het Brummense Heem (locatie Dieren)", "Vorige school: De
# Wissel", "School tot vorige week: Het Nieuwe Eemhof (havo)"
_LABEL = re.compile(r"(?<![\w])(?:(?:vorige|huidige|oude|nieuwe|laatste)[ ])?(?:[Ss]chool|SCHOOL)(?:naam)?"
                    r"(?:[ ][a-zà-ÿ0-9]{1,12}){0,4}[ ]?:[ ]{1,3}(?P<value>[^\W\d_][\w'’\-]{0,30}(?:[ ][^\W\d_][\w'’\-.]{0,30}){0,4})")


def find_labelled(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LABEL.finditer(text):
        words = []
        for w in m.group("value").split(" "):
            low = w.lower().rstrip(".")
            if words and (low in _NOT_IN_SCHOOL_NAME and low not in ("de", "het", "van") or w.endswith(".")):
                if w.endswith(".") and low not in _NOT_IN_SCHOOL_NAME:
                    words.append(w.rstrip("."))
                break
            words.append(w)
        while words and words[-1].lower() in PARTICLES:
            words.pop()
        lows = [w.lower() for w in words]
        if not words or lows[0] in lists.geen_naam and lows[0] not in ("de", "het") or lows[0] in _NOT_IN_SCHOOL_NAME \
                and lows[0] not in ("de", "het", "'t"):
            continue   # "school: geen", "school: nog niet"
        named = [w for w in words if w.lower() not in PARTICLES]
        kinds = lists.school_woorden | lists.school_afkortingen | lists.geen_school
        first = named[0].lower() if named else ""
        if not named or first in kinds or (first in _KIND_WORDS and lows[0] not in ("de", "het", "'t")):
            continue   # "School: basisschool", "school: vmbo": a kind of school
        if not any(_classify(w, strict=False) == NAME or (w[:1].isupper() and lexicon.zipf(w) < 4.5
                                                           and not lexicon.is_place(w)) for w in named):
            continue   # "school: thuis", "School: Ja"
        if all(lexicon.is_place(w) for w in named):
            continue   # "School: Utrecht": where, not which
        end = m.start("value") + len(" ".join(words))
        end = school_tail(text, end)
        yield Span("school", m.start("value"), end, text[m.start("value"):end])
