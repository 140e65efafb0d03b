"""A name that does what only a school does with a pupil, or that is called a school: "Het Kompas heeft
hem geschorst", "De Rietlanden is een vso-school" (not a kind alone: "de school heeft hem geschorst").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.abbreviated_names import _NOT_ONE_SCHOOL
from bot.privacy.schools.words import _PROPER, _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# a name that does what only a school does with a pupil, or that is called a school: "Het Kompas heeft hem
# geschorst", "De Rietlanden is een vso-school" (not a kind alone: "de school heeft hem geschorst")
_SCHOOL_ACTS = re.compile(
    r"(?<![\w])(?P<art>[Dd]e|[Hh]et|'t)[ ](?P<name>" + _PROPER + r"(?:[ ]" + _PROPER + r"){0,2})"
    r"(?:[ ](?:in|te)[ ](?P<place>[A-ZÀ-Þ][\w'’\-]{1,30}))?[ ]"   # "Het Kompas in Zeist belt me ..."
    r"(?:(?:heeft|had|hebben|wil|wilde|kan|kon|gaat|ging)[ ](?:(?:hem|haar|ons|mijn[ ]\w+|onze[ ]\w+|hun[ ]\w+|"
    r"niet|nu|al|toen|weer|meteen|direct|gewoon|gisteren|vandaag|ook|zomaar|opnieuw)[ ]){0,3}(?:geschorst|verwijderd|uitgeschreven|van[ ]school[ ]gestuurd|"
    r"naar[ ]huis[ ]gestuurd|weggestuurd|niet[ ](?:meer[ ])?terug)"
    r"|(?:schorst|schorste|stuurde|stuurt)[ ](?:hem|haar|ons|mijn[ ]\w+|onze[ ]\w+)[ ](?:naar[ ]huis|weg|van[ ]school)"
    r"|(?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ](?:(?:niet|nog|wel|ook|zomaar|gewoon)[ ]){0,2}(?:mag|mocht|kan|kon|wil|wilde|"
    r"gaat|ging)[ ](?:weigeren|schorsen|verwijderen|uitschrijven|toelaten|inschrijven|aannemen)"   # "dat het X hem niet mag weigeren"
    r"|(?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ]niet[ ](?:meer[ ])?(?:wil|wilde|wilden|hoeft|terug[ ]wil)(?:[ ]hebben)?"   # "als De X hem niet meer wil"
    r"|(?:wil|wilde|wou|kan|kon)[ ](?:hem|haar|mijn[ ]\w+|onze[ ]\w+|ons[ ]kind)[ ](?:(?:niet|nog|wel|ook|pas|meer|na[ ]groep[ ]\d)[ ]){0,3}"
    r"(?:toelaten|aannemen|inschrijven|plaatsen|laten[ ](?:doubleren|blijven[ ]zitten|zitten|overgaan|testen|onderzoeken))"
    r"|(?:heeft|had)[ ](?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ](?:(?:niet|nog|wel|ook)[ ]){0,2}(?:toegelaten|aangenomen|"
    r"ingeschreven|geweigerd)"
    r"|(?:is|was)[ ](?:een|de|onze|zijn|haar|hun)[ ](?:[\w]+[ ])?(?:[\w]+-)?(?:basisschool|school|college|lyceum|"
    r"gymnasium|scholengemeenschap)"
    r"|(?P<says>(?:zegt|zei|belt|belde|mailt|mailde|schrijft|schreef)[ ](?:dat[ ](?:hij|zij|ze|mijn|onze|het[ ]niet)|"
    r"(?:ons|mij|me)[ ](?:steeds|(?:bijna[ ])?(?:elke|iedere)[ ](?:dag|week)|telkens|weer|op)|steeds|elke[ ]dag|telkens)"
    r"|(?:heeft|had)[ ](?:ons|mij|me)[ ](?:(?:nu|toen|gisteren|vandaag|weer|al|net|eindelijk)[ ]){0,2}(?:gebeld|gemaild|geschreven)))(?![\w])")


def find_acting_names(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _SCHOOL_ACTS.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or w.lower() in lists.geen_school
               or w.lower() in lists.school_woorden or (w.isupper() and not _initials(w)) for w in words):
            continue   # "De school", "Het SWV", "De Inspectie"
        if m.group("place") and not lexicon.is_place(m.group("place")):
            continue   # "in" + a place only
        if m.group("says") and any(lexicon.zipf(w.lower()) >= 4.0 or w.lower() in lists.achternamen for w in words):
            continue   # "De Wet zegt dat ...", "De Directeur belt steeds": a common word, not a name
        if (words[0].lower().endswith(_NOT_SCHOOL_ENDINGS) and not words[0].lower().endswith("huis")) or \
                lexicon.is_place(m.group("name")) or \
                lexicon.is_place(f"{m.group('art')} {m.group('name')}"):
            continue
        yield Span("school", m.start("art"), m.end("name"), text[m.start("art"):m.end("name")])


def _initials(word: str) -> bool:
    """A school's letters ("Het HML wil haar niet toelaten"), not a service's ("Het UWV", "De GGD", "Het SWV")."""
    low = word.lower()
    lists = wordlists()
    return 2 <= len(word) <= 5 and word.isalpha() and low not in _NOT_ONE_SCHOOL and low not in lists.school_afkortingen \
        and low not in lists.geen_schoolnaam and low not in lists.geen_naam and lexicon.zipf(low) < 2.5
