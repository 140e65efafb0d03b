"""A name of one to four tokens (first names, surnames, tussenvoegsels, initials,
"st./sint/mr./dr./jac.") right before "school/college/lyceum/gymnasium/atheneum/praktijkonderwijs",
"-sbo/-so/-school/-college" or as the first part of a compound on school/college/lyceum that Dutch does not know,
in any case and at the start of a sentence: "Holtkamp college", "pieter de hoogh college", "st. jozef school",
"Dijkzicht-sbo", "de jan ravensteijnschool". The run stops at a common word (a verb, a function word, an adjective,
a school type, chat shorthand, an English word); a branch, compass part or rare word after the head belongs to
it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.name_tail import rare_word_tail
from bot.privacy.schools.never_a_school import _is_shouted, _never_a_school
from bot.privacy.schools.word_checks import _ADJECTIVE_ENDS, _english, _first_name, _plain_compound, _sentence_start
from bot.privacy.schools.words import _type_words
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a name of any case right before a head word
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


def find_names_at_heads(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _HEAD.finditer(text):
        if re.match(r"[ ]?:", text[m.end():m.end() + 2]):
            continue   # "Previous school: ...", "Contactpersoon school:": a label, the name comes after it
        a = _name_before(text, m.start(), shouted)
        if a is not None:
            b = rare_word_tail(text, m.end())
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
        b = rare_word_tail(text, m.end())
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
        b = rare_word_tail(text, m.end())
        yield Span("school", a, b, text[a:b])
