"""A primary school by its groups: "op de waterlelie in groep 8", "in groep 8 op de klimrek" (with its
article; not a school type, a place or a common word).
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.word_checks import _common
from bot.privacy.schools.words import _type_words
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a primary school by its groups: "op de waterlelie in groep 8", "in groep 8 op de klimrek"
_GROUP_PLACE = re.compile(
    r"(?<![\w'’])(?:op|van|naar)[ ](?:de|het|'t|t)[ ](?:[a-zà-ÿ]{3,15}e[ ])?(?P<a>[^\W\d_][\w'’\-]{3,25})[ ]in[ ]groep[ ]?[1-8]"
    r"(?!\d)"
    r"|(?<![\w'’])in[ ]groep[ ]?[1-8][ ](?:op|van)[ ](?:de|het|'t|t)[ ](?P<b>[^\W\d_][\w'’\-]{3,25})(?![\w'’\-])",
    re.IGNORECASE)


def find_group_places(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _GROUP_PLACE.finditer(text):
        key = "a" if m.group("a") else "b"
        word = m.group(key)
        low = word.lower()
        if low in lists.geen_naam or low in _type_words() or low in lists.school_woorden or _common(word, 4.0) or \
                lexicon.is_place(word):
            continue   # "op de basisschool in groep 8", "op school in groep 5"
        a = re.search(r"(?:de|het|'t|t)[ ](?:[a-zà-ÿ]{3,15}e[ ])?$", text[max(0, m.start(key) - 24):m.start(key)],
                      re.IGNORECASE)
        a = m.start(key) - len(a.group(0)) if a else m.start(key)   # a name in lower case is called with its article
        yield Span("school", a, m.end(key), text[a:m.end(key)])
