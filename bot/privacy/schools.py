"""School names: with a school name a child is easy to find, so they are masked (kind ``school``,
placeholder "[school]"). Three shapes, all needing a capitalised name (a school type alone, "de
basisschool", "het vmbo", "een college", stays):

- an abbreviation or a school word, then the name: "OBS De Klimop", "cbs de wegwijzer", "ROC Midden
  Nederland", "Basisschool De Regenboog", "RK basisschool Sint Jozef", "Praktijkcollege Het Plein";
- a name, then a capitalised school word: "Da Vinci College", "Stedelijk Gymnasium Leiden", "Johan de Witt
  Scholengroep" (not "Welke school", "Middelbare school");
- one capitalised compound that ends in school/college/lyceum and is not a school type itself:
  "Jan Pieterszoon Coenschool", "Montessorischool Noord" (type, then a name).

Word lists (school words, abbreviations, generic compounds) are in redaction_patterns.yml. Tokens are
looked at in short windows, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists
from bot.privacy.school_mentions import find_school_mentions
from bot.privacy.school_tokens import _COMPASS, _adjacent, _cap, _name_after, _name_before, _tokens
from bot.privacy.school_contexts import (
    _NAME_IN_BRACKETS, _acting_schools, _article_name_place, _context_schools, _kind_in_place, _kind_schools,
    _name_then_lower_school, _name_then_lower_type, _prep_article_schools,
)
from bot.privacy.school_lower_case import _lower_case_schools, _lower_name_before_type

_PREFIX = re.compile(r"(?:(?<![\w])(?:St\.?|Sint|Sv\.?|H\.)|(?<![\w])(?:mbo|vmbo|havo|vwo|mavo|MBO|VMBO|HAVO|VWO|MAVO))[ ]{1,2}$")


# a branch after a school's name: "Comenius College locatie Hilversum", "CSG Liudger, locatie Raai"
_BRANCH = re.compile(r",?[ ]{1,2}(?:locatie|vestiging|afdeling)[ ]{1,2}[A-ZÀ-Þ][\w'’\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'’\-]{1,30})?")


def find_schools(text: str) -> Iterator[Span]:
    """School spans; two findings that overlap become one ("De school Het Noorderlicht" + "Het Noorderlicht
    College"), so the overlap resolution in redaction.py cannot leave part of a name."""
    from bot.privacy.school_echoes import find_echoes
    found = list(_extended(text))
    found += list(find_echoes(text, found))   # initials and corrections of a school found above
    from bot.privacy.school_round8 import find_list_neighbours
    found += list(find_list_neighbours(text, found))   # "de Bolderik, de Horizonschool en Het Kristal"
    spans = sorted((s.start, s.end) for s in found)
    from bot.privacy.school_round11 import find_round11_schools, national_type, street_location
    # round 11 only adds names; where a lower-case article goes is decided by the earlier rules
    starts = set((Counter(a for a, _ in spans) - Counter(s.start for s in find_round11_schools(text))).keys())
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    from bot.privacy.school_proper_nouns import implausible
    for a, b in merged:
        if implausible(text, Span("school", a, b, text[a:b])):
            continue   # "de Havo", "op de Bijlmer", "DE SCHOOL WIL HEM": no school's name
        if national_type(text[a:b]) or street_location(text, a, b):
            continue   # "de Chinese zaterdagschool": a kind of school; "aan de Kerkweg": a street
        if _surname_after_a_name(text, a):
            continue   # "Carla de Souza": "de Souza" is her surname, not a school "De Souza"
        lead = _LEADING_ARTICLE.search(text, max(0, a - 12), a)
        spoken = _SPOKEN_T.search(text, max(0, a - 8), a)
        if lead and text[a:a + 1].isupper():
            a = lead.start("art") if lead.group("art") else lead.start("t")
        elif spoken:
            a = spoken.start("t")   # "en t johannes ravensteijn college": a spoken "t" is the name's article   # "Het Lyceum Rotterdam-Zuid", "bij t Meander Lyceum": the article is the name's
        article = re.match(r"(?:het|de|'t)[ ]", text[a:b])
        if article and a + article.end() in starts:
            a += article.end()   # "het Montessori Lyceum Oostpoort": a lower-case article stays readable
        yield Span("school", a, b, text[a:b])


# a capitalised article, or a spoken "t" after a preposition, right before a school found without it
_LEADING_ARTICLE = re.compile(r"(?:(?<![\w'’])(?P<art>Het|De)|(?<![\w'’])(?:op|bij|naar|van|aan|en|of)[ ](?P<t>t|'t|’t))[ ]$")
_SPOKEN_T = re.compile(r"(?<![\w'’])(?:op|bij|naar|van|aan|en|of|,)[ ](?P<t>t)[ ]$")


_PARTICLE_START = re.compile(r"(?:de|van|ter|ten|van[ ]de|van[ ]der|van[ ]den)[ ][A-ZÀ-Þ]")
_NAME_BEFORE = re.compile(r"(?<![\w'’\-])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'’]{1,30})[ ]$")


def _surname_after_a_name(text: str, start: int) -> bool:
    """A finding that starts with a lower-case particle right after a first name or a name Dutch does not know
    ("Carla de Souza", "Davi Nascimento de Souza"; not "op de Regenboog", "juf van De Klimop")."""
    if not _PARTICLE_START.match(text, start):
        return False
    m = _NAME_BEFORE.search(text, max(0, start - 32), start)
    if not m:
        return False
    word = m.group("w").lower()
    return (word in wordlists().voornamen or lexicon.zipf(word) < 2.5) and not lexicon.is_place(word) and \
        word not in wordlists().geen_naam


def _extended(text: str) -> Iterator[Span]:
    for span in _find_schools(text):
        prefix = _PREFIX.search(text, max(0, span.start - 8), span.start)
        start, end = span.start, span.end
        if prefix and span.text[:1].isupper():
            start = prefix.start()
        branch = _BRANCH.match(text, end)
        if branch:
            end = branch.end()
        from bot.privacy.school_general import school_tail
        end = school_tail(text, end)   # "sbo de horizon westzijde", "clz locatie velp", "Het Bakenhof Almere Haven"
        yield Span("school", start, end, text[start:end]) if (start, end) != (span.start, span.end) else span


def _find_schools(text: str) -> Iterator[Span]:
    from bot.privacy.school_general import find_general_schools
    yield from find_general_schools(text)
    from bot.privacy.school_round7 import find_round7_schools
    yield from find_round7_schools(text)
    from bot.privacy.school_round8 import find_round8_schools
    yield from find_round8_schools(text)
    from bot.privacy.school_round9 import find_round9_schools
    yield from find_round9_schools(text)
    from bot.privacy.school_proper_nouns import find_proper_noun_schools
    from bot.privacy.school_name_heads import find_names_at_heads, find_type_then_name
    yield from find_proper_noun_schools(text)   # round 10: proper nouns,
    yield from find_names_at_heads(text)        # names before heads,
    yield from find_type_then_name(text)        # type + name
    from bot.privacy.school_round11 import find_round11_schools
    yield from find_round11_schools(text)   # round 11: person's names, concept + place, appositions
    yield from find_school_mentions(text)
    yield from _acting_schools(text)
    yield from _name_then_lower_school(text)
    yield from _article_name_place(text)
    yield from _kind_in_place(text)
    for m in _NAME_IN_BRACKETS.finditer(text):
        name = m.group("name")
        if name.split()[-1][:1].isupper() and not lexicon.is_place(name.split()[-1]) and \
                name.split()[-1].lower() not in wordlists().geen_naam and not name.isupper():
            yield Span("school", m.start("name"), m.end("name"), name)
    yield from _context_schools(text)
    yield from _prep_article_schools(text)
    yield from _lower_case_schools(text)
    yield from _name_then_lower_type(text)
    yield from _kind_schools(text)
    yield from _lower_name_before_type(text)
    lists = wordlists()
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        span = None
        if low in lists.school_afkortingen and (word.isupper() or low not in lists.school_afkortingen_alleen_hoofdletters):
            # "OBS De Klimop", "cbs de wegwijzer"
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                last = _name_after(text, toks, k + 1, lowercase_ok=True)
                if last is not None:
                    span = (start, toks[last][1])
        elif "-" in low and low.split("-")[0] in lists.school_afkortingen and low.split("-")[-1] in lists.school_woorden:
            # "de SBO-school De Kring": a kind of school, then its name (the kind alone stays)
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                last = _name_after(text, toks, k + 1, lowercase_ok=False)
                if last is not None:
                    span = (toks[k + 1][0], toks[last][1])
        elif low in lists.school_woorden:
            # a type word, then a name ("Basisschool De Regenboog"), or a name, then it ("Da Vinci College")
            first = k
            while first > 0 and _adjacent(text, toks[first - 1], toks[first]) and \
                    toks[first - 1][2].lower() in lists.school_voorwoorden:
                first -= 1   # "RK basisschool", "openbare basisschool"
            after = None
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                after = _name_after(text, toks, k + 1, lowercase_ok=False)
            # a name before the school word only when the word itself is capitalised ("Vathorst College");
            # "Welke school", "Middelbare school" are questions and kinds, not names
            before = _name_before(text, toks, first) if _cap(word) else None
            if before is not None:
                span = (toks[before][0], toks[after][1] if after is not None else end)
            elif after is not None and (low not in lists.school_woorden_alleen_na_naam
                                        or toks[k + 1][2] in ("De", "Het", "'t", "'T", "Ter", "Ten", "Den")):
                span = (toks[first][0], toks[after][1])   # "Lyceum De Vaart"; not "College van Bestuur"
            elif (_cap(word) and after == k + 1 and (toks[k + 1][2].lower() in _COMPASS or lexicon.is_place(toks[k + 1][2]))
                  and re.search(r"(?:^|[^\w])(?:het|de|'t)[ ]$", text[max(0, start - 5):start], re.IGNORECASE)):
                span = (toks[first][0], toks[after][1])   # "van het Atheneum Zuid", "het Lyceum Almere"
        elif _cap(word) and low not in lists.geen_school and low.split("-")[0] not in lists.school_afkortingen and any(
                low.endswith(s) and len(low) > len(s) + 2 for s in lists.school_achtervoegsels):
            # "Coenschool", "Jan Pieterszoon Coenschool", "Montessorischool Noord"
            before = _name_before(text, toks, k)
            after = None
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                after = _name_after(text, toks, k + 1, lowercase_ok=False)
            span = (toks[before][0] if before is not None else start, toks[after][1] if after is not None else end)
        if span:
            yield Span("school", span[0], span[1], text[span[0]:span[1]])
