"""A kind of school or a name with the place it stands in, which together name one school:

- a pedagogical concept, a head word and a part of town or place: "het dalton college ijsselmonde";
- a school of a rare kind in a named place: "de vrije school in Zutphen";
- a kind with a school word: "het stedelijk lyceum zuid", "christelijk lyceum de driestar" (not after "een",
  "geen", "welk");
- a capitalised article and name, then a town or "locatie <name>": "Het Baken Almere heeft ...".
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.word_checks import _common
from bot.privacy.schools.words import _COMPASS, _CONCEPTS, _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# "dalton college ijsselmonde", "montessori basisschool overvecht"; without a head word only before a known place:
# "zit op het dalton voorburg"
_CONCEPT_PLACE = re.compile(
    r"(?<![\w'’])(?:de|het|'t|’t|t)[ ](?P<s>" + _CONCEPTS + r"(?P<head>[ ](?:basisschool|school|college|lyceum|gymnasium|"
    r"atheneum))?[ ](?P<place>[^\W\d_][\w'’\-]{3,30}))(?![\w'’\-])", re.IGNORECASE)

_PEDAGOGIES = frozenset({"dalton", "montessori", "jenaplan", "waldorf", "freinet", "vrijeschool"})


def find_concept_places(text: str) -> Iterator[Span]:
    for m in _CONCEPT_PLACE.finditer(text):
        place = m.group("place")
        if not m.group("head") and m.group("s").split()[0].lower() not in _PEDAGOGIES:
            continue   # "het christelijke Nederland": a faith or "openbare" alone names no school
        if not (lexicon.is_place(place) or (m.group("head") and (place.lower() in _COMPASS or not _common(place, 3.2)))):
            continue   # "het dalton college gisteren", "het montessori onderwijs": an ordinary word is no part of town
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


# a school of a rare kind in a named place points at one school: "de vrije school in Zutphen"
_KIND_IN_PLACE = re.compile(
    r"(?<![\w])(?P<kind>vrije[ ]?school|montessori[ ]?school|jenaplan[ ]?school|dalton[ ]?school|waldorf[ ]?school|"
    r"islamitische[ ](?:basis)?school|hindoe(?:[ ]?basis)?school|evangelische[ ](?:basis)?school|reformatorische[ ]"
    r"(?:basis)?school)[ ](?:in|te)[ ](?P<place>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30})?)", re.IGNORECASE)


def find_kind_in_place(text: str) -> Iterator[Span]:
    for m in _KIND_IN_PLACE.finditer(text):
        place = m.group("place")
        if not place[:1].isupper():
            continue
        if not lexicon.is_place(place):
            place = place.split()[0]
            if not lexicon.is_place(place):
                continue
        end = m.start("place") + len(place)
        yield Span("school", m.start(), end, text[m.start():end])


# a lower-case name after an abbreviation or a school type without an article: "obs de kleine prins",
# "op basisschool klavertje vier" (a type without "de" before it is used as a name)
_PROVINCES = frozenset({"groningen", "friesland", "fryslân", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
                        "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "brabant", "limburg", "twente",
                        "achterhoek", "veluwe", "betuwe"})


def _place_or_province(word: str) -> bool:
    return lexicon.is_place(word) or word.lower() in _PROVINCES


def find_kind_schools(text: str) -> Iterator[Span]:
    for m in _KIND_SCHOOL.finditer(text):
        if m.group("pre"):
            continue   # "een christelijk lyceum": a kind, not a school
        end = m.end("word")
        rest = (m.group("rest") or "").split()
        if rest and (len(rest) == 1 or lexicon.zipf(rest[-1]) < 4.0):
            end = m.end("rest")   # "... de driestar", "... zuid"; not "het stedelijk lyceum de hele dag"
        elif m.group("place") and _place_or_province(m.group("place").strip()):
            end = m.end("place")   # "het montessori lyceum flevoland": the town or region names the school
        yield Span("school", m.start("kind"), end, text[m.start("kind"):end])


# "Het Baken Almere heeft ...", "Het Hooghuis locatie Zuid stuurde ...": an article with a capital, a capitalised
# name and then a town or "locatie <name>" (an institution with branches; care providers are on the lists)
_ARTICLE_NAME_PLACE = re.compile(
    r"(?<![\w])(?P<art>De|Het|'t|de|het)[ ](?P<name>[A-ZÀ-Þ][\w'\-]{2,30})[ ]"
    r"(?:(?P<loc>locatie[ ][A-ZÀ-Þ][\w'\-]{1,30})|(?P<place>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30})?))(?![\w])")


def find_article_name_place(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ARTICLE_NAME_PLACE.finditer(text):
        name, low = m.group("name"), m.group("name").lower()
        if (name.isupper() or low in lists.geen_naam or low in _NOT_SCHOOL or low in lists.geen_school
                or low in lists.school_woorden or lists.not_a_school_name(low)
                or (low.endswith(_NOT_SCHOOL_ENDINGS) and not (m.group("loc") and low.endswith("huis")))
                or lexicon.is_place(name) or lexicon.is_place(f"{m.group('art')} {name}")):
            continue   # "De Bascule Amsterdam", "Het Jeugdteam Almere", "De Bilt Utrecht"
        end = m.end("loc") if m.group("loc") else None
        if end is None:
            place = m.group("place")
            if not lexicon.is_place(place):
                place = place.split()[0]
                if not lexicon.is_place(place):
                    continue
            end = m.start("place") + len(place)
        yield Span("school", m.start("art"), end, text[m.start("art"):end])


# a kind of school with a school word, which in a town names one school: "het stedelijk lyceum zuid", "montessori
# college noord", "christelijk lyceum de driestar" (not after "een", "geen", "welk": "een christelijk lyceum")
_KIND_SCHOOL = re.compile(
    r"(?<![\w])(?P<pre>(?:een|geen|welk|welke|elk|elke|ander|andere|zo'n|ieder)[ ]{1,2})?"
    r"(?P<kind>stedelijk|christelijk|katholiek|montessori|dalton|jenaplan|openbaar|gereformeerd|reformatorisch|"
    r"islamitisch|interconfessioneel|protestants-christelijk|rooms-katholiek|rk|pc)[ ]{1,2}"
    r"(?P<word>lyceum|college|gymnasium|scholengemeenschap|scholengroep|atheneum)"
    r"(?P<rest>[ ]{1,2}(?:noord|zuid|oost|west|centrum|(?:de|het|'t)[ ]{1,2}[a-zà-ÿ][a-zà-ÿ'\-]{2,30}))?(?![\w])"
    r"(?P<place>[ ]{1,2}[^\W\d_][\w'\-]{1,30})?",
    re.IGNORECASE)
