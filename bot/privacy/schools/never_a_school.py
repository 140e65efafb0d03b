"""Findings that name no school, and the knowledge behind them:

- ``implausible()``: one word that never names a school ("de Havo", "op de Bijlmer", a person by role: "de
  Kinderarts"), or, in a message in capitals, a run with a verb in it ("DE SCHOOL WIL HEM");
- ``street_location()``: one street name after "aan de"/"in de" ("de Sint Jozefschool aan de Kerkweg");
- ``national_type()``: a nationality or language adjective and a lower-case type ("de Chinese zaterdagschool");
- a message in capitals or title case says nothing by its capitals (``_is_shouted``); the organisations the
  product itself names (content/regio/landelijk.yml, the samenwerkingsverbanden) are no school.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.privacy import lexicon
from bot.privacy.schools.words import _KIND_WORDS, _type_words
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


@lru_cache(maxsize=8)
def _is_shouted(text: str) -> bool:
    """Capitals say nothing: a message in capitals, or one where (almost) every word starts with one."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.75 * len(words):
        return False
    # title case: function words and verbs with a capital mid-sentence ("Mijn Zoon Zit Thuis Want De School Heeft")
    capital_function_words = sum(1 for w in words[1:] if w[:1].isupper() and w.lower() not in ("de", "het", "van")
                                 and lexicon.zipf(w) >= 5.5)
    return capital_function_words >= 2


@lru_cache(maxsize=1)
def _organisations() -> tuple[frozenset, tuple]:
    """The organisations the product itself names: the words of the helplines and public bodies in landelijk.yml,
    and the full names of the samenwerkingsverbanden (" passend onderwijs de eem ")."""
    import json
    from bot import settings
    from bot.content import contacts
    words, names = set(), []
    try:
        text = contacts.contacts_file().read_text(encoding="utf-8")
        for m in re.finditer(r"^\s*naam:\s*(.+)$", text, re.MULTILINE):
            words.update(w for w in re.findall(r"[^\W\d_][\w\-]+", m.group(1).lower()) if len(w) > 3)
        swv = json.loads((settings.read("WEGWIJZER_REGIO_DIR") / "samenwerkingsverbanden.json").read_text(encoding="utf-8"))
        names = [f" {str(v.get('naam', '')).lower()} " for v in swv.get("samenwerkingsverbanden", {}).values()]
    except (OSError, ValueError, AttributeError):   # the rules still work without them, with fewer exceptions
        pass
    return frozenset(words), tuple(n for n in names if n.strip())


def _organisation_words() -> frozenset:
    return _organisations()[0]


def _known_organisation(name: str) -> bool:
    low = f" {name.lower()} "
    return any(low in org for org in _organisations()[1])


def _never_a_school(low: str) -> bool:
    lists = wordlists()
    low = low.strip("'’")
    return (low in lists.geen_schoolnaam or low in lists.geen_schoolnaam_streken or low in lists.geen_naam or low in lists.geen_school
            or low in _organisation_words() or low.rstrip("-") in lists.geen_schoolnaam)


_ORG_ENDINGS = ("commissie", "wet", "raad", "punt", "loket", "dienst", "bureau", "team", "verband", "inspectie",
                "zorg", "lijn", "telefoon", "rechter", "rechtbank", "ministerie", "gemeente", "bestuur", "besluit",
                "vakantie", "stoornis", "onderwijs", "klas", "jeugd", "bank", "academie", "universiteit",
                "hogeschool", "opleiding", "wijk", "buurt", "opvang", "zaal", "verblijf", "besteding", "boerderij",
                "pact", "fonds", "aanpak", "beleid", "plan", "regeling", "regio", "courant", "krant", "blad", "streek",
                # people by their role: "de Zorgcoördinator", "de Jeugdarts", "de Schoolpsycholoog"
                "coördinator", "coordinator", "begeleider", "ambtenaar", "consulent", "arts", "psycholoog",
                "pedagoog", "directeur", "directrice", "mentor", "leraar", "lerares", "docent", "werker", "meester",
                "agent", "iater", "pedist", "therapeut", "loog", "journaal", "persoon",
                # times and periods: "de Coronatijd", "de Kerstperiode"
                "tijd", "periode")


