"""A capitalised name where a child sits, goes or is enrolled: "hij zit op de Hoeksteen", "ze gaat naar
het Reggesteyn", "ingeschreven bij het Kompas", "de school heet De Wissel"; a name with its school type in brackets
("de Hoeksteen (speciaal onderwijs)"); and an article before a name Dutch does not know ("De Berkenschutse").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.names import _name_like
from bot.privacy.schools.words import _PROPER, _NOT_SCHOOL
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a capitalised name right after a word for going to or sitting at a school: "hij zit op de Hoeksteen",
# "ze gaat naar Reggesteyn", "ingeschreven bij het Kompas"; or after "de school heet"
_AT_SCHOOL = re.compile(
    r"(?<![\w])(?:(?P<at>(?:zit|zat|zitten|zaten|sta|staat|staan|stond|stonden)[ ]{1,3}(?:(?:nu|nog|al|ingeschreven)[ ]{1,3}){0,2}op"
    r"|(?:groep|klas|leerjaar)[ ]\d{1,2}[ ](?:van|op))"   # "in groep 8 van de Zonnewijzer"
    r"|(?P<to>(?:ging|gaat|gaan|gingen|kan|kon|mag|mocht|moet|moest|wil|wilde)[ ]{1,3}(?:(?:nu|nog|al)[ ]{1,3}){0,2}naar)"
    r"|(?:ingeschreven|aangemeld|geplaatst|toegelaten)[ ]{1,3}(?:op|bij)|(?P<named>school(?:naam)?(?:[ ]{1,3}(?:heet|is)|[ ]?:)))"
    r"[ ]{1,3}(?P<art>(?:[Dd]e|[Hh]et|'t)[ ]{1,3})?"
    r"(?P<name>" + _PROPER + r"(?:[ ](?:" + _PROPER + r"|de|het|van|der)){0,5}?)(?=[ ]?[,.!?;:()]|$|[ ](?!" + _PROPER + r"))")

_SCHOOL_WORD_AFTER = re.compile(r"[ ](?:school|basisschool|college|lyceum|gymnasium|mavo|scholengemeenschap)(?![\w])",
                                re.IGNORECASE)


# a name followed by its school type in brackets: "de Hoeksteen (speciaal onderwijs)"
_TYPE_IN_BRACKETS = re.compile(
    r"(?<![\w])(?P<art>(?:[Dd]e|[Hh]et|'t)[ ])?(?P<name>" + _PROPER + r"(?:[ ](?:(?:van|de|der|den|het|aan|op)[ ])?" + _PROPER +
    r"){0,2})[ ]{0,2}\((?:[^\W\d_]{3,20}[ ])?(?i:speciaal[ ](?:basis)?onderwijs|sbo|so|vso|"
    r"basisschool|middelbare[ ]school|vmbo|havo|vwo|mavo|praktijkonderwijs|pro|mbo|school|lyceum|college)"
    r"(?:[ ][^()]{0,30})?\)")


# "De Berkenschutse", "naar het Hooghuis locatie Zuid": an article, then a word Dutch does not know (an institution,
# in these chats nearly always a school)
_ARTICLE_NAME = re.compile(r"(?<![\w])(?P<art>[Dd]e|[Hh]et|'t)[ ](?P<name>" + _PROPER + r")(?P<loc>[ ]locatie[ ]" + _PROPER + r")?")


def _school_like(word: str) -> bool:
    """After "zit op" / "gaat naar" a name may be made of ordinary words ("Kalsbeek", "Tarwekamp"), but not be
    one common word ("Magister", "Instagram"), a place, a kind of school or education ("Praktijkschool",
    "Entreeopleiding"), or a word with a noun ending."""
    lists = wordlists()
    low = word.lower()
    if "-" in low and (low.split("-")[0] in lists.school_afkortingen or low.split("-")[-1] in lists.school_woorden):
        return False   # "SO-school", "VSO-school": a kind of school
    return (len(low) >= 3 and low.replace("-", "").isalpha() and not word.isupper() and lexicon.zipf(low) < lexicon.COMMON
            and not lexicon.has_word_ending(low) and not lexicon.is_place(low) and low not in lists.geen_school
            and low not in lists.geen_naam and low not in _NOT_SCHOOL)


def _provider(low: str) -> bool:
    """A care organisation that runs schools too (no person, so on geen_naam): after "zit/zat op de/het" one of its
    schools: "zit op het Mondriaan", "zat op de Kentalis"."""
    return low in wordlists().zorg_met_scholen


# a care organisation's school where a pupil leaves it or waits for it, or its education branch: "ik ben van het
# Mondriaan afgegaan", "de wachtlijst van Yulius Onderwijs" (the organisation alone stays: "Kentalis helpt ons")
_PROVIDER_SCHOOL = re.compile(
    r"(?<![\w])(?:van[ ](?P<art>de|het|'t)[ ](?P<left>" + _PROPER + r")[ ](?:af|afgegaan|afgestuurd|afgehaald|gestuurd|"
    r"geschopt|gegooid|weggestuurd)(?![\w])|(?P<branch>" + _PROPER + r")[ ][Oo]nderwijs(?![\w]))")


def _provider_schools(text: str) -> Iterator[Span]:
    for m in _PROVIDER_SCHOOL.finditer(text):
        group = "left" if m.group("left") else "branch"
        if _provider(m.group(group).lower()):
            start = m.start("art") if group == "left" else m.start("branch")
            end = m.end(group) if group == "left" else m.end()
            yield Span("school", start, end, text[start:end])


def find_at_school(text: str) -> Iterator[Span]:
    yield from _provider_schools(text)
    lists = wordlists()
    for pattern in (_AT_SCHOOL, _TYPE_IN_BRACKETS):
        for m in pattern.finditer(text):
            name = m.group("name")
            words = name.split()
            sits = pattern is _AT_SCHOOL and bool(m.group("at") and m.group("art"))
            if not name[:1].isupper() or any(w.lower() in lists.geen_naam and w.lower() not in ("de", "het", "van")
                                             and not (sits and _provider(w.lower())) for w in words[:1]) or name.isupper():
                continue
            if pattern is _TYPE_IN_BRACKETS and any(w.lower() in lists.geen_naam for w in words):
                continue
            if pattern is _TYPE_IN_BRACKETS and not m.group("art") and (
                    words[0].lower() in lists.voornamen or any(w.islower() for w in words)):
                continue   # "Jan van Dijk (school)": a person's name with a particle, not a school (with an article:
                #            "De Parel van Noord (Islamitische basisschool)")
            if lexicon.is_place(name) or lexicon.is_place(words[0]) or words[0].lower() in _NOT_SCHOOL:
                continue
            if "-" in words[0] and words[0].split("-")[0].lower() in lists.school_afkortingen:
                continue   # "aangemeld bij de SO-school": a kind of school
            if (pattern is _AT_SCHOOL and (m.group("at") and m.group("art") or m.group("named")) and len(words[0]) >= 3
                    and "".join(w.lower() for w in words[:2]) not in lists.geen_school
                    and words[0].lower() not in lists.geen_school
                    and (words[0].lower() not in lists.geen_naam or _provider(words[0].lower()))
                    and words[0].lower() not in _NOT_SCHOOL):
                pass   # "zat op de Kameleon", "de school heet De Wissel": capitalised there, even an ordinary word
            elif pattern is _AT_SCHOOL and not _school_like(words[0]):
                continue   # "zit op Magister", "gaat naar de Efteling", "naar de Praktijkschool": no school name
            if pattern is _AT_SCHOOL and m.group("to") and not m.group("art"):
                continue   # one goes to many places: "mag naar Fietsenwerkplaats Noord", "terug naar Kyiv"
            start = m.start("art") if m.group("art") else m.start("name")   # the article belongs to the name
            word_after = _SCHOOL_WORD_AFTER.match(text, m.end("name"))
            end = word_after.end() if word_after else m.end("name")   # "de Rehoboth school"
            yield Span("school", start, end, text[start:end])
    for m in _ARTICLE_NAME.finditer(text):
        low = m.group("name").lower()
        if (not _name_like(m.group("name")) or low in _NOT_SCHOOL or lexicon.is_place(m.group(0))   # "De Pol"
                or wordlists().not_a_school_name(low)):   # "De Bascule": a care provider on the lists
            continue
        end = m.end("loc") if m.group("loc") else m.end("name")
        yield Span("school", m.start("art"), end, text[m.start("art"):end])
