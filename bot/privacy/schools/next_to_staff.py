"""A school named next to a member of its staff: "de intern begeleider van de Eikenboom", "juffrouw
Bosman van het kwadrant", "(intern begeleider De Tweemaster)" (not a class, group or year; not "juf Saskia van de
Brug").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.words import _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_STAFF = (r"intern[ ]begeleider|ib['’]?er|juf|juffrouw|meester|mentor|mentrix|directeur|directrice|leerkracht|"
          r"docent|docente|conci[eë]rge|zorgco[oö]rdinator|teamleider|afdelingsleider|rector|conrector|"
          r"locatiedirecteur|zorgcoördinator")

_CAP = r"[A-ZÀ-Þ][\w'’\-]{1,30}"


# "de intern begeleider van de Eikenboom", "juffrouw Bosman van het kwadrant", "mentor op het Baken"
_STAFF_OF = re.compile(
    r"(?<![\w])(?i:" + _STAFF + r")(?:[ ]" + _CAP + r"){0,3}[ ](?:van|op|bij)[ ](?P<art>de|het|'t|De|Het)[ ]"
    r"(?P<name>" + _CAP + r"(?:[ ]" + _CAP + r"){0,2}|[a-zà-ÿ][a-zà-ÿ\-]{3,30})(?![\w])")


# "(intern begeleider De Tweemaster)": the role, then the school's name with a capitalised article
_STAFF_NAME = re.compile(r"(?<![\w])(?i:" + _STAFF + r")[ ](?P<art>De|Het|'t)[ ](?P<name>" + _CAP + r"(?:[ ]" + _CAP +
                         r"){0,2})(?![\w])")


# what a member of staff is "of" that is not a school: a class, a group, a year, a department
_NOT_A_SCHOOL_OF_STAFF = frozenset({
    "klas", "groep", "kleuters", "kleutergroep", "bovenbouw", "onderbouw", "middenbouw", "brugklas", "school",
    "basisschool", "afdeling", "opvang", "leerplicht", "gemeente", "jeugdzorg", "zorg", "kinderen", "jongens",
    "meisjes", "leerlingen", "ouders", "taalklas", "schakelklas", "plusklas", "examenklas", "week", "maand", "jaar",
    "dag", "les", "lessen", "klassen", "groepen", "bso", "buitenschoolse", "sportclub", "club", "vereniging",
    "hockey", "voetbal", "zwemles", "muziekschool", "kerk", "moskee", "straat", "buurt", "wijk", "klasse",
    "tweede", "derde", "eerste", "vierde", "vijfde", "zesde", "laatste", "hele", "nieuwe", "oude", "andere"})


def _name_ok(name: str) -> bool:
    lists = wordlists()
    words = name.split()
    low = [w.lower() for w in words]
    if any(w in _NOT_A_SCHOOL_OF_STAFF or lists.not_a_school_name(w) or w in lists.geen_school for w in low):
        return False
    if any(w.isupper() for w in words) or lexicon.is_place(name) or lexicon.is_place(words[0]):
        return False
    if name.islower():
        # a lower-case word: only a rare noun names the school ("het kwadrant"), not "de klas", "het vak"
        return len(words) == 1 and lexicon.zipf(name) < 3.5 and not lexicon.has_word_ending(name)
    return True


def find_next_to_staff(text: str) -> Iterator[Span]:
    for pattern in (_STAFF_OF, _STAFF_NAME):
        for m in pattern.finditer(text):
            name = m.group("name")
            first = name.split()[0].lower()
            if first in _NOT_SCHOOL or first.endswith(_NOT_SCHOOL_ENDINGS) or not _name_ok(name):
                continue
            if (pattern is _STAFF_OF and m.group("art") == "de" and name[:1].isupper()
                    and re.search(r"[A-ZÀ-Þ][\w'’\-]*[ ](?:van|op|bij)[ ]$", text[m.start():m.start("art")])):
                continue   # "juf Saskia van de Brug": a surname with its particles, not a school
            yield Span("school", m.start("art"), m.end("name"), text[m.start("art"):m.end("name")])
