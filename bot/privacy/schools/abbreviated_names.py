"""Schools named by their letters or a clipped name:

- the 2-4 letter abbreviation pupils use after "op/naar/van/bij de/het/'t" ("op het hzc", "naar de GBL"), when it
  is no known word, kind of school or organisation;
- a clipped or rare name after a spoken "'t" ("op t mondri"; not "op t werk");
- a scholengemeenschap by its initials: "op t KSG", "bij het CSG";
- an abbreviation with its full name in brackets: "het sgm (sint gregorius mavo)", "de CLZ (Christelijk Lyceum
  Zeeland)": both the letters and the name.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _compound_on_any_head, _is_head
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# the abbreviation of one school: "op het hzc", "naar de GBL", "van 't CLZ"; capitals (or lower-case letters
# without a vowel) without an article only where a pupil sits: "zit op SGM", "ik zit op sgm"
_ABBR = re.compile(r"(?<![\w])(?:(?:op|naar|van|bij|school(?:naam)?[ ]is)[ ]{1,2}(?:de|het|'t|’t|t)[ ]{1,2}"
                   r"(?P<abbr>[A-Za-z]{2,4})"
                   r"|z(?:it|at|itten|aten)[ ](?:(?:nu|nog|al|toen)[ ])?op[ ](?P<bare>[A-Z]{2,4}|[b-df-hj-np-tv-xz]{3,4}))"
                   r"(?![\w'’\-])")   # (or letters without a vowel, which no Dutch word is: "zit op sgm")

# initials with the lower-case first letter of a particle: "het JdW" (Johan de Witt), "de GvB", "het HvL"
_PARTICLE_INITIALS = re.compile(r"[A-Z](?:[dvt][A-Z])+[A-Z]?")


# kinds of school, courses and organisations pupils name with an abbreviation that are not one school
_NOT_ONE_SCHOOL = frozenset({
    "vmbo", "havo", "vwo", "mbo", "hbo", "wo", "mavo", "roc", "isk", "pro", "vso", "so", "sbo", "bso", "kdv", "psz",
    "azc", "coa", "ggd", "uwv", "cjg", "swv", "duo", "ind", "wmo", "ib", "pgb", "opp", "tlv", "svb", "cak", "ggz",
    "vo", "po", "avo", "bbl", "bol", "kb", "bb", "gl", "tl", "lwoo", "vavo", "ikc", "obs", "cbs", "ovk", "zat",
    "abc", "ict", "pc", "tv", "ok", "wc", "gym", "bus", "cito", "iq", "adhd", "add", "ass", "pdd", "odd", "ptss",
    "wijk", "mdt", "wet", "ivo", "mee", "rvdk", "vng", "oc", "ocw", "zon", "pdf", "app", "www", "nt", "nt2", "ns",
    "ov", "anwb", "ah", "hema", "gpo", "lkc", "rmc", "cvb", "gmr", "mr", "jgz", "ppo", "vsv", "bao", "zml", "mytyl",
    "mdo", "ot", "otp", "bo", "sova", "rt", "ib'er", "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep",
    "okt", "nov", "dec"
})


# wordfreq knows many letter combinations from the web ("gbl" 2.15); a school's initials stay below this
_ABBR_KNOWN = 2.5


def find_abbreviations(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ABBR.finditer(text):
        group = "abbr" if m.group("abbr") else "bare"
        abbr = m.group(group)
        low = abbr.lower()
        if low in _NOT_ONE_SCHOOL or low in lists.school_afkortingen or low in lists.geen_naam or low in lists.geen_school:
            continue
        if not (abbr.isupper() or abbr.islower() or _PARTICLE_INITIALS.fullmatch(abbr)) or \
                lexicon.zipf(low) >= _ABBR_KNOWN or lexicon.is_place(low):
            continue   # "op de bank", "naar het bos": a word
        if not abbr.isupper() and any(c in "aeiou" for c in low[1:-1]) and len(low) == 4:
            continue   # a lower-case four-letter word with a vowel inside is more likely a word than initials
        end = school_tail(text, m.end(group))
        yield Span("school", m.start(group), end, text[m.start(group):end])


# "op t mondri", "naar t ravelijn", "zit op het bonhoeffer": a clipped or rare name after a spoken article or where a
# pupil sits, a word Dutch hardly knows ("op t werk", "naar t strand", "zit op de bank" stay)
_CLIPPED = re.compile(r"(?<![\w])(?:(?:op|naar|van|bij)[ ]{1,2}(?P<art>'t|’t|t)"
                      r"|z(?:it|at|itten|aten)[ ](?:(?:nu|nog|al|toen)[ ])?op[ ](?P<art2>het|de))"   # "zit op het bonhoeffer"
                      r"[ ]{1,2}(?P<name>[a-z][a-z\-]{3,14})(?![\w'’])")


def find_clipped_names(text: str) -> Iterator[Span]:
    for m in _CLIPPED.finditer(text):
        name = m.group("name")
        if lexicon.zipf(name) >= _ABBR_KNOWN or lexicon.is_place(name) or \
                name in wordlists().geen_naam or name in wordlists().geen_school:
            continue
        art = "art" if m.group("art") else "art2"
        yield Span("school", m.start(art), m.end("name"), text[m.start(art):m.end("name")])


# a school's letters before one of its branches, anywhere: "JdW locatie Dijkveld geeft ...", "HML, vestiging Zuid"
# (the branch itself is added by the recogniser)
_LETTERS_BEFORE_BRANCH = re.compile(r"(?<![\w'’\-])(?P<abbr>[A-Z](?:[dvt][A-Z])+[A-Z]?|[A-Z]{2,5})"
                                    r"(?=,?[ ]{1,2}(?:locatie|vestiging)[ ]{1,2}[A-ZÀ-Þ])")


def find_letters_before_branch(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LETTERS_BEFORE_BRANCH.finditer(text):
        low = m.group("abbr").lower()
        if low in _NOT_ONE_SCHOOL or low in lists.school_afkortingen or low in lists.geen_naam or \
                low in lists.geen_school or low in lists.geen_schoolnaam:
            continue   # "GGD locatie Zuid", "SO locatie Noord": a service or a kind has branches too
        yield Span("school", m.start("abbr"), m.end("abbr"), m.group("abbr"))


# a scholengemeenschap by its initials: "op t KSG", "bij het CSG", "op de RSG" (a capital abbreviation ending in "SG")
_SG = re.compile(r"(?<![\w'’])(?:op|naar|bij|van|aan)[ ](?:het|de|'t|’t|t)[ ](?P<s>[A-Z]{1,3}SG)(?![\w'’\-])")


def find_scholengemeenschap_initials(text: str) -> Iterator[Span]:
    for m in _SG.finditer(text):
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))


# an abbreviation with its full name in brackets: "het sgm (sint gregorius mavo)", "de CLZ (Christelijk Lyceum
# Zeeland)": both the letters and the name
_ABBR_EXPANDED = re.compile(r"(?<![\w])(?P<abbr>[A-Za-z]{2,5})[ ]\((?P<full>[^()]{4,60})\)")


def _spelled_in(abbr: str, full: str) -> bool:
    """The letters of ``abbr`` stand in ``full`` in order, the first one first: "rwl" in "rijnwaard lyceum"."""
    if not full.startswith(abbr[:1]):
        return False
    pos = 0
    for c in abbr:
        pos = full.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def find_expanded_abbreviations(text: str) -> Iterator[Span]:
    for m in _ABBR_EXPANDED.finditer(text):
        abbr, full = m.group("abbr"), m.group("full")
        words = [w for w in re.split(r"[ \-]+", full) if w]
        if len(words) < 2 or not any(_is_head(w) or _compound_on_any_head(w) for w in words):
            continue
        initials = "".join(w[0] for w in words if w.lower() not in ("de", "het", "van", "der", "den", "'t")).lower()
        if abbr.lower() != initials and not initials.startswith(abbr.lower()) and not _spelled_in(abbr.lower(), full.lower()):
            continue   # the letters must be the name's initials, or spelled by it in order ("rwl": rijnwaard lyceum)
        if abbr.lower() in wordlists().school_afkortingen and len(words) < 3:
            continue
        yield Span("school", m.start("abbr"), m.end("abbr"), abbr)
        yield Span("school", m.start("full"), m.end("full"), full)
