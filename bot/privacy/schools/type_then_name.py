"""A kind of school, then the school's name:

- a kind that, followed by a name, names one school: "roc zuidkust", "bs de springplank", "montessorischool de
  lindeboom";
- a short kind spoken before an article and a name: "naar so de zandloper", "obs t kraaiennest", "kbs st. lidwina";
- a kind written as a few letters, then a name in any case: "OBS Het Koraal", "ODBS De Zeester", "sg de Veste",
  "cs vincent van gogh" (in lower case the short ones need a preposition, "school" or a comma before them);
- a type word, then a name: "Speciaal (Basis)onderwijs X", "Orthopedagogisch (Didactisch) Centrum X",
  "international school X", "ISG/MKC/SG/RSG/CSG/OSG X", "Praktijkonderwijs X", and "Stichting X" when a school
  word follows ("Stichting Eemvallei, de school van ...").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _name_word
from bot.privacy.schools.name_run_before_head import _PARTICLES
from bot.privacy.schools.name_shapes import _CAP_NAME, _LOW_NAME, _stop
from bot.privacy.schools.name_tail import rare_word_tail, school_tail
from bot.privacy.schools.never_a_school import _is_shouted, _never_a_school
from bot.privacy.schools.proper_nouns import _RUN, _name_ok
from bot.privacy.schools.words import HEADS, STOP, _NOT_IN_SCHOOL_NAME, _classify, _type_words
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a kind of school that, followed by a name, names one school: "roc zuidkust", "bs de springplank", "jenaplan de
# hoge weide", "montessorischool de lindeboom" (also misspelled: "montesorri school")
_TYPE_THEN_NAME = re.compile(
    r"(?<![\w])(?P<type>(?i:obs|cbs|pcbs|rkbs|kbs|ibs|sbo|vso|ikc|roc|csg|(?-i:BS|SO|KC)|bs(?=[ ](?:de|het|'t)[ ])|"
    r"(?:montessori|montesorri|montesori|jenaplan|dalton|waldorf|vrije)(?:[ ]?school)?))[ ]{1,2}"
    r"(?P<art>(?:de|het|'t|De|Het)[ ]{1,2})?(?P<name>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-]{1,30}){0,2})")


def find_kind_then_name(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _TYPE_THEN_NAME.finditer(text):
        words = []
        for w in m.group("name").split():
            low = w.lower()
            if low in _NOT_IN_SCHOOL_NAME or (low in lists.geen_naam and low not in lists.zorg_met_scholen) or low in HEADS or low in lists.school_afkortingen \
                    or low in lists.school_woorden or lexicon.has_word_ending(low) or \
                    (not words and not m.group("art") and lexicon.is_place(low)) or (words and lexicon.zipf(low) >= 5.0):
                break
            words.append(w)
        if not words:
            continue
        if not m.group("art") and (_classify(words[0]) == STOP or lexicon.zipf(words[0]) >= 4.0) and \
                words[0].lower() not in lists.zorg_met_scholen:   # (a care organisation's school: "ROC Mondriaan")
            continue   # "roc zuidkust"; not "montessori onderwijs", "de vrije school heeft ..."
        if m.group("art") and all(_classify(w) == STOP for w in words):
            continue
        end = m.start("name") + len(" ".join(words))
        end = school_tail(text, end)
        yield Span("school", m.start("type"), end, text[m.start("type"):end])


# a short kind of school before an article (also the spoken "t") and a name: "naar so de zandloper"
_SHORT_KIND = re.compile(r"(?<![\w])(?P<type>(?i:so|vso|sbo|obs|cbs|kbs|rkbs|pcbs|ibs|bs))[ ]{1,2}"
                         r"(?P<art>(?i:de|het|'t|’t|t|st\.|sint|el|al|an))[ ]{1,2}"
                         r"(?P<name>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-]{1,30})?)")


def find_short_kind_then_name(text: str) -> Iterator[Span]:
    for m in _SHORT_KIND.finditer(text):
        words = m.group("name").split(" ")
        keep = []
        for w in words:
            if not keep or _name_word(w) or (w[:1].isupper() and lexicon.zipf(w) < 4.5):
                if w.lower() in wordlists().geen_naam or w.lower() in HEADS or _classify(w) == STOP and keep:
                    break
                keep.append(w)
            else:
                break
        if not keep or (lexicon.zipf(keep[0].lower()) >= 5.0 and not keep[0][:1].isupper()):
            continue   # "so de rest"; but "so De Witte Olifant"
        if m.group("type").lower() == "so" and m.group("type") == "so" and not _name_word(keep[0]) and \
                lexicon.zipf(keep[0].lower()) >= 3.0:
            continue   # "so de rest ...": lower-case "so" is English too; the name must be rare
        end = school_tail(text, m.start("name") + len(" ".join(keep)))
        yield Span("school", m.start("type"), end, text[m.start("type"):end])


# kinds of school written as a few letters; the short ones are ordinary words in lower case ("so", "pro", "cs"),
# so in lower case they need a preposition, "school" or a comma before them
_ABBR = ("odbs", "obs", "cbs", "pcbs", "kbs", "rkbs", "ps", "cs", "sg", "isc", "pro", "sbo", "vso", "so", "ikc",
         "csg", "rsg", "osg", "ibs", "gbs", "isk")

_SHORT = frozenset({"ps", "cs", "sg", "pro", "so", "isc"})

_ABBR_NAME = re.compile(
    r"(?<![\w'’\-])(?P<abbr>(?i:" + "|".join(_ABBR) + r"))[ ](?P<art>(?:[Dd]e|[Hh]et|'t|’t|t)[ ])?"
    r"(?:(?P<cap>" + _CAP_NAME + r")|(?P<low>" + _LOW_NAME + r"))(?![\w'’\-])")

_BEFORE_SHORT = re.compile(r"(?:(?<![\w])(?:op|bij|naar|van|school|is|was)[ ]|,[ ]|^)$", re.IGNORECASE)


def find_abbreviation_then_name(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ABBR_NAME.finditer(text):
        abbr, art = m.group("abbr"), m.group("art")
        low_abbr = abbr.lower()
        if abbr.islower() and low_abbr in _SHORT and not _BEFORE_SHORT.search(text[max(0, m.start() - 8):m.start()]):
            continue   # "so de", "pro het" as ordinary words
        if not (abbr.islower() or abbr.isupper()):
            continue   # "So", "Pro", "Ps": a word at the start of a sentence
        if m.group("cap"):
            words = [w for w in m.group("cap").split(" ") if w not in ("van", "de", "der", "den")]
            if _stop(words) or (not art and any(lists.not_a_school_name(w.lower()) for w in words)):
                continue
            end = m.end("cap")
        else:
            if not abbr.islower():
                continue   # lower-case names only in a lower-case message ("sg west", "cs vincent van gogh")
            toks = m.group("low").split(" ")
            if toks[0] in ("van", "de", "der", "den"):
                continue
            # the first word must be a name, not an ordinary word: a first name, a compass part, or a rare word
            first = toks[0]
            if not (first in lists.voornamen or first in ("noord", "zuid", "oost", "west", "centrum")
                    or lexicon.zipf(first) < 3.0 or lexicon.is_place(first)) or _stop([first]) \
                    or lexicon.zipf(first) >= 6.0:   # "na het vso een vervolgopleiding": "een" is no village here
                continue
            keep = 1
            for k in range(1, len(toks)):
                if toks[k] in ("van", "de", "der", "den") or toks[k - 1] in ("van", "de", "der", "den") \
                        or lexicon.zipf(toks[k]) < 4.0 or lexicon.is_place(toks[k]):
                    keep = k + 1
                else:
                    break
            while toks[keep - 1] in ("van", "de", "der", "den"):
                keep -= 1
            end = m.start("low") + len(" ".join(toks[:keep]))
        yield Span("school", m.start(), end, text[m.start():end])


# a type word, then the name
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


def find_type_word_then_name(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _TYPE_FIRST.finditer(text):
        b = _name_after(text, m.end(), shouted)
        if b is not None:
            b = rare_word_tail(text, b)
            yield Span("school", m.start(), b, text[m.start():b])
    for m in _STICHTING.finditer(text):
        if shouted or not _SCHOOL_CUE_AFTER.match(text, m.end()) or not _name_ok(m.group("name"), "de", None):
            continue   # "Stichting Eemvallei, de school van ...": a foundation that is named as the school
        yield Span("school", m.start("name"), m.end("name"), m.group("name"))
