"""Postcode + house number, and street + house number ("Dorpsstraat 12"). Both are kind
``postcode_huisnummer`` (placeholder "[adres]"). A 6-position postcode is masked on its own as well;
a 4-digit postcode area ("3512") is not personal and stays."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_HOUSE = (r"(?P<nr>\d{1,5})(?:[ ]?-[ ]?\d{1,4}|[ ]{1,3}(?:hs|bis|hoog|bg|I{1,3})(?![\w])|[ ]?[A-Za-z](?![\w]))?"
          r"(?![\w])")
POSTCODE = re.compile(
    r"(?<![\w])(?P<pc>[1-9]\d{3})(?P<sp>[ ]?)(?P<letters>[A-Za-z]{2})(?![\w])"
    r"(?P<house>[ ]{0,3},?[ ]{0,3}(?:(?:huis)?(?:nr|nummer)\.?[ ]{0,3}|no\.?[ ]{0,3})?" + _HOUSE + r")?")
HOUSE_NUMBER = re.compile(r"(?<![\w])huis(?:nummer|nr)\.?[ :]{0,3}\d{1,5}(?:[ ]?[A-Za-z](?![\w]))?(?![\w])",
                          re.IGNORECASE)
_PREFIX_WORDS = (r"(?:(?:Van|De|Den|Ter|Ten|Het|'t|Sint|Burgemeester|Dr\.|Prof\.|Koningin|Prins|Prinses|"
                 r"Graaf|Jhr\.)[ ]){0,3}")
_STREET_WORD = re.compile(r"(?<![\w'])" + _PREFIX_WORDS + r"(?P<word>[A-Za-zÀ-ÿ'][A-Za-zÀ-ÿ'\-]{1,40})"
                          r"[ ]{1,3}" + _HOUSE)


def _postcodes(text: str) -> Iterator[Span]:
    stop = wordlists().postcode_stopwoorden
    for m in POSTCODE.finditer(text):
        letters = m.group("letters")
        if not letters.isupper() and letters.lower() in stop:
            continue
        end = m.end("house") if m.group("house") else m.end("letters")
        yield Span("postcode_huisnummer", m.start(), end, text[m.start():end])


def _streets(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _STREET_WORD.finditer(text):
        word = m.group("word").lower()
        if word in lists.geen_straat:
            continue
        if not any(word.endswith(s) and len(word) > len(s) for s in lists.straat_achtervoegsels):
            continue
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))


def find_addresses(text: str) -> Iterator[Span]:
    yield from _postcodes(text)
    yield from _streets(text)
    for m in HOUSE_NUMBER.finditer(text):
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))
