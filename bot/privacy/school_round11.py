"""School names, round 11 (session 14, issue 18): forms that Dutch grammar or the way schools are named
covers in general, found in what rounds 9-10 still missed.

1. A school named after a person, with the person's full name: a hyphenated head after a name with particles
   ("Karel de Grote-school", "Willem van Oranje-college"), or a lower-case compound on a head after a title
   or first name and particles ("de mr. van der bijlschool", "de dr. de visserschool"). The particles
   ("van der", "de") bind the compound to a person's name, and a person's name on a head names one school.
2. A pedagogical concept, a head word and a part of town or place, in any case: "het dalton college
   ijsselmonde", "de montessori basisschool overvecht" (a concept and a head alone is a kind and stays).
3. A capitalised word Dutch does not know, then a lower-case head, also at the start of a sentence:
   "Lindeborg college heeft hem ...", "Ravelijn lyceum" (capitals at a sentence start say nothing, but a word
   the dictionary does not know before "college" does).
4. An apposition that classifies the name as a school: "bij Nieuw Zuid, dat is een school hier",
   "De Horst, een school voor speciaal onderwijs", "Eilandschool (een basisschool)".
5. The neuter article before a person's name: people take no article, a school named after a person takes
   "het": "op het tjalling harkema", "naar het pieter nieuwland".
6. A capitalised school type between capitalised words names one school: "de Open Havo Zuidwest",
   "het Nieuwe Lyceum Bilthoven" (the type alone, "de Havo", stays).
7. The members of a list after "scholen ...:": "op 3 scholen gezeten: de Ooievaar, de Twaalf Ambachten en de
   Houtduif" (not places).
8. A naming verb before a name with a head: "het heet ontplooiing college".
9. A head spelt as it sounds after a name: "het da vinci collage", "het zonnewende colege".
10. A scholengemeenschap by its initials after an article: "op t KSG".
11. A pedagogical concept that closes a capitalised name: "Nieuwe Maas Montessori".
12. A primary school by its groups: "op de waterlelie in groep 8", "in groep 8 op de klimrek" (with its article;
   not a school type, a place or a common word).
Findings of these rules only add names: where a lower-case article goes ("het Montessori Lyceum") is still
decided by the earlier rules (bot.privacy.schools).

``initials_with_particles()`` adds the initials that keep the particles ("Groen van Bakel Lyceum" -> "GvB",
"GvBL") to the echoes of bot.privacy.school_echoes. ``national_type()`` drops a finding that is only a nationality or language adjective and a lower-case school
type: "de Chinese zaterdagschool", "de Turkse weekendschool", "de Poolse school".

Bounded regexes and dictionary look-ups only, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists
from bot.privacy.school_proper_nouns import _plain_compound

_HEADS = r"(?:school|college|lyceum|gymnasium|atheneum)"
_PARTICLE = r"(?:van[ ]de[nr]?|van[ ]het|van|de|der|den|ter|ten|la|le|da|du|von)"
_TITLE = r"(?:mr|dr|prof|ds|st|mgr|jhr|ir)\.?|sint|pater|broeder|zuster|koning|koningin|prins|prinses|graaf|gravin"

# 1a: "Karel de Grote-school", "Willem van Oranje-college", "Jan van Nassau-lyceum"
_HYPHEN_PERSON = re.compile(
    r"(?<![\w'’\-])(?P<first>[A-ZÀ-Þ][a-zà-ÿ'’]{1,20})[ ](?:" + _PARTICLE + r"[ ]){1,2}"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]{1,25}-" + _HEADS + r"(?![\w'’\-])")
# 1b: "mr. van der bijlschool", "dr. de visserschool", "jan de wit-college" in lower case
_TITLE_COMPOUND = re.compile(
    r"(?<![\w'’\-])(?P<lead>" + _TITLE + r"|[^\W\d_][a-zà-ÿ'’]{1,20})[ ](?:" + _PARTICLE + r"[ ]){1,2}"
    r"[^\W\d_][a-zà-ÿ'’]{1,25}-?" + _HEADS + r"(?![\w'’\-])", re.IGNORECASE)

_CONCEPTS = r"(?:dalton|montessori|jenaplan|vrije|waldorf|freinet|vrijeschool|christelijke?|katholieke?|openbare?)"
# 2: "dalton college ijsselmonde", "montessori basisschool overvecht"
_CONCEPT_PLACE = re.compile(
    r"(?<![\w'’])(?:de|het|'t|’t|t)[ ](?P<s>" + _CONCEPTS + r"[ ](?:basisschool|school|college|lyceum|gymnasium|atheneum)"
    r"[ ](?P<place>[^\W\d_][\w'’\-]{3,30}))(?![\w'’\-])", re.IGNORECASE)

# 3: "Lindeborg college", "Ravelijn-Dalton lyceum"
_UNKNOWN_LOWER_HEAD = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’]{3,25}(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]{2,25})?)[ ]"
    r"(?:college|lyceum|gymnasium|atheneum|scholengemeenschap|mavo|havo|vmbo|mbo|vwo|Mavo|Havo|Vmbo|Mbo|Vwo)(?![\w'’\-])")

_KIND_WORDS = (r"(?:school|basisschool|scholengemeenschap|lyceum|college|gymnasium|atheneum|[a-zà-ÿ]{2,20}school|"
               r"[a-zà-ÿ]{2,20}college|mavo|havo|vmbo|sbo|so|vso|SBO|SO|VSO)(?![\w'’\-])")
# 4: "Nieuw Zuid, dat is een school", "De Horst, een school voor ...", "Eilandschool (een basisschool)"
_APPOSITION = re.compile(
    r"(?<![\w'’\-])(?P<name>(?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w'’\-]{1,25}(?:[ ](?:(?:van|de|der|den|ter|ten)[ ]){0,2}"
    r"[A-ZÀ-Þ][\w'’\-]{1,25}){0,3})(?:,[ ](?:dat|die|het|dit)[ ](?:is|was)[ ](?:een|de|mijn|zijn|haar|onze|hun)"
    r"|,[ ]een|[ ]?\([ ]?(?:(?:dat|het)[ ])?(?:is[ ])?een)[ ](?:[a-zà-ÿ\-]{2,20}[ ]){0,2}" + _KIND_WORDS)
# 4b: a lower-case name after an article, with the apposition in brackets: "de kompasnaald (is een sbo)"
_LOWER_APPOSITION = re.compile(
    r"(?<![\w'’])(?:de|het|'t|t)[ ](?P<name>[a-zà-ÿ][a-zà-ÿ'’\-]{3,25})[ ]?\([ ]?(?:(?:dat|het)[ ])?(?:is[ ])?een[ ]"
    r"(?:[a-zà-ÿ\-]{2,20}[ ]){0,2}" + _KIND_WORDS)

# 5: "op het tjalling harkema"
_NEUTER_PERSON = re.compile(
    r"(?<![\w'’])(?:op|naar|bij|van|aan)[ ](?:het|'t|’t|t)[ ](?P<s>(?P<first>[^\W\d_][a-zà-ÿ'’]{2,20})[ ]"
    r"(?:(?:van|de|der|den|ter|ten)[ ]){0,2}(?P<last>[^\W\d_][a-zà-ÿ'’\-]{2,25}))(?![\w'’\-])", re.IGNORECASE)

# 6: "de Open Havo Zuidwest", "het Nieuwe Lyceum Bilthoven"
_TYPE_INSIDE = re.compile(
    r"(?<![\w'’])(?:de|het|'t)[ ](?P<s>[A-ZÀ-Þ][a-zà-ÿ'’]{2,20}[ ](?:Havo|Mavo|Vwo|Vmbo|Lyceum|Gymnasium|Atheneum|"
    r"College|School)[ ](?P<last>[A-ZÀ-Þ][\w'’\-]{2,25}))(?![\w'’\-])")

_COMPASS = frozenset({"noord", "zuid", "oost", "west", "centrum", "noordoost", "noordwest", "zuidoost", "zuidwest"})
_NATIONAL = re.compile(r"(?:(?:[Dd]e|[Hh]et|[Ee]en)[ ])?(?P<adj>[A-ZÀ-Þ][a-zà-ÿ]{2,20}(?:se|sche))[ ]"
                       r"(?P<kind>[a-zà-ÿ]{0,20}school)")


def _common(word: str, limit: float) -> bool:
    low = word.lower()
    return lexicon.zipf(low) >= limit or low in wordlists().geen_naam


def _first_name(low: str) -> bool:
    lists = wordlists()
    return low in lists.voornamen or low in lists.alleen_na_aanleiding or low in lists.namen_bron


def _person_compounds(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _HYPHEN_PERSON.finditer(text):
        if m.group("first").lower() in lists.geen_naam:
            continue
        yield Span("school", m.start(), m.end(), m.group(0))
    for m in _TITLE_COMPOUND.finditer(text):
        lead = m.group("lead").lower()
        if not (re.fullmatch(_TITLE, lead) or _first_name(lead)) or lead in lists.geen_naam:
            continue   # "op de van der ...": a title or a first name must lead
        yield Span("school", m.start(), m.end(), m.group(0))


def _concept_places(text: str) -> Iterator[Span]:
    for m in _CONCEPT_PLACE.finditer(text):
        place = m.group("place")
        if not (lexicon.is_place(place) or place.lower() in _COMPASS or not _common(place, 3.2)):
            continue   # "het dalton college gisteren": an ordinary word is no part of town
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


def _unknown_lower_heads(text: str) -> Iterator[Span]:
    for m in _UNKNOWN_LOWER_HEAD.finditer(text):
        name = m.group("name")
        if any(_common(p, 3.0) or lexicon.is_place(p) for p in name.split("-")):
            continue   # "Engels college", "Utrecht college": a common word or a place is no name
        yield Span("school", m.start(), m.end(), m.group(0))


def _appositions(text: str) -> Iterator[Span]:
    for m in _APPOSITION.finditer(text):
        name = m.group("name")
        words = [w for w in name.split() if w.lower() not in ("de", "het", "'t", "van", "der", "den", "ter", "ten")]
        if not words or all(w.lower() in wordlists().geen_naam for w in words) or \
                (words[0] == name.split()[0] and lexicon.zipf(words[0].lower()) >= 6.0):
            continue   # "In Utrecht, een school ...": a capitalised function word opens a sentence, not a name
        if len(words) == 1 and (lexicon.is_place(words[0]) or
                                (_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()) and lexicon.zipf(words[0].lower()) >= 3.5)):
            continue   # "in Utrecht, een school ...", "Hallo, een school ...": a place or a greeting
        yield Span("school", m.start("name"), m.end("name"), name)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"'“(]\s*)$")


def _neuter_persons(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NEUTER_PERSON.finditer(text):
        first, last = m.group("first").lower(), m.group("last").lower()
        if first in lists.geen_naam or last in lists.geen_naam or first in _type_words() or last in _type_words():
            continue
        if not (_first_name(first) or lexicon.zipf(first) < 2.8):
            continue   # "op het oude gebouw": no first name
        if not _first_name(first) and _plain_compound(first):
            continue   # "bij het fietsenhok opwacht": a compound of ordinary words, not a person's name
        if lexicon.zipf(last) >= 3.5 or (lexicon.zipf(last) >= 3.0 and not (lexicon.is_place(last) or last in lists.voornamen)):
            continue   # "op het jan-plein"? an ordinary word after the name is no surname
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


def _types_inside(text: str) -> Iterator[Span]:
    for m in _TYPE_INSIDE.finditer(text):
        last = m.group("last")
        if not (last.lower() in _COMPASS or lexicon.is_place(last) or not _common(last, 4.0)):
            continue
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


# 7: the members of a list after "scholen ...:": "op 3 scholen gezeten: de Ooievaar, de Twaalf Ambachten en de Houtduif"
_LIST_HEAD = re.compile(r"(?<![\w'’])scholen(?:[ ](?:gezeten|gehad|geprobeerd|bezocht|gebeld|gevraagd|aangeschreven))?"
                        r"[ ]?:[ ]{0,2}")
_LIST_ITEM = re.compile(r"(?:(?P<art>de|het|'t|De|Het)[ ])?(?P<name>[A-ZÀ-Þ][\w'’\-]{1,25}(?:[ ](?:(?:van|de|der|ter)[ ])?"
                        r"[A-ZÀ-Þ][\w'’\-]{1,25}){0,2})(?P<sep>,[ ]{1,2}|[ ](?:en|of)[ ]|(?=[.;!?)]|$))")

# 8: a naming verb before a name with a head word: "het heet ontplooiing college", "die heet de Vaart school"
_NAMED = re.compile(r"(?<![\w'’])(?:school|het|die|deze|ze)[ ](?:heet|heette|heten|noemt|noemde)[ ](?:(?:de|het|'t)[ ])?"
                    r"(?P<s>(?:[^\W\d_][\w'’\-]{2,25}[ ]){1,3}(?:college|lyceum|school|gymnasium|atheneum|mavo))"
                    r"(?![\w'’\-])", re.IGNORECASE)

# 9: a head word spelt as it sounds, after a name: "het da vinci collage", "het zonnewende colege"
_MISSPELT_HEAD = re.compile(r"(?<![\w'’])(?:het|'t|t|de)[ ](?P<s>(?:[^\W\d_][\w'’\-]{1,25}[ ]){1,3}"
                            r"(?:col+age|colege|col+egue|lyc[ie]um|lycium|liceum|gymnasuim|gymasium|atheneaum))(?![\w'’\-])",
                            re.IGNORECASE)

# 10: a scholengemeenschap by its initials: "op t KSG", "bij het CSG" (a capital abbreviation ending in "SG")
_SG = re.compile(r"(?<![\w'’])(?:op|naar|bij|van|aan)[ ](?:het|'t|’t|t)[ ](?P<s>[A-Z]{1,3}SG)(?![\w'’\-])")

# 11: a pedagogical concept that closes a run of capitalised words: "Nieuwe Maas Montessori", "De Klimboom Dalton"
_CONCEPT_LAST = re.compile(r"(?<![\w'’\-])(?P<s>(?:(?:De|Het)[ ])?[A-ZÀ-Þ][a-zà-ÿ'’\-]{2,25}(?:[ ][A-ZÀ-Þ][a-zà-ÿ'’\-]{2,25}){0,2}"
                           r"[ ](?:Montessori|Dalton|Jenaplan|Freinet|Vrijeschool))(?![\w'’\-])")

# 12: a primary school by its groups: "op de waterlelie in groep 8", "in groep 8 op de klimrek"
_GROUP_PLACE = re.compile(
    r"(?<![\w'’])(?:op|van|naar)[ ](?:de|het|'t|t)[ ](?:[a-zà-ÿ]{3,15}e[ ])?(?P<a>[^\W\d_][\w'’\-]{3,25})[ ]in[ ]groep[ ]?[1-8]"
    r"(?!\d)"
    r"|(?<![\w'’])in[ ]groep[ ]?[1-8][ ](?:op|van)[ ](?:de|het|'t|t)[ ](?P<b>[^\W\d_][\w'’\-]{3,25})(?![\w'’\-])",
    re.IGNORECASE)


def _list_members(text: str) -> Iterator[Span]:
    lists = wordlists()
    for head in _LIST_HEAD.finditer(text):
        pos, n = head.end(), 0
        while n < 6:
            m = _LIST_ITEM.match(text, pos)
            if not m:
                break
            name = m.group("name")
            if not (name.lower() in lists.geen_naam or lexicon.is_place(name)):
                yield Span("school", m.start(), m.end("name"), text[m.start():m.end("name")])
            if not m.group("sep"):
                break   # the list ends at a full stop, bracket or the end of the text
            pos, n = m.end(), n + 1


def _named(text: str) -> Iterator[Span]:
    for m in _NAMED.finditer(text):
        words = m.group("s").split()[:-1]
        if all(_common(w, 4.0) for w in words):
            continue   # "het heet gewoon college"
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


def _misspelt_heads(text: str) -> Iterator[Span]:
    for m in _MISSPELT_HEAD.finditer(text):
        words = m.group("s").split()[:-1]
        while words and _common(words[0], 4.0) and words[0].lower() not in ("da", "van", "de", "la", "le", "ter", "ten"):
            words = words[1:]   # "het oude da vinci collage": from the first word that can be a name
        if not words or all(_common(w, 3.5) for w in words):
            continue   # "het mooie collage": an ordinary word, not a school
        a = m.end("s") - len(" ".join(words) + " " + m.group("s").split()[-1])
        yield Span("school", a, m.end("s"), text[a:m.end("s")])


def _types_by_initials(text: str) -> Iterator[Span]:
    for m in _SG.finditer(text):
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


def _concepts_last(text: str) -> Iterator[Span]:
    for m in _CONCEPT_LAST.finditer(text):
        words = [w for w in m.group("s").split()[:-1] if w not in ("De", "Het")]
        if not words or all(w.lower() in wordlists().geen_naam for w in words) or \
                (_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()) and len(words) == 1 and _common(words[0], 4.5)):
            continue   # "Welke Montessori", "Een Dalton" at a sentence start
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


def _group_places(text: str) -> Iterator[Span]:
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


def _type_words() -> frozenset:
    from bot.privacy.school_name_heads import _type_words as words
    return words()


_STREET_ENDS = ("straat", "weg", "laan", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg", "straatje")
_ON_A_STREET = re.compile(r"(?<![\w'’])(?:aan|in)[ ](?:de|het|'t)[ ]$", re.IGNORECASE)


def street_location(text: str, start: int, end: int) -> bool:
    """A finding that is one street name after "aan de"/"in de": where something is, not a school ("de Sint
    Jozefschool aan de Kerkweg", "in de Dorpsstraat"); a school named after its street is called "op/naar de"."""
    words = re.sub(r"^(?:[Dd]e|[Hh]et|'t)[ ]", "", text[start:end]).split()
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    low = words[0].lower()
    if not any(low.endswith(e) and len(low) > len(e) + 2 for e in _STREET_ENDS):
        return False
    article = re.match(r"(?:[Dd]e|[Hh]et|'t)[ ]", text[start:end])
    before = start if article else max(0, start - 4)
    return bool(_ON_A_STREET.search(text, max(0, before - 12), start + (article.end() if article else 0)))


def national_type(span_text: str) -> bool:
    """A finding that is only a nationality or language adjective and a lower-case school type."""
    m = _NATIONAL.fullmatch(span_text)
    return bool(m) and lexicon.zipf(m.group("adj").lower()) >= 3.5


def find_round11_schools(text: str) -> Iterator[Span]:
    yield from _round11(text)


@lru_cache(maxsize=4)
def _round11(text: str) -> tuple[Span, ...]:
    """Cached: bot.privacy.schools asks twice per text (to find, and to know which starts are round 11's)."""
    return tuple(_all_round11(text))


def _all_round11(text: str) -> Iterator[Span]:
    yield from _person_compounds(text)
    yield from _concept_places(text)
    yield from _unknown_lower_heads(text)
    yield from _appositions(text)
    yield from _neuter_persons(text)
    yield from _types_inside(text)
    yield from _list_members(text)
    yield from _named(text)
    yield from _misspelt_heads(text)
    yield from _types_by_initials(text)
    yield from _concepts_last(text)
    yield from _group_places(text)
    for m in _LOWER_APPOSITION.finditer(text):
        if not _common(m.group("name"), 4.0):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))


_PARTICLE_WORDS = frozenset({"van", "der", "den", "de", "ter", "ten", "het"})
_HEAD_WORDS = ("school", "college", "lyceum", "gymnasium", "atheneum")


def initials_with_particles(name: str) -> set[str]:
    """Initials of a school's name that keep its particles, with and without the head word: "Groen van Bakel
    Lyceum" -> "gvbl", "gvb"; only names that have a particle inside (the plain initials are school_echoes')."""
    words = [w for w in re.split(r"[ \-.]+", name) if w]
    while words and words[0].lower() in _PARTICLE_WORDS | {"'t"}:
        words = words[1:]   # a leading article is no part of the initials
    if len(words) < 3 or not any(w.lower() in _PARTICLE_WORDS for w in words[1:-1]):
        return set()
    out = {"".join(w[0] for w in words).lower()}
    if words[-1].lower() in _HEAD_WORDS and len(words) >= 4:
        out.add("".join(w[0] for w in words[:-1]).lower())
    return {i for i in out if len(i) >= 3}
