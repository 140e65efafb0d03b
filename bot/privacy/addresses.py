"""Postcode + house number, and street + house number ("Dorpsstraat 12"). Both are kind
``postcode_huisnummer`` (placeholder "[adres]"). A 6-position postcode is masked on its own as well;
a 4-digit postcode area ("3512") is not personal and stays."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

# house number with an addition: 12-2, 231-A, 18-III, 45bis, 4 hs, 7 huis, 61 zwart, 140-1 hoog
_HOUSE = (r"(?P<nr>\d{1,5})(?:[ ]?-[ ]?(?:\d{1,4}(?:[ ]{1,2}hoog)?|I{1,3}|IV|[A-Za-z])(?![\w])"
          r"|[ ]{0,3}(?:hs|bis|hoog|bg|huis|zwart|rood|boven|beneden|I{1,3}|IV)(?![\w])"
          r"|[ ]?[A-Za-z](?![\w]))?"
          r"(?![\w])")
POSTCODE = re.compile(
    r"(?<![\w])(?P<pc>[1-9]\d{3})(?P<sp>[ ]?)(?P<letters>[A-Za-z]{2})(?![\w])"
    r"(?P<house>[ ]{0,3},?[ ]{0,3}(?:(?:huis)?(?:nr|nummer)\.?[ ]{0,3}|no\.?[ ]{0,3})?" + _HOUSE + r")?")
HOUSE_NUMBER = re.compile(r"(?<![\w])huis(?:nummer|nr)\.?[ :]{0,3}\d{1,5}(?:[ ]?[A-Za-z](?![\w]))?(?![\w])",
                          re.IGNORECASE)
_PREFIX_WORDS = (r"(?:(?:Van|De|Den|Ter|Ten|Het|'t|Sint|Burgemeester|Dr\.|Prof\.|Koningin|Prins|Prinses|"
                 r"Graaf|Jhr\.|Lange|Korte|Nieuwe|Oude|Grote|Kleine|Hoge|Lage|Eerste|Tweede|Derde|Vierde|Achter|"
                 r"Noord|Zuid|Oost|West|Binnen|Buiten)[ ](?:(?:de|van|der|den|het|'t)[ ]){0,2}){0,3}")
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


# "Laan van Nieuw-Oost-Indië 112", "Plein van de Republiek 3": a street word, then "van" and a name
_STREET_OF = re.compile(r"(?<![\w'])(?:Laan|Plein|Kade|Weg|Singel|Dreef|Hof|Park|Straat)[ ]van[ ]"
                        r"(?:(?:de|der|den|het)[ ])?[A-ZÀ-Þ][A-Za-zÀ-ÿ'\-]{1,40}[ ]{1,3}" + _HOUSE)


def find_addresses(text: str) -> Iterator[Span]:
    yield from _postcodes(text)
    yield from _streets(text)
    for m in _STREET_OF.finditer(text):
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))
    for m in HOUSE_NUMBER.finditer(text):
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))
