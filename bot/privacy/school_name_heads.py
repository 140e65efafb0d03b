"""School names of round 10, rules 2 and 3 (``bot.privacy.school_proper_nouns`` has rule 1 and the shared tests):

2. a name of one to four tokens (first names, surnames, tussenvoegsels, initials, "st./sint/mr./dr./jac.") right
   before "school/college/lyceum/gymnasium/atheneum/praktijkonderwijs", "-sbo/-so/-school/-college" or as the first
   part of a compound on school/college/lyceum that Dutch does not know, in any case and at the start of a
   sentence: "Holtkamp college", "pieter de hoogh college", "st. jozef school", "Dijkzicht-sbo", "de jan
   ravensteijnschool". The run stops at a common word (a verb, a function word, an adjective, a school type,
   chat shorthand, an English word); a branch, compass part or rare word after the head belongs to it;
3. a type word, then a name: "Speciaal (Basis)onderwijs X" (any case, also in capitals), "Orthopedagogisch
   (Didactisch) Centrum X", "international school X", "ISG/MKC/SG/RSG/CSG/OSG X", "Praktijkonderwijs X", and
   "Stichting X" when a school word follows ("Stichting Eemvallei, de school van ...").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists
from bot.privacy.school_proper_nouns import (
    _ADJECTIVE_ENDS, _COMPASS, _RUN, _english, _first_name, _is_shouted, _name_ok, _never_a_school, _plain_compound,
    _sentence_start,
)

# rule 2: a name of any case right before a head word
_HEAD = re.compile(r"(?<![\w'’\-])(?:school|college|lyceum|gymnasium|atheneum|praktijkonderwijs)(?![\w'’\-])", re.IGNORECASE)
_HYPHEN_HEAD = re.compile(r"(?<![\w'’\-])(?P<pre>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)-(?:sbo|so|vso|school|college|lyceum)"
                          r"(?![\w'’\-])", re.IGNORECASE)
# a lower-case compound on a head word whose first part is a name: "de jan ravensteijnschool noord"
_COMPOUND_HEAD = re.compile(r"(?<![\w'’\-/.])(?P<pre>[a-zà-ÿ][a-zà-ÿ'’]{3,30}?)(?:school|college|lyceum)(?![\w'’\-])")
_TOKEN_BEFORE = re.compile(r"(?<![\w'’\-.])(?P<w>[^\W\d_][\w'’\-]*\.?|'t|’t)[ ]{1,2}$")
_ABBREVIATIONS = frozenset({"st.", "sint", "st", "mr.", "dr.", "jac.", "ds.", "prof.", "mgr.", "pater", "broeder",
                            "zuster", "koning", "koningin", "prins", "prinses", "graaf", "gravin"})
_PARTICLES = frozenset({"van", "der", "den", "de", "ter", "ten", "'t", "’t", "la", "le", "da", "di", "du", "von"})
_LEADING_OK = frozenset({"van", "ter", "ten", "da", "la", "le", "von"})
# kinds of school and words around "school" that are not a name (the first parts of geen_school count too)
_TYPES = frozenset({"montessori", "dalton", "jenaplan", "vrije", "basis", "speciaal", "speciale", "middelbare",
                    "lagere", "brede", "buurt", "dorps", "zorg", "praktijk", "taal", "muziek", "kunst", "sport",
                    "havo", "vwo", "vmbo", "mavo", "mbo", "hbo", "so", "vso", "sbo", "pro", "isk", "cluster", "plus",
                    "regulier", "reguliere", "passend", "passende", "voortgezet", "openbaar", "bijzonder",
                    "algemeen", "christelijk", "internationaal", "international", "internationale", "hoge",
                    "high", "primary", "secondary", "elementary", "middle", "boarding", "summer", "public",
                    "private", "language", "mytyl", "tyltyl", "zml", "ortho", "kunst", "my", "his", "her", "our", "their", "the", "a", "new", "old", "this",
                    "that", "at", "to", "from", "in", "of", "for", "and", "your", "good", "bad", "local"})
_TAIL = re.compile(r"[ ]{1,2}(?:(?P<loc>(?i:locatie|vestiging|afdeling))[ ](?:(?:de|het|'t)[ ])?(?P<w1>[^\W\d_][\w'’\-]{1,30})"
                   r"|(?P<w2>[^\W\d_][\w'’\-]{1,30}))(?![\w'’\-])")


@lru_cache(maxsize=1)
def _type_words() -> frozenset:
    lists = wordlists()
    parts = {w[:-len(s)] for w in lists.geen_school for s in lists.school_achtervoegsels if w.endswith(s) and len(w) > len(s)}
    return frozenset(_TYPES | parts | lists.school_voorwoorden | lists.school_afkortingen)


@lru_cache(maxsize=8192)
def _kind(word: str, initial: bool) -> str:
    """'name', 'abbr', 'particle', 'common' (a name only after a particle: "jan de wit") or 'stop'."""
    lists = wordlists()
    low = word.lower()
    if len(word) > 1 and word.isupper():
        initial = True   # "de DERDE school": capitals for emphasis say nothing
    if low.endswith("."):
        return "abbr" if low in _ABBREVIATIONS or re.fullmatch(r"[^\W\d_]\.", low) else "stop"
    if low in _PARTICLES:
        return "particle"
    if low in _ABBREVIATIONS:
        return "abbr"
    if word.islower() and (len(low) <= 3 or not re.search(r"[aeiouyà-ÿ]", low)) and not _first_name(low) \
            and low not in _PARTICLES and low not in lists.achternamen:
        return "stop"   # chat shorthand: "mn school", "ipv school", "wnt school"
    if low in _type_words() or lexicon.zipf(low) >= 5.5 and low not in lists.voornamen:
        return "stop"   # a kind of school, a function word or a common verb: "het", "zegt", "heeft"
    if _never_a_school(low) and low not in lists.assistent_naam:
        return "common"   # only inside a name after a particle: "jan van brabant college"
    z = lexicon.zipf(low)
    if (low.endswith(_ADJECTIVE_ENDS) and len(low) >= 5 and not _first_name(low)) or lexicon.has_word_ending(low):
        return "stop"   # "een Poolse school", "van Oekraiense school", "het stedelijk college"
    if word[:1].isupper() and not initial:
        return "name"   # a capital mid-sentence: a proper noun
    if (low in lists.voornamen and (low not in lists.alleen_na_aanleiding or word[:1].isupper())) \
            or low in lists.achternamen:
        return "name"
    if (low.endswith("e") and z >= 2.5) or _english(low) >= max(4.0, z + 0.5) or (
            word.islower() and low.endswith(("ig", "ief", "aal", "eel", "end"))):
        return "stop"   # "de nieuwe school", "bro school", "previous school", "het tweetalig gymnasium"
    return "common" if z >= 4.0 else "name"


def _name_before(text: str, pos: int, shouted: bool) -> int | None:
    """Start of a name of one to four tokens that ends right before ``pos``, or None."""
    toks: list[tuple[int, str]] = []
    p = pos
    while len(toks) < 5:
        m = _TOKEN_BEFORE.search(text, max(0, p - 40), p)
        if not m:
            break
        toks.append((m.start("w"), m.group("w")))
        p = m.start("w")
    kinds = [_kind(w, shouted or _sentence_start(text, a)) for a, w in toks]
    run = 0
    for i, k in enumerate(kinds):
        if k in ("name", "abbr") or (k == "particle" and i > 0):
            run = i + 1
        elif k == "common" and ((i + 2 < len(kinds) and kinds[i + 1] == "particle" and (
                kinds[i + 2] in ("name", "abbr") or _first_name(toks[i + 2][1])))
                or (i > 0 and kinds[i - 1] == "particle" and _first_name(toks[i][1]))):
            run = i + 1   # "jan de wit college", "jan van brabant college": a name around a particle
        else:
            break
    while run and kinds[run - 1] == "particle" and toks[run - 1][1].lower() not in _LEADING_OK:
        run -= 1   # "de willem drees school": the article is not the name's
    if not run or not any(k == "name" or _first_name(w) for (_a, w), k in zip(toks[:run], kinds)) or kinds[0] == "particle":
        return None
    initial = [shouted or _sentence_start(text, a) or w.isupper() for a, w in toks[:run]]
    if not any(_strong(w, k, ini) for (_a, w), k, ini in zip(toks[:run], kinds, initial)):
        # only words that are merely rare: no ordinary compound ("klachtenformulier school"), and a word in
        # lower case only after an article or a preposition ("de ravelijn school"; not "pesten school")
        if any(_plain_compound(w) for _a, w in toks[:run]):
            return None
        if toks[run - 1][1].islower() and not _ARTICLE_BEFORE.search(text, max(0, toks[run - 1][0] - 8), toks[run - 1][0]):
            return None
    return toks[run - 1][0]


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:de|het|'t|’t|t|op|naar|bij|van|aan|door)[ ]{1,2}$", re.IGNORECASE)


def _strong(word: str, kind: str, initial: bool) -> bool:
    """A token that makes a run a name by itself: a capital mid-sentence, a first name or surname, an initial or
    a title, or a particle inside the name."""
    lists = wordlists()
    low = word.lower()
    return kind in ("abbr", "particle") or (kind == "name" and word[:1].isupper() and not initial) or _first_name(low) \
        or low in lists.achternamen or low in lists.namen_bron


def _tail(text: str, end: int) -> int:
    """A branch, compass part or a rare word after the head: "college zuidoost", "school locatie noord"."""
    m = _TAIL.match(text, end)
    if not m:
        return end
    if m.group("loc"):
        return m.end()
    w = m.group("w2")
    low = w.lower()
    if low in _COMPASS or (w.islower() and len(low) >= 6 and lexicon.zipf(low) == 0.0 and low not in wordlists().voornamen
                           and not lexicon.is_compound(low) and not _never_a_school(low)):
        return m.end()
    return end


def find_names_at_heads(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _HEAD.finditer(text):
        if re.match(r"[ ]?:", text[m.end():m.end() + 2]):
            continue   # "Previous school: ...", "Contactpersoon school:": a label, the name comes after it
        a = _name_before(text, m.start(), shouted)
        if a is not None:
            b = _tail(text, m.end())
            yield Span("school", a, b, text[a:b])
    for m in _COMPOUND_HEAD.finditer(text):
        pre = m.group("pre")
        if lexicon.zipf(m.group(0)) > 0 or m.group(0) in wordlists().geen_school or pre in _type_words() \
                or _never_a_school(pre) or not (lexicon.zipf(pre) < 3.0 or _first_name(pre) or pre in wordlists().achternamen) \
                or _plain_compound(pre) or lexicon.has_word_ending(pre):
            continue   # "de buurtschool", "een mytylschool", "de muziekschool": kinds of school Dutch knows
        a = _name_before(text, m.start(), shouted)
        first = _TOKEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if a is None and first and _first_name(first.group("w")) and \
                _ARTICLE_BEFORE.search(text, max(0, first.start("w") - 8), first.start("w")):
            a = first.start("w")   # "op de jan ravensteijnschool": a first name that is also a word
        if a is None and not _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue   # a name before it, or an article: "op de ravensteijnschool", "jan ravensteijnschool"
        a = m.start() if a is None else a
        b = _tail(text, m.end())
        yield Span("school", a, b, text[a:b])
    for m in _HYPHEN_HEAD.finditer(text):
        pre = m.group("pre")
        last = pre.split("-")[-1].lower()
        if last in _type_words() or _never_a_school(last) or len(last) < 4 or "/" in text[max(0, m.start() - 1):m.start()]:
            continue   # "vso-school", "zml-school", a web address; not "Dijkzicht-sbo"
        if not (pre[:1].isupper() and not pre.isupper() or shouted) and (
                lexicon.zipf(last) > 0 or _plain_compound(last) or not _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            continue   # in lower case only a word Dutch does not know, after an article: "op de hoefslag-sbo"
        a = _name_before(text, m.start(), shouted)
        a = m.start() if a is None else a
        b = _tail(text, m.end())
        yield Span("school", a, b, text[a:b])


# rule 3: a type word, then the name
_TYPE_FIRST = re.compile(r"(?<![\w'’])(?P<t>(?i:speciaal[ ]basisonderwijs|speciaal[ ]onderwijs|orthopedagogisch(?:[ -]didactisch)?"
                         r"[ ]centrum|international[ ]school|internationale[ ]school|praktijkonderwijs)|ISG|MKC|SG|RSG|CSG|OSG|"
                         r"isg|mkc|rsg|csg|osg)[ ]{1,2}")
_STICHTING = re.compile(r"(?<![\w'’])(?i:stichting)[ ](?P<name>" + _RUN + r")")
_SCHOOL_CUE_AFTER = re.compile(r"[ ]?,?[ ]{0,2}\(?(?:(?:de|het|een|onze|mijn|zijn|haar|hun)[ ])?(?:[^\W\d_]+[ ])?"
                               r"(?:\w*school|scholen|\w*college|\w*lyceum|scholengroep)(?![\w])", re.IGNORECASE)
_TOKEN_AFTER = re.compile(r"(?P<w>[^\W\d_][\w'’\-]*|'t|’t)(?![\w'’\-])")


def _name_after(text: str, pos: int, shouted: bool) -> int | None:
    """End of a name of up to three words (after an optional article) that starts at ``pos``, or None."""
    end, p, had_article, words = None, pos, False, 0
    while words < 4:
        m = _TOKEN_AFTER.match(text, p)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if low in ("de", "het", "'t", "’t", "t") and not had_article and words == 0:
            had_article = True
        elif low in _PARTICLES and end is not None:
            pass
        elif _never_a_school(low) or low in _type_words():
            break
        else:
            z = lexicon.zipf(low)
            cap = w[:1].isupper() and not shouted
            if cap or (shouted and z < 5.0) or (had_article and z < 4.5 and not (low.endswith("e") and z >= 2.5)) \
                    or z < 3.0:
                end = m.end()
                words += 1
            else:
                break
        gap = re.match(r"[ ]{1,2}(?=[^\W\d_'’])", text[m.end():m.end() + 3])
        if not gap:
            break
        p = m.end() + gap.end()
    return end


def find_type_then_name(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _TYPE_FIRST.finditer(text):
        b = _name_after(text, m.end(), shouted)
        if b is not None:
            b = _tail(text, b)
            yield Span("school", m.start(), b, text[m.start():b])
    for m in _STICHTING.finditer(text):
        if shouted or not _SCHOOL_CUE_AFTER.match(text, m.end()) or not _name_ok(m.group("name"), "de", None):
            continue   # "Stichting Eemvallei, de school van ...": a foundation that is named as the school
        yield Span("school", m.start("name"), m.end("name"), m.group("name"))
