"""School names that echo a school already found in the same message:

- its initials: "ik zit op de cals of zat, carolus a. lapide school heet het officieel", "Spieghel Gymnasium Noord
  (ze zeggen daar gewoon 'het SGN')", also the initials that keep the particles ("Groen van Bakel Lyceum" ->
  "GvB", "GvBL");
- a correction next to it: "op het ravelijn-dalton? nee op het Mgr. Nolenscollege": what the writer first said, on
  the other side of "? nee", is a school's name as well when it holds a head word, a capitalised word that is no
  common word, or a word Dutch does not know.

Runs once over the findings of the other rules; every pattern is bounded.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _is_head, _name_word
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_SMALL = frozenset({"de", "het", "'t", "van", "der", "den", "ter", "ten", "op", "aan", "en"})

_HEADS_IN_NAME = ("school", "college", "lyceum", "gymnasium", "atheneum", "mavo", "havo", "campus", "academie")

_SHORT = re.compile(r"(?<![\w\-])[A-Za-z]{2,5}(?![\w\-])")   # a quote around it is fine: "'het SGN'"


def _initials(name: str) -> set[str]:
    words = [w for w in re.split(r"[ \-.]+", name) if w and w.lower() not in _SMALL]
    if len(words) < 2:
        return set()
    out = {"".join(w[0] for w in words).lower()}
    last = words[-1].lower()
    for head in _HEADS_IN_NAME:
        if last.endswith(head) and last != head:   # "alexanderschool": "pwa" and "pwas"
            out.add("".join(w[0] for w in words[:-1]).lower() + last[0] + head[0])
    return out


def _echo_initials(text: str, schools: list[Span]) -> Iterator[Span]:
    initials = set().union(*(_initials(s.text) for s in schools)) if schools else set()
    initials |= set().union(*(initials_with_particles(s.text) for s in schools))   # "Groen van Bakel Lyceum": "GvB"
    initials = {i for i in initials if len(i) >= 2}
    if not initials:
        return
    lists = wordlists()
    for m in _SHORT.finditer(text):
        word = m.group(0)
        low = word.lower()
        if low not in initials or low in lists.geen_naam or low in lists.school_afkortingen:
            continue
        if (word.islower() or word[1:].islower()) and lexicon.zipf(low) >= 2.5:
            continue   # an ordinary word that happens to match (capitals inside, "GvB", "SGN", mark initials)
        yield Span("school", m.start(), m.end(), word)


_ART = r"(?:(?:op|naar|bij|van|aan)[ ])?(?:(?:de|het|'t|t)[ ])?"

_NEE = r"\?[ ]{0,2}(?:nee|neen|nope|sorry|of)[ ,.!]{0,3}(?:sorry[ ,.!]{0,3})?(?:(?:ik[ ]bedoel|het[ ]is|die[ ]heet|dat[ ]is)[ ])?"

_BEFORE_CORRECTION = re.compile(r"(?P<prev>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-.]{0,30}){0,3})" + _NEE + _ART + "$",
                                re.IGNORECASE)

_AFTER_CORRECTION = re.compile(_NEE + _ART + r"(?P<next>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-]{0,30}){0,3})(?=[?.,!]|$)",
                               re.IGNORECASE)


def _looks_named(words: list[str]) -> bool:
    return any(_is_head(w) or w.lower().endswith(_HEADS_IN_NAME) or _name_word(w) or
               (w[:1].isupper() and lexicon.zipf(w.lower()) < 4.0 and w.lower() not in wordlists().geen_naam)
               for w in words)


def _trim(words: list[str]) -> list[str]:
    """The name in the words before "? nee": from the last article or preposition on ("zat bij mij op het
    ravelijn-dalton" -> "ravelijn-dalton")."""
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("op", "naar", "bij", "de", "het", "'t", "t", "van", "aan", "is", "was"):
            return words[i + 1:]
    return words


def _echo_corrections(text: str, schools: list[Span]) -> Iterator[Span]:
    for s in schools:
        m = _BEFORE_CORRECTION.search(text, max(0, s.start - 90), s.start)
        if m:
            words = _trim(m.group("prev").split(" "))
            if words and _looks_named(words):
                a = m.end("prev") - len(" ".join(words))
                yield Span("school", a, m.end("prev"), text[a:m.end("prev")])
        m = _AFTER_CORRECTION.match(text, s.end)
        if m:
            words = m.group("next").split(" ")
            if _looks_named(words) and not all(w.lower() in wordlists().geen_naam for w in words):
                yield Span("school", m.start("next"), m.end("next"), m.group("next"))


def find_echoes(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    schools = [s for s in spans if s.kind == "school" and len(s.text) >= 4]
    if not schools:
        return
    yield from _echo_initials(text, schools)
    yield from _echo_corrections(text, schools)


_PARTICLE_WORDS = frozenset({"van", "der", "den", "de", "ter", "ten", "het"})

_HEAD_WORDS = ("school", "college", "lyceum", "gymnasium", "atheneum")


def initials_with_particles(name: str) -> set[str]:
    """Initials of a school's name that keep its particles, with and without the head word: "Groen van Bakel
    Lyceum" -> "gvbl", "gvb"; only names that have a particle inside (the plain initials are ``_initials``')."""
    words = [w for w in re.split(r"[ \-.]+", name) if w]
    while words and words[0].lower() in _PARTICLE_WORDS | {"'t"}:
        words = words[1:]   # a leading article is no part of the initials
    if len(words) < 3 or not any(w.lower() in _PARTICLE_WORDS for w in words[1:-1]):
        return set()
    out = {"".join(w[0] for w in words).lower()}
    if words[-1].lower() in _HEAD_WORDS and len(words) >= 4:
        out.add("".join(w[0] for w in words[:-1]).lower())
    return {i for i in out if len(i) >= 3}
