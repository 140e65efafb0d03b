"""Schools named after a person:

- a hyphenated head after a name with particles ("Karel de Grote-school", "Willem van Oranje-college"), or a
  lower-case compound on a head after a title or first name and particles ("de mr. van der bijlschool");
- the neuter article before a person's name: people take no article, a school named after one takes "het": "op
  het tjalling harkema", "naar het pieter nieuwland" (also in a message about school, any first name and surname
  Dutch hardly knows).
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.word_checks import _first_name_or_known, _plain_compound
from bot.privacy.schools.words import _type_words
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_HEADS = r"(?:school|college|lyceum|gymnasium|atheneum)"

_PARTICLE = r"(?:van[ ]de[nr]?|van[ ]het|van|de|der|den|ter|ten|la|le|da|du|von)"

_TITLE = r"(?:mr|dr|prof|ds|st|mgr|jhr|ir)\.?|sint|pater|broeder|zuster|koning|koningin|prins|prinses|graaf|gravin"


# "Karel de Grote-school", "Willem van Oranje-college", "Jan van Nassau-lyceum"
_HYPHEN_PERSON = re.compile(
    r"(?<![\w'’\-])(?P<first>[A-ZÀ-Þ][a-zà-ÿ'’]{1,20})[ ](?:" + _PARTICLE + r"[ ]){1,2}"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]{1,25}-" + _HEADS + r"(?![\w'’\-])")


# "mr. van der bijlschool", "dr. de visserschool", "jan de wit-college" in lower case
_TITLE_COMPOUND = re.compile(
    r"(?<![\w'’\-])(?P<lead>" + _TITLE + r"|[^\W\d_][a-zà-ÿ'’]{1,20})[ ](?:" + _PARTICLE + r"[ ]){1,2}"
    r"[^\W\d_][a-zà-ÿ'’]{1,25}-?" + _HEADS + r"(?![\w'’\-])", re.IGNORECASE)


def find_person_compounds(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _HYPHEN_PERSON.finditer(text):
        if m.group("first").lower() in lists.geen_naam:
            continue
        yield Span("school", m.start(), m.end(), m.group(0))
    for m in _TITLE_COMPOUND.finditer(text):
        lead = m.group("lead").lower()
        if not (re.fullmatch(_TITLE, lead) or _first_name_or_known(lead)) or lead in lists.geen_naam:
            continue   # "op de van der ...": a title or a first name must lead
        yield Span("school", m.start(), m.end(), m.group(0))


# "op het tjalling harkema"
_NEUTER_PERSON = re.compile(
    r"(?<![\w'’])(?:op|naar|bij|van|aan|in|over)[ ](?:het|'t|’t|t)[ ](?P<s>(?P<first>[^\W\d_][a-zà-ÿ'’]{2,20})[ ]"
    r"(?:(?:van|de|der|den|ter|ten)[ ]){0,2}(?P<last>[^\W\d_][a-zà-ÿ'’\-]{2,25}))(?![\w'’\-])", re.IGNORECASE)


def find_neuter_persons(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NEUTER_PERSON.finditer(text):
        first, last = m.group("first").lower(), m.group("last").lower()
        if first in lists.geen_naam or last in lists.geen_naam or first in _type_words() or last in _type_words():
            continue
        if not (_first_name_or_known(first) or lexicon.zipf(first) < 2.8):
            continue   # "op het oude gebouw": no first name
        if not _first_name_or_known(first) and _plain_compound(first):
            continue   # "bij het fietsenhok opwacht": a compound of ordinary words, not a person's name
        if lexicon.zipf(last) >= 3.5 or (lexicon.zipf(last) >= 3.0 and not (lexicon.is_place(last) or last in lists.voornamen)):
            continue   # "op het jan-plein"? an ordinary word after the name is no surname
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


_PERSON_NAMED = re.compile(r"(?<![\w])(?:op|naar|bij|van)[ ](?:het|de|'t)[ ](?P<name>(?P<first>[a-zà-ÿ]{3,15})[ ]"
                           r"(?P<last>[a-zà-ÿ]{3,20}))(?![\w'’\-])")


def find_lower_case_person_names(text: str) -> Iterator[Span]:
    """"zat op het tjalling harkema": a school named after a person, written in lower case."""
    lists = wordlists()
    for m in _PERSON_NAMED.finditer(text):
        first, last = m.group("first"), m.group("last")
        if ((first in lists.voornamen and lexicon.zipf(first) < 4.0) or lexicon.zipf(first) < 2.0) \
                and lexicon.zipf(last) < 2.0 and not lexicon.is_place(first) \
                and not lexicon.is_place(last):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))
