"""School names in the forms pupils and parents type without capitals (session 13, round 5), run by
``bot.privacy.schools``:

- a lower-case compound on -school/-college/-lyceum after an article: "op de regenboogschool", "naar het
  beeldvakcollege" (not a kind of school: "de basisschool", "de muziekschool", "de middelbareschool");
- a word Dutch does not know after "het gymnasium/lyceum/college": "op t gymnasium aquilanum";
- a school named next to a member of its staff: "de intern begeleider van de Eikenboom", "juffrouw Bosman van
  het kwadrant", "(intern begeleider De Tweemaster)".

Short patterns with bounded repetition, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_ARTICLE = r"(?<![\w'’])(?:de|het|'t|t)[ ]{1,2}"

# "de regenboogschool", "het beeldvakcollege"
_LOWER_COMPOUND = re.compile(_ARTICLE + r"(?P<word>[a-zà-ÿ][a-zà-ÿ\-]{2,24}(?:school|college|lyceum))(?![\w])")
# first parts that make a compound a kind of school or a course, not one school's name
_KIND_PARTS = ("basis", "middelbare", "hoge", "zomer", "vak", "dag", "thuis", "kleuter", "muziek", "rij", "zwem",
               "taal", "huiswerk", "bijles", "zondags", "avond", "ziekenhuis", "praktijk", "speciale", "speciaal",
               "dans", "kook", "ski", "surf", "circus", "voetbal", "sport", "vlieg", "brugklas", "nieuwe", "oude",
               "andere", "eigen", "vorige", "volgende", "hele", "vrije", "jenaplan", "montessori", "dalton",
               "internationale", "internaat", "kost", "privé", "prive", "online", "zorg", "ziekenhuis", "thuiszit",
               "nederlandse", "engelse", "turkse", "arabische", "koran", "weekend", "woensdag", "zaterdag", "zondag",
               "buiten", "bos", "natuur", "gemeente", "kinder", "theater", "toneel", "kunst", "teken", "schilder",
               "hondenschool", "honden", "pup", "puppy", "auto", "motor", "kappers", "kapper", "brom", "vaar")


def _lower_compounds(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LOWER_COMPOUND.finditer(text):
        word = m.group("word")
        if word in lists.geen_school or word.startswith(_KIND_PARTS) or word in lists.school_woorden:
            continue
        if word.rstrip("-").endswith(("-school", "-college", "-lyceum")) and \
                word.split("-")[0] in lists.school_afkortingen:
            continue   # "de sbo-school": a kind of school
        yield Span("school", m.start("word"), m.end("word"), word)


# "het gymnasium aquilanum": a head word, then a word Dutch does not know
_TYPE_RARE_WORD = re.compile(_ARTICLE + r"(?P<school>(?:gymnasium|lyceum|college|atheneum)[ ]{1,2}"
                                        r"(?P<name>[a-zà-ÿ][a-zà-ÿ\-]{3,30}))(?![\w])")


def _type_then_rare_word(text: str) -> Iterator[Span]:
    for m in _TYPE_RARE_WORD.finditer(text):
        name = m.group("name")
        if lexicon.zipf(name) >= lexicon.KNOWN or lexicon.has_word_ending(name) or lexicon.is_place(name):
            continue   # "het lyceum morgen", "het college gisteren"
        yield Span("school", m.start("school"), m.end("school"), m.group("school"))


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


def _staff_schools(text: str) -> Iterator[Span]:
    from bot.privacy.school_contexts import _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS
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


def find_school_mentions(text: str) -> Iterator[Span]:
    yield from _lower_compounds(text)
    yield from _type_then_rare_word(text)
    yield from _staff_schools(text)