# the endings of people by their role and of services: a finding of any rule that is one such word is no school
_ROLE_ENDINGS = _ORG_ENDINGS[_ORG_ENDINGS.index("coördinator"):] + ("commissie", "loket", "dienst", "bureau", "team",
                                                                     "inspectie", "zorg", "opvang", "telefoon")

_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")

_GLUE = frozenset({"de", "het", "'t", "’t", "t", "op", "bij", "naar", "van", "voor", "aan", "door", "in", "over",
                   "onder", "achter", "met", "der", "den", "ter", "ten"})


# a hospital named after the same person or place as a school: "het Erasmus MC", "het Wilhelmina Kinderziekenhuis"
_HOSPITAL_AFTER = re.compile(r"[ ](?:U?MC|(?i:\w{0,12}ziekenhuis|kliniek))(?![\w])")


def implausible(text: str, span: Span) -> bool:
    """A school finding (of any rule) that names no school: one word that never names one ("de Havo", "op de
    Bijlmer"), or, in a message in capitals, a run with a verb or function word in it ("DE SCHOOL WIL HEM")."""
    words = [w for w in _NAME_WORD.findall(span.text) if w.lower() not in _GLUE]
    if len(words) == 1 and (words[0].lower() in wordlists().geen_schoolnaam or words[0].lower().endswith(_ROLE_ENDINGS)) \
            and words[0].lower() not in wordlists().school_woorden:
        return True
    if len(words) == 1 and "-" in words[0] and all(_never_a_school(p) for p in words[0].lower().split("-") if p):
        return True   # "de Jeugd-GGZ", "het Ouder-Kindcentrum": a service made of words that name no school
    if _HOSPITAL_AFTER.match(text, span.end) or (words and words[-1].lower().endswith(("ziekenhuis", "kliniek"))):
        return True   # "in het Erasmus MC", "het Sophia Kinderziekenhuis": a hospital
    if _is_shouted(text):
        lists = wordlists()
        return any(lexicon.zipf(w) >= 5.5 and w.lower() not in lists.school_woorden for w in words)
    return False


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


_NATIONAL = re.compile(r"(?:(?:[Dd]e|[Hh]et|[Ee]en)[ ])?(?P<adj>[A-ZÀ-Þ][a-zà-ÿ]{2,20}(?:se|sche))[ ]"
                       r"(?P<kind>[a-zà-ÿ]{0,20}school)")


def national_type(span_text: str) -> bool:
    """A finding that is only a nationality or language adjective and a lower-case school type."""
    m = _NATIONAL.fullmatch(span_text)
    return bool(m) and lexicon.zipf(m.group("adj").lower()) >= 3.5


_INDEFINITE = re.compile(r"(?<![\w'’])(?:een|geen|elke|iedere|welke|zo'n|zo’n)[ ]$", re.IGNORECASE)

_IN_PLACE = re.compile(r"[ ](?:in|te|bij)[ ](?P<place>[A-ZÀ-Þ][\w'’\-]+(?:[ ][A-ZÀ-Þ][\w'’\-]+)?)$")


def indefinite_kind(text: str, start: int, end: int) -> bool:
    """A finding after "een"/"geen"/"welke" that is only a kind of school, perhaps with its place: "op een
    islamitische school in Den Haag", "een Daltonschool in Ede". One school is named with "de/het", not "een"."""
    if not _INDEFINITE.search(text, max(0, start - 8), start):
        return False
    found = text[start:end]
    place = _IN_PLACE.search(found)
    if place and lexicon.is_place(place.group("place")):
        found = found[:place.start()]
    return all(_kind_word(w.lower()) for w in _NAME_WORD.findall(found))


@lru_cache(maxsize=1)
def _kind_words() -> frozenset:
    """Words that say which kind a school is, also as one compound on a head word ("daltonschool")."""
    lists = wordlists()
    kinds = _KIND_WORDS | _type_words()
    return frozenset(kinds | lists.school_voorwoorden | lists.geen_school | lists.school_woorden | lists.geen_schoolnaam
                     | {k + s for k in kinds for s in lists.school_achtervoegsels})


def _kind_word(low: str) -> bool:
    return low in _kind_words()
