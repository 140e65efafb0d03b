"""Names that stand before a head word:

- a head word or a compound on one ("bosmanschool") with the 1-4 words before it that are no ordinary words or
  are parts of a name: "het drenthe poort college", "de aafke steenstra school", "Dr. Kuipersschool" (ordinary
  words stop it: "de nieuwe school", "de middelbare school");
- a word Dutch does not know before a capitalised head word ("het Lindenhout College"), an English "X
  International Department", a hyphenated name ("an-nahda school"), a kind, its name and a town ("taalschool de
  brug haarlem", "het grafisch college Leiden");
- a capitalised word Dutch does not know before a lower-case head: "Lindeborg college", "mijn school Calvijn
  college", "naar de Al Amal basisschool";
- a pedagogical concept that closes a capitalised name: "Nieuwe Maas Montessori", "De Klimboom Dalton".
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.name_shapes import _CAP, _NOT_NAMES
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.tokens import _adjacent
from bot.privacy.schools.word_checks import _SENTENCE_START, _common
from bot.privacy.schools.words import (
    COMPOUND_HEADS, HEADS, MAX_WORDS, NAME, NAME_PARTS, ORDINARY, PARTICLES, STOP, _ADJECTIVE_ENDINGS, _KIND_PARTS,
    _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS, _classify, _on_name_lists, _tokens,
)
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


def _is_compound_on_head(word: str) -> bool:
    """A compound on a head word that is not a kind of school ("basisschool", "muziekschool", "zomerschool")."""
    lists = wordlists()
    low = word.lower()
    if not low.isalpha():
        return False   # "vraag_terug_naar_school", "zml-school", a web address
    for head in COMPOUND_HEADS:
        if low.endswith(head) and len(low) >= len(head) + 3 and low != head:
            stem = low[:-len(head)].rstrip("-")
            kind = stem in _KIND_PARTS or stem.rstrip("s") in _KIND_PARTS or (
                stem.startswith(_KIND_PARTS) and lexicon.is_compound(stem))   # "muziekschool", not "bosmanschool"
            return not (low in lists.geen_school or low in lists.school_woorden or kind
                        or stem in lists.school_afkortingen or len(stem) < 3)
    return False


def _compound_head(word: str) -> bool:
    """"bosmanschool", "Kuipersschool": a compound on a head word whose first part is a name, not an ordinary
    word ("droomschool")."""
    low = word.lower()
    for head in COMPOUND_HEADS:
        if low.endswith(head):
            stem = low[:-len(head)].rstrip("-")
            if lexicon.has_word_ending(stem):
                return False
            z = lexicon.zipf(stem)
            return z < 3.0 or (z < 4.0 and (_on_name_lists(stem) or _on_name_lists(stem.rstrip("s"))))
    return False


def _words_before(text: str, toks: list, k: int, compound: bool = False) -> tuple[int | None, bool]:
    """Index of the first token of the name that ends right before ``toks[k]`` (or None), and whether a title
    ("sint", "meester", "dr.") stands in it. A compound head ("zwijgerschool") is itself part of the name."""
    j, first, titled = k - 1, (k if compound else None), False
    names = 1 if compound and _compound_head(toks[k][2]) else 0
    # a compound of ordinary words names a college or a lyceum ("het hofkwartier college"), not a "school"
    strict = compound or toks[k][2].lower() in ("school", "basisschool", "schoal", "kindcentrum", "campus", "academie")
    while j >= 0 and k - j <= MAX_WORDS + 1 and _adjacent(text, toks[j], toks[j + 1]):
        word = toks[j][2]
        low = word.lower()
        if word.endswith(".") and low not in NAME_PARTS and not re.fullmatch(r"[^\W\d_]\.", word):
            break   # (an initial inside the name stays: "carolus a. lapide school")   # "... dat al vijf maanden thuiszit. School, ...": a sentence ends there
        kind = _classify(word, strict)
        if word.isupper() and len(word) > 1 and low not in NAME_PARTS:
            break   # "ZML school", "SCOPE scholengroep": a kind or an organisation in capitals
        if low in PARTICLES and first is not None and j > 0 and _adjacent(text, toks[j - 1], toks[j]) and \
                _classify(toks[j - 1][2], strict) != STOP and toks[j - 1][2].lower() not in PARTICLES:
            pass   # "willem de zwijger", "jan van kampen": a particle inside the name
        elif low in PARTICLES and first is not None and word[:1].isupper() and low in ("al", "el", "an", "da", "di", "la"):
            first = j   # "An Nour Al Jadid school": a capitalised particle starts the name
        elif kind == STOP or low in PARTICLES:
            break
        else:
            first = j
            if low in NAME_PARTS:
                titled = True
            elif kind == NAME:
                names += 1
        j -= 1
    if first is None or first == k:
        return None, titled
    # the name does not start with an ordinary lower-case word: "mijn dochter school" is no school
    while first < k and (toks[first][2] in PARTICLES or (
            _classify(toks[first][2], strict) == ORDINARY and not toks[first][2][:1].isupper()
            and toks[first][2].lower() not in wordlists().voornamen)):
        first += 1   # (a first name stays: "het pieter de hooch lyceum")
    if first >= k or (names == 0 and not titled):
        return None, False
    return first, titled


# what stands right before a school's name
_LEAD = re.compile(r"(?:(?<![\w'’])(?:de|het|'t|’t|t|op|naar|bij|van|aan|school|basisschool)[ ]{1,2}['‘’\"“]?|[(:][ ]{0,2})$",
                   re.IGNORECASE)


def find_name_words_before_head(text: str) -> Iterator[Span]:
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        compound = low not in HEADS and _is_compound_on_head(word)
        if low not in HEADS and not compound:
            continue
        first, titled = _words_before(text, toks, k, compound)
        if compound and not (titled or _compound_head(word) or first is not None):
            continue   # "sint jozefschool": after a title or a name any compound on a head word names a school
        if first is None and not compound:
            continue
        a = toks[first][0] if first is not None else start
        if a == start and not compound:
            continue
        if not _LEAD.search(text, max(0, a - 12), a):
            continue   # a school's name follows an article or a preposition: "op de aafke steenstra school";
            #            not "wnt school", "i need help with my child's school", "naar een mytylschool"
        yield Span("school", a, school_tail(text, end), text[a:school_tail(text, end)])


_NAME_HEAD = re.compile(r"(?<![\w'’\-])(?P<name>" + _CAP + r")[ ](?P<head>College|Lyceum|Gymnasium|Atheneum)"
                        r"(?![\w'’\-])")

_INTERNATIONAL = re.compile(r"(?<![\w'’\-])(?:(?P<name>" + _CAP + r")[ ]International[ ](?:Department|Stream|School)|"
                            r"International[ ]School[ ]of[ ](?P<of>" + _CAP + r"(?:[ ]" + _CAP + r")?))(?![\w'’\-])")


def find_unknown_before_capital_head(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_HEAD.finditer(text):
        name = m.group("name")
        low = name.lower()
        if low in _NOT_NAMES or low in lists.school_woorden or lexicon.zipf(low) >= 3.0 or low in ("het", "de"):
            continue
        yield Span("school", m.start(), m.end(), m.group(0))
    for m in _INTERNATIONAL.finditer(text):
        if m.group("of") or m.group("name").lower() not in ("the", "our", "their", "an", "a", "het", "de", "een"):
            yield Span("school", m.start(), m.end(), m.group(0))


_HYPHEN_BEFORE = re.compile(r"(?<![\w'’\-])(?P<name>[a-zà-ÿ]{2,4}-[a-zà-ÿ]{3,20})[ ](?:school|college)(?![\w])",
                            re.IGNORECASE)

_KIND_PLACE = re.compile(r"(?<![\w'’\-])(?:(?P<kind>[a-zà-ÿ]+school)[ ](?:de|het|'t)[ ][a-zà-ÿ]{3,20}|"
                         r"(?:het|de)[ ](?P<adj>[a-zà-ÿ]{3,20})[ ](?:college|lyceum|gymnasium))[ ](?P<place>[A-Za-zà-ÿ\-]{3,30})"
                         r"(?![\w'’\-])")


def find_unknown_hyphen_before_head(text: str) -> Iterator[Span]:
    """"an-nahda school", "al-amana college": a hyphenated name Dutch does not know before the head word."""
    for m in _HYPHEN_BEFORE.finditer(text):
        name = m.group("name").lower()
        if lexicon.zipf(name) < 1.5 and lexicon.zipf(name.replace("-", "")) < 1.5:
            yield Span("school", m.start(), m.end(), m.group(0))
    for m in _KIND_PLACE.finditer(text):
        # "taalschool de brug haarlem", "het grafisch college Leiden": a kind, its name and the town after it
        if not lexicon.is_place(m.group("place")):
            continue
        if m.group("adj") and (m.group("adj") in wordlists().school_woorden or lexicon.zipf(m.group("adj")) < 2.5):
            continue
        start = m.start("adj") if m.group("adj") else m.start()
        yield Span("school", start, m.end(), text[start:m.end()])


# "Lindeborg college", "Ravelijn-Dalton lyceum"
_UNKNOWN_LOWER_HEAD = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’]{3,25}(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]{2,25})?)[ ]"
    r"(?:college|lyceum|gymnasium|atheneum|scholengemeenschap|mavo|havo|vmbo|mbo|vwo|Mavo|Havo|Vmbo|Mbo|Vwo)(?![\w'’\-])")


def find_unknown_before_lower_head(text: str) -> Iterator[Span]:
    for m in _UNKNOWN_LOWER_HEAD.finditer(text):
        name = m.group("name")
        if any(_common(p, 3.0) or lexicon.is_place(p) for p in name.split("-")):
            continue   # "Engels college", "Utrecht college": a common word or a place is no name
        yield Span("school", m.start(), m.end(), m.group(0))


# a pedagogical concept that closes a run of capitalised words: "Nieuwe Maas Montessori", "De Klimboom Dalton"
_CONCEPT_LAST = re.compile(r"(?<![\w'’\-])(?P<s>(?:(?:De|Het)[ ])?[A-ZÀ-Þ][a-zà-ÿ'’\-]{2,25}(?:[ ][A-ZÀ-Þ][a-zà-ÿ'’\-]{2,25}){0,2}"
                           r"[ ](?:Montessori|Dalton|Jenaplan|Freinet|Vrijeschool))(?![\w'’\-])")


def find_concept_last(text: str) -> Iterator[Span]:
    for m in _CONCEPT_LAST.finditer(text):
        words = [w for w in m.group("s").split()[:-1] if w not in ("De", "Het")]
        if not words or all(w.lower() in wordlists().geen_naam for w in words) or \
                (_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()) and len(words) == 1 and _common(words[0], 4.5)):
            continue   # "Welke Montessori", "Een Dalton" at a sentence start
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


# a capitalised name before a lower-case "college"/"lyceum"/"gymnasium": "mijn school Calvijn college"
_NAME_LOWER_TYPE = re.compile(r"(?<=[a-z,:] )(?P<name>[A-ZÀ-Þ][\w'\-]{2,30}(?:[ ][A-ZÀ-Þ][\w'\-]{2,30})?)[ ]"
                              r"(?P<type>college|lyceum|gymnasium|scholengemeenschap|scholengroep)(?![\w])")


def find_name_then_lower_type(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_LOWER_TYPE.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in lists.geen_naam or lexicon.is_place(w) or lexicon.zipf(w.lower()) >= 4.0 for w in words):
            continue
        yield Span("school", m.start("name"), m.end("type"), m.group(0))


# a capitalised name before a lower-case "basisschool"/"school" after an article or a preposition: "naar de Al Amal
# basisschool", "op de Wilhelmina school" (not "op de Nederlandse school": a common word)
_NAME_LOWER_SCHOOL = re.compile(
    r"(?<![\w])(?:de|het|'t|op|naar|bij|van)[ ](?P<name>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30}){0,2})[ ]"
    r"(?P<type>basisschool|school|kindcentrum)(?![\w])")


def find_name_then_lower_school(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_LOWER_SCHOOL.finditer(text):
        words = m.group("name").split()
        last = words[-1].lower()
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or w.isupper() for w in words) or \
                lexicon.is_place(m.group("name")) or lexicon.is_place(words[-1]) or lexicon.zipf(last) >= 4.0 or \
                lexicon.has_word_ending(last) or last in lists.geen_school or last.endswith(_NOT_SCHOOL_ENDINGS) or \
                last.endswith(_ADJECTIVE_ENDINGS):   # "van Oekraïense school": where it is, not which one
            continue
        yield Span("school", m.start("name"), m.end("type"), text[m.start("name"):m.end("type")])
