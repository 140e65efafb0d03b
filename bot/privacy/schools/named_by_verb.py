"""A school's name after a verb that names it: "mijn oude school heette De Sterrenwachter", "school heet
al-ihsaan school", and a naming verb before a name with a head word: "het heet ontplooiing college".
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _is_head, _name_word
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.word_checks import _common
from bot.privacy.schools.words import HEADS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a school's name after a verb that names it: "mijn oude school heette De Sterrenwachter", "school heet al-ihsaan
# school", "Zijn school was de Titus ..."
_NAMED = re.compile(r"(?<![\w])(?i:school|basisschool|college)[ ](?i:heet|heette|heten|heetten|genaamd|noemt|noemde)"
                    r"(?:[ ](?:nu|toen|eerst|vroeger))?[ ](?P<name>(?:(?:De|Het|de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30}"
                    r"(?:[ ][^\W\d_][\w'’\-]{1,30}){0,2})")


def find_named_by_verb(text: str) -> Iterator[Span]:
    for m in _NAMED.finditer(text):
        words = m.group("name").split(" ")
        keep = []
        for w in words:
            low = w.lower()
            if keep and not (_name_word(w) or _is_head(w) or (w[:1].isupper() and lexicon.zipf(low) < 4.5)):
                break
            keep.append(w)
        named = [w for w in keep if w.lower() not in ("de", "het", "'t")]
        if not named or not any(_name_word(w) or (w[:1].isupper() and lexicon.zipf(w.lower()) < 4.5
                                                  and w.lower() not in wordlists().geen_naam) for w in named):
            continue   # "de school heet gewoon ...": no name
        if all(w.lower() in HEADS or lexicon.is_place(w) for w in named):
            continue
        a = m.start("name")
        b = school_tail(text, a + len(" ".join(keep)))
        yield Span("school", a, b, text[a:b])


# a naming verb before a name with a head word: "het heet ontplooiing college", "die heet de Vaart school"
_NAMED_WITH_HEAD = re.compile(
    r"(?<![\w'’])(?:school|het|die|deze|ze)[ ](?:heet|heette|heten|noemt|noemde)[ ](?:(?:de|het|'t)[ ])?"
    r"(?P<s>(?:[^\W\d_][\w'’\-]{2,25}[ ]){1,3}(?:college|lyceum|school|gymnasium|atheneum|mavo))"
    r"(?![\w'’\-])", re.IGNORECASE)


def find_named_with_head(text: str) -> Iterator[Span]:
    for m in _NAMED_WITH_HEAD.finditer(text):
        words = m.group("s").split()[:-1]
        if all(_common(w, 4.0) for w in words):
            continue   # "het heet gewoon college"
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))
