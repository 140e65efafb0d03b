"""The edges of an address (session 13, round 6): one structural pass over every address the other rules
found, instead of one rule per form of house number.

- the tail of a house number in any form: "33/2", "14-III", "231 rd", "4 bv", "2 ws", "9 A rood", "4 chalet 17";
  a short tail counts only when it is no ordinary Dutch word ("Kerkstraat 2 en ..." stays "Kerkstraat 2");
- a postcode right after the house number belongs to the address: "Molenwerf 5a, 1541 WR";
- what stands before a street's name and is part of it: "'t Hoenderveld", "Laan van de Vijf Eeuwen",
  "Kon. Julianaplantsoen";
- a street the lists do not know, when a house number and a postcode follow it: "Boterdiep WZ 48a, 9712 LK",
  "Schapenesch 19, 7823 CA" (a capitalised word, a number and a postcode are an address in any language).

Every pattern is anchored at a span's edge or has bounded repetition, so the work stays linear.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

KIND = "postcode_huisnummer"

# units and dwellings a second number belongs to: "4 chalet 17", "12 kamer 3", "8 ligplaats 2"
_UNITS = (r"chalet|kamer|kmr\.?|unit|ark|woonark|boot|app\.?|appartement|flat|studio|bungalow|caravan|standplaats|"
          r"ligplaats|plaats|nr\.?|huisnr\.?|huisnummer|bus|woning|etage|verdieping")
# words that end a house number's tail in many Dutch addresses ("9 A rood", "3 hoog", "12 bg")
_FLOORS = (r"rood|zwart|boven|beneden|hoog|hg|bg|bv|hs|rd|ws|zw|huis|bis|achter|voor|"
           r"etage|verdieping|woonboot|bovenwoning|benedenwoning|achterhuis|souterrain")  # "3 / 2e etage", "14 woonboot"
_TAIL = re.compile(
    r"(?:[ ]?/[ ]?\d{1,4}[A-Za-z]?"                      # "33/2"
    r"|-(?:" + _FLOORS + r")"                             # "3-hoog-achter", "77-zwart"
    r"|[ ]?-[ ]?(?:\d{1,4}|[A-Za-z]{1,4}|[IVX]{1,4})"    # "14-III", "12-bis", "3-5"
    r"|[ ]{1,2}(?:" + _UNITS + r")[ ]?\d{1,4}[A-Za-z]?"  # "4 chalet 17"
    r"|[ ]{1,2}(?:" + _FLOORS + r")"                      # "9 A rood", "3 hoog"
    r"|[ ]{1,2}(?P<short>[A-Za-z]{1,3})\.?"              # "231 rd", "4 bv", "2 ws", "9 A"
    r")(?![\w])", re.IGNORECASE)
# short words right after a number that are the sentence going on, not an addition to it
_NOT_A_TAIL = frozenset({"en", "in", "op", "te", "de", "het", "is", "of", "om", "al", "nu", "ja", "bij", "tot", "met",
                         "van", "aan", "als", "dan", "wat", "wie", "die", "dat", "ik", "we", "ze", "hij", "zij", "u",
                         "je", "me", "mn", "ook", "nog", "was", "wel", "ben", "heb", "had", "kan", "mag", "zal",
                         "per", "tel", "jr", "km", "min", "uur", "x", "nr", "or", "and", "the", "at", "to", "on",
                         "mei", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "een",
                         "er", "ons", "mij", "hem", "wij", "zo", "pas", "na", "voor", "uit", "af", "b.v"})
_POSTCODE_AFTER = re.compile(r"[ ]{0,2},?[ ]{0,3}[1-9]\d{3}[ ]?[A-Za-z]{2}(?![\w])")
# what belongs to a street's name before its first capitalised word
_HEAD = re.compile(r"(?:(?<![\w'’])['’][tT]|(?<![\w])(?:Laan|Plein|Hof|Park|Weg|Dreef|Kade|Straat)[ ](?:van|der|ter|ten|op|aan)"
                   r"(?:[ ](?:de|het|'t|den))?(?:[ ][A-ZÀ-Þ][\w'’\-]{1,20}(?:[ ](?:en|&))?){0,2}|(?<![\w.])[A-Z][a-z]{1,4}\.)[ ]$")
# a street the lists do not know: a capitalised word (and a side of the water, "WZ", "N.Z."), a house number,
# then a postcode
_UNKNOWN_STREET = re.compile(
    r"(?<![\w'’\-])(?P<street>[A-ZÀ-Þ][a-zà-ÿ'’\-]{2,40}(?:[ ][A-Z]\.?[A-Z]?\.?)?)[ ]{1,2}(?P<nr>\d{1,5}[A-Za-z]{0,3})"
    r"(?=[ ,/\-]|$)")


_ENDS_IN_POSTCODE = re.compile(r"[1-9]\d{3}[ ]?[A-Za-z]{2}$")


def _tail_ok(m: re.Match) -> bool:
    short = m.group("short")
    if short is None:
        return True
    if len(short) == 1:
        return short.isupper() or short in "abcdefgh"
    low = short.lower()
    return low not in _NOT_A_TAIL and lexicon.zipf(low) < 4.0


def _extend_end(text: str, end: int) -> int:
    for _ in range(3):
        m = _TAIL.match(text, end)
        if not m or not _tail_ok(m):
            break
        end = m.end()
    pc = _POSTCODE_AFTER.match(text, end)
    if pc and (pc.group(0)[-2:].isupper() or "," in pc.group(0) or pc.group(0)[-2:].lower() not in
               wordlists().postcode_stopwoorden):
        end = pc.end()
    return end


def _extend_start(text: str, start: int) -> int:
    m = _HEAD.search(text, max(0, start - 30), start)
    return m.start() if m and text[start:start + 1].isupper() else start


def extend_addresses(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    """Each address span, widened to its whole address where the text goes on with a tail, a postcode or a
    head word; overlapping address spans become one (the findings themselves are yielded as well)."""
    widened: list[list[int]] = []
    for span in spans:
        yield span   # the finding itself too: if a phone number wins part of the widened address, it stays
        if span.kind != KIND:
            continue
        start, end = span.start, span.end
        if re.search(r"\d", span.text) and not _ENDS_IN_POSTCODE.search(span.text):
            start, end = _extend_start(text, start), _extend_end(text, end)
        widened.append([start, end])
    # overlapping findings are one address ("Sint Annastraat 9-b" and "Annastraat 9-b, 6512 AW"), so the overlap
    # resolution in redaction.py cannot leave a part of it readable
    widened.sort()
    merged: list[list[int]] = []
    for a, b in widened:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        yield Span(KIND, a, b, text[a:b])


def find_unknown_streets(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _UNKNOWN_STREET.finditer(text):
        end = _extend_end(text, m.end("nr"))
        tail = text[m.end("nr"):end]
        if not re.search(r"[1-9]\d{3}[ ]?[A-Za-z]{2}$", tail):
            continue   # only with a postcode after it: "Groep 8", "Klas 2" stay
        first = m.group("street").split()[0].lower()
        if first in lists.geen_naam or first in lists.geen_straat or lexicon.is_place(first) or lexicon.zipf(first) >= 3.5:
            continue   # "Groep 8, 3512 AB": a common word and a number, the postcode rule has the postcode   # "Utrecht 12, 3512 AB" is a place, a number and a postcode; the postcode rule has it
        start = _extend_start(text, _words_before(text, m.start()))
        yield Span(KIND, start, end, text[start:end])


_CAP_BEFORE = re.compile(r"(?<![\w'’])([A-ZÀ-Þ][\w'’\-]{1,30}|van|de|der|den|het)[ ]$")


def _words_before(text: str, start: int) -> int:
    """"Graaf Florislaan", "Van Lidth de Jeudestraat": capitalised words (and particles between them) that are
    no common words ("Wij wonen ..." is the sentence) belong to the street."""
    best = start
    for _ in range(4):
        m = _CAP_BEFORE.search(text, max(0, start - 35), start)
        if not m:
            break
        word = m.group(1)
        if word[:1].isupper() and (lexicon.zipf(word) >= 4.5 or word.lower() in wordlists().geen_naam):
            break
        start = m.start()
        if word[:1].isupper():
            best = start
    return best
