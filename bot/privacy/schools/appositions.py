"""A name that the words next to it call a school:

- an apposition: "bij Nieuw Zuid, dat is een school hier", "De Horst, een school voor speciaal onderwijs",
  "Eilandschool (een basisschool)", "de kompasnaald (is een sbo)";
- a name after "school,": "De oude school, De Kinderboom";
- the name in brackets after a word for the school: "de school (De Sterrenwachter) doet niks";
- a quoted name after "op/naar/bij" or a school word: "zat op 'de kleine prins'", "de speciale school 'de
  Ankerplaats'" (the recogniser runs this one only in a message about school).
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.name_shapes import _CAP_NAME, _stop
from bot.privacy.schools.word_checks import _SENTENCE_START, _common
from bot.privacy.schools.words import _PROPER
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_KIND_WORD_RE = (r"(?:school|basisschool|scholengemeenschap|lyceum|college|gymnasium|atheneum|[a-zà-ÿ]{2,20}school|"
                 r"[a-zà-ÿ]{2,20}college|mavo|havo|vmbo|sbo|so|vso|SBO|SO|VSO)(?![\w'’\-])")


# "Nieuw Zuid, dat is een school", "De Horst, een school voor ...", "Eilandschool (een basisschool)"
_APPOSITION = re.compile(
    r"(?<![\w'’\-])(?P<name>(?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w'’\-]{1,25}(?:[ ](?:(?:van|de|der|den|ter|ten)[ ]){0,2}"
    r"[A-ZÀ-Þ][\w'’\-]{1,25}){0,3})(?:,[ ](?:dat|die|het|dit)[ ](?:is|was)[ ](?:een|de|mijn|zijn|haar|onze|hun)"
    r"|,[ ]een|[ ]?\([ ]?(?:(?:dat|het)[ ])?(?:is[ ])?een)[ ](?:[a-zà-ÿ\-]{2,20}[ ]){0,2}" + _KIND_WORD_RE)


# a lower-case name after an article, with the apposition in brackets: "de kompasnaald (is een sbo)"
_LOWER_APPOSITION = re.compile(
    r"(?<![\w'’])(?:de|het|'t|t)[ ](?P<name>[a-zà-ÿ][a-zà-ÿ'’\-]{3,25})[ ]?\([ ]?(?:(?:dat|het)[ ])?(?:is[ ])?een[ ]"
    r"(?:[a-zà-ÿ\-]{2,20}[ ]){0,2}" + _KIND_WORD_RE)


def find_appositions(text: str) -> Iterator[Span]:
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


def find_lower_appositions(text: str) -> Iterator[Span]:
    """"de kompasnaald (is een sbo)": a lower-case name that is no common word."""
    for m in _LOWER_APPOSITION.finditer(text):
        if not _common(m.group("name"), 4.0):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))


_SCHOOL_COMMA_NAME = re.compile(r"(?<![\w])(?i:school|college|lyceum),[ ](?P<name>(?:De|Het|'t)[ ]" + _CAP_NAME
                                + r")(?![\w'’\-])")


# the name in brackets after a word for the school: "de school (De Sterrenwachter) doet niks"
_NAME_IN_BRACKETS = re.compile(r"(?<![\w])(?:school|basisschool|middelbare[ ]school|scholen)[ ]{0,2}\([ ]?"
                               r"(?P<name>(?:(?:[Dd]e|[Hh]et|'t)[ ])?" + _PROPER + r"(?:[ ]" + _PROPER
                               + r"){0,3})[ ]?\)", re.IGNORECASE)   # (IGNORECASE: "in Veenendaal" is taken in too)


def find_school_comma_names(text: str) -> Iterator[Span]:
    """"De oude school, De Kinderboom": a name with a capitalised article right after "school,"."""
    for m in _SCHOOL_COMMA_NAME.finditer(text):
        if not _stop(m.group("name").split(" ")[1:]):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))


def find_names_in_brackets(text: str) -> Iterator[Span]:
    """"de school (De Sterrenwachter)": a name in brackets that ends in a capital and is no place."""
    for m in _NAME_IN_BRACKETS.finditer(text):
        name = m.group("name")
        place = re.search(r"[ ](?:in|te)[ ](?P<p>[^\W\d_][\w'’\-]+)$", name)
        if place and lexicon.is_place(place.group("p")):
            name = name[:place.start()]   # "(De Wegwijzer in Veenendaal)": the name, then where it is
        if name.split()[-1][:1].isupper() and not lexicon.is_place(name.split()[-1]) and \
                not wordlists().not_a_school_name(name.split()[-1].lower()) and not name.isupper():
            # (a school may carry the assistant's name: "de basisschool (De Wegwijzer)")
            yield Span("school", m.start("name"), m.start("name") + len(name), name)


_QUOTED = re.compile(r"(?<![\w])(?:op|naar|bij|van|school|college|lyceum)[ ](?:(?:de|het)[ ])?(?P<q>['‘“\"])(?P<name>[^'‘’“”\"\n]{2,40})"
                     r"(?P<close>['’”\"])", re.IGNORECASE)


def find_quoted(text: str) -> Iterator[Span]:
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if not 1 <= len(words) <= 5 or not any(c.isalpha() for c in name) or _stop(words):
            continue
        if m.group("q") == "'" and m.group("close") != "'":
            continue
        if not (words[0].lower() in ("de", "het", "'t", "’t") and len(words) > 1) \
                and not all(w[:1].isupper() or w in ("van", "de", "der", "den") for w in words):
            continue   # "volgens de school 'niet langer kan'", "'handelingsverlegen'": a quoted phrase, no name
        yield Span("school", m.start("name"), m.end("name"), m.group("name"))
