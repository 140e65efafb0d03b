"""The school recogniser: runs every rule of this package, adds the echoes and list neighbours of what
they found, merges overlapping findings into one, drops findings that name no school (``never_a_school``) and
decides where an article goes. Which rule finds what is in the package docstring (``bot.privacy.schools``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.abbreviated_names import (
    find_abbreviations, find_clipped_names, find_expanded_abbreviations, find_letters_before_branch,
    find_scholengemeenschap_initials,
)
from bot.privacy.schools.acting_names import find_acting_names
from bot.privacy.schools.after_preposition import find_after_preposition
from bot.privacy.schools.appositions import (
    find_appositions, find_lower_appositions, find_names_in_brackets, find_quoted, find_school_comma_names,
)
from bot.privacy.schools.at_school import find_at_school
from bot.privacy.schools.capital_article import find_capital_article
from bot.privacy.schools.echoes import find_echoes
from bot.privacy.schools.head_then_name import (
    find_capital_head_then_name, find_head_then_name, find_head_then_rare_word, find_type_inside_name,
)
from bot.privacy.schools.labelled import find_labelled
from bot.privacy.schools.list_neighbours import find_list_members, find_list_neighbours
from bot.privacy.schools.lower_case import find_lower_case_after_type, find_lower_compounds, find_lower_name_before_head
from bot.privacy.schools.name_before_head import (
    find_concept_last, find_name_then_lower_school, find_name_then_lower_type, find_name_words_before_head,
    find_unknown_before_capital_head, find_unknown_before_lower_head, find_unknown_hyphen_before_head,
)
from bot.privacy.schools.name_run_before_head import find_names_at_heads
from bot.privacy.schools.name_tail import and_tail, school_tail
from bot.privacy.schools.named_by_verb import find_named_by_verb, find_named_with_head
from bot.privacy.schools.named_kind_compounds import find_named_kind_compounds
from bot.privacy.schools.never_a_school import implausible, indefinite_kind, national_type, street_location
from bot.privacy.schools.next_to_staff import find_next_to_staff
from bot.privacy.schools.person_names import find_lower_case_person_names, find_neuter_persons, find_person_compounds
from bot.privacy.schools.place_adjectives import find_place_adjective_schools
from bot.privacy.schools.primary_groups import find_group_places
from bot.privacy.schools.proper_nouns import find_proper_noun_schools
from bot.privacy.schools.school_word_and_name import find_school_word_and_name
from bot.privacy.schools.type_then_name import (
    find_abbreviation_then_name, find_kind_then_name, find_short_kind_then_name, find_type_word_then_name,
)
from bot.privacy.schools.typo_heads import find_misspelt_heads, find_typo_heads
from bot.privacy.schools.with_place import find_article_name_place, find_concept_places, find_kind_in_place, find_kind_schools
from bot.privacy.schools.words import HEADS, _GENERIC_BEFORE_TYPE, _SCHOOL_MESSAGE
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# words before a school's name that belong to it: "St. Bonifatius Lyceum", "mbo Lingestroom College"
_PREFIX = re.compile(r"(?:(?<![\w])(?:St\.?|Sint|Sv\.?|H\.)|(?<![\w])(?:mbo|vmbo|havo|vwo|mavo|MBO|VMBO|HAVO|VWO|MAVO))[ ]{1,2}$"
                     r"|(?<![\w])(?:St\.?|Sint)-$")   # "de St.-Jozefschool", "Sint-Paulus Lyceum"


# a branch after a school's name: "Comenius College locatie Hilversum", "CSG Liudger, locatie Raai"
# (a branch named after a person keeps its particles: "Wartburg College locatie Guido de Brès")
_BRANCH = re.compile(r",?[ ]{1,2}(?:locatie|vestiging|afdeling)[ ]{1,2}[A-ZÀ-Þ][\w'’\-]{1,30}"
                     r"(?:[ ](?:(?:van[ ](?:de[nr]?[ ])?|de[ ]|der[ ]|ter[ ]|ten[ ])?[A-ZÀ-Þ][\w'’\-]{1,30}))?")


def find_schools(text: str) -> Iterator[Span]:
    """School spans; two findings that overlap become one ("De school Het Noorderlicht" + "Het Noorderlicht
    College"), so the overlap resolution in redaction.py cannot leave part of a name."""
    found = list(_extended(text))
    found += list(find_echoes(text, found))   # initials and corrections of a school found above
    found += list(find_list_neighbours(text, found))   # "de Bolderik, de Horizonschool en Het Kristal"
    spans = sorted((s.start, s.end) for s in found)
    # the rules that only add names do not decide where a lower-case article goes; the others do
    starts = set((Counter(a for a, _ in spans) - Counter(s.start for s in _names_only(text))).keys())
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        if implausible(text, Span("school", a, b, text[a:b])):
            continue   # "de Havo", "op de Bijlmer", "DE SCHOOL WIL HEM": no school's name
        if national_type(text[a:b]) or street_location(text, a, b) or indefinite_kind(text, a, b):
            continue   # "de Chinese zaterdagschool": a kind of school; "aan de Kerkweg": a street
        if _surname_after_a_name(text, a):
            continue   # "Carla de Souza": "de Souza" is her surname, not a school "De Souza"
        lead = _LEADING_ARTICLE.search(text, max(0, a - 12), a)
        spoken = _SPOKEN_T.search(text, max(0, a - 8), a)
        if lead and text[a:a + 1].isupper():   # "Het Lyceum Rotterdam-Zuid", "bij t Meander Lyceum": the name's article
            a = lead.start("art") if lead.group("art") else lead.start("t")
        elif spoken:
            a = spoken.start("t")   # "en t johannes ravensteijn college": a spoken "t" is the name's article
        article = re.match(r"(?:het|de|'t)[ ]", text[a:b])
        if article and a + article.end() in starts and not _generic_first_word(text, a + article.end(), b):
            a += article.end()   # "het Montessori Lyceum Oostpoort": a lower-case article stays readable
        elif not article and _generic_first_word(text, a, b):
            before = _ARTICLE_BEFORE.search(text, max(0, a - 5), a)
            a = before.start() if before else a   # "het Nieuwe Lyceum": without its article no name is left
        yield Span("school", a, b, text[a:b])


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:het|de|'t)[ ]$")


def _generic_first_word(text: str, start: int, end: int) -> bool:
    """A name made of a capitalised ordinary adjective and a head word only ("Nieuwe Lyceum", "Oude Gymnasium") is
    one with its article: "het Nieuwe Lyceum" names a school, "Nieuwe Lyceum" alone does not."""
    m = _ADJECTIVE_AND_HEAD.fullmatch(text, start, end)
    return bool(m) and m.group("adj").lower() in _GENERIC_ADJECTIVES and m.group("head").lower() in HEADS


_ADJECTIVE_AND_HEAD = re.compile(r"(?P<adj>[A-ZÀ-Þ][a-zà-ÿ]+)[ ](?P<head>[^\W\d_]+)")

_GENERIC_ADJECTIVES = _GENERIC_BEFORE_TYPE | {"stedelijk", "stedelijke", "christelijk", "christelijke", "openbaar",
                                              "openbare", "katholiek", "katholieke", "vrije", "praktische"}


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
        end = school_tail(text, end)   # "sbo de horizon westzijde", "clz locatie velp", "Het Bakenhof Almere Haven"
        end = and_tail(text, start, end)   # "Montessorischool Bos en Lommer"
        yield Span("school", start, end, text[start:end]) if (start, end) != (span.start, span.end) else span


def _find_schools(text: str) -> Iterator[Span]:
    """Every rule's findings, before they are extended, merged and checked."""
    yield from find_labelled(text)
    yield from find_kind_then_name(text)
    yield from find_name_words_before_head(text)
    yield from find_abbreviations(text)
    yield from find_clipped_names(text)
    yield from find_letters_before_branch(text)
    yield from find_place_adjective_schools(text)
    yield from find_named_kind_compounds(text)
    yield from find_named_by_verb(text)
    yield from find_expanded_abbreviations(text)
    yield from find_head_then_name(text)
    yield from find_typo_heads(text)
    yield from find_short_kind_then_name(text)
    yield from find_after_preposition(text)
    yield from find_abbreviation_then_name(text)
    yield from find_unknown_hyphen_before_head(text)
    yield from find_capital_head_then_name(text)
    yield from find_unknown_before_capital_head(text)
    if _SCHOOL_MESSAGE.search(text):
        yield from find_quoted(text)
        yield from find_lower_case_person_names(text)
    yield from find_school_comma_names(text)
    yield from find_proper_noun_schools(text)
    yield from find_names_at_heads(text)
    yield from find_type_word_then_name(text)
    yield from _names_only(text)
    yield from find_lower_compounds(text)
    yield from find_head_then_rare_word(text)
    yield from find_next_to_staff(text)
    yield from find_acting_names(text)
    yield from find_name_then_lower_school(text)
    yield from find_article_name_place(text)
    yield from find_kind_in_place(text)
    yield from find_names_in_brackets(text)
    yield from find_at_school(text)
    yield from find_capital_article(text)
    yield from find_lower_case_after_type(text)
    yield from find_name_then_lower_type(text)
    yield from find_kind_schools(text)
    yield from find_lower_name_before_head(text)
    yield from find_school_word_and_name(text)


@lru_cache(maxsize=4)
def _names_only(text: str) -> tuple[Span, ...]:
    """The findings of the rules that only add names: where a lower-case article goes ("het Montessori Lyceum") is
    decided by the other rules. Cached: ``find_schools`` asks twice per text (to find, and to know their starts)."""
    return tuple(_all_names_only(text))


def _all_names_only(text: str) -> Iterator[Span]:
    yield from find_person_compounds(text)
    yield from find_concept_places(text)
    yield from find_unknown_before_lower_head(text)
    yield from find_appositions(text)
    yield from find_neuter_persons(text)
    yield from find_type_inside_name(text)
    yield from find_list_members(text)
    yield from find_named_with_head(text)
    yield from find_misspelt_heads(text)
    yield from find_scholengemeenschap_initials(text)
    yield from find_concept_last(text)
    yield from find_group_places(text)
    yield from find_lower_appositions(text)
