"""An article written with a capital in the middle of a sentence starts a proper name, in these
chats nearly always a school: "bij De Wilgenhoek", "op 't Palet", "naar Het Baken", "is van De Driemaster af
gestuurd" (not places, organisations, shows, care providers, school types; not "Jan van De Velde").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.words import _PROPER, _NOT_IN_SCHOOL_NAME, _NOT_SCHOOL, _NOT_SCHOOL_ENDINGS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


# "bij De Wilgenhoek", "op 't Palet", "naar Het Baken": after "bij"/"op"/"naar" (not "van": "Jeroen van 't Hof")
# an article written with a capital
# in the middle of a sentence (or "'t") starts a proper name; in these chats nearly always a school. Places
# ("De Bilt"), organisations and apps (word lists, _NOT_SCHOOL) and school types stay.
_PREP_ARTICLE_NAME = re.compile(
    r"(?:(?<![\w'])(?:bij|op|naar|Bij|Op|Naar)[ ]{1,2}(?P<art>De|Het|'t|'T)|(?<=[a-z] )van[ ](?P<art2>De|Het))[ ](?P<name>" + _PROPER +
    r"(?:[ ](?:" + _PROPER + r"))?)(?![\w'])")


# words before "naar"/"op"/"bij" that make what follows a show, a pastime or a care provider, not a school
_NOT_SCHOOL_VERB = re.compile(
    r"(?<![\w])(?:kijk|kijkt|kijken|keek|keken|luister|luistert|luisteren|dol|gek|verslaafd|wacht|wachten|let|"
    r"letten|reageert|trots|zin|fan|lid|afspraak|afspraken|behandeling|therapie|onderzoek|opname|intake|hulp|zorg|"
    r"vakantie|uitje|kamp|logeren|logeert)[ ]{1,3}$", re.IGNORECASE)


def find_capital_article(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _PREP_ARTICLE_NAME.finditer(text):
        name = m.group("name")
        words = name.split()
        if _NOT_SCHOOL_VERB.search(text, max(0, m.start() - 30), m.start()) or \
                words[0].lower().endswith(_NOT_SCHOOL_ENDINGS):
            continue   # "kijkt naar Het Jeugdjournaal", "een afspraak bij De Bascule", "naar De Opvoedpoli"
        art = m.group("art") or m.group("art2")
        if m.group("art2") and not _after_a_word(text, m.start()):
            continue   # "Jan van De Velde": a particle inside a surname
        full = f"{art} {name}"
        if lexicon.is_place(full) or lexicon.is_place(f"{art} {words[0]}") or lexicon.is_place(words[0]):
            continue
        kind_after = len(words) == 2 and words[1].isupper() and words[1].lower() in lists.school_afkortingen
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or (w.isupper() and not kind_after)
               for w in words[:1 if kind_after else 2]):
            continue   # (not "naar De Delta SO": a name with its kind of school after it)
        if any(w.lower() in lists.geen_school or w.lower() in lists.school_woorden for w in words[:1]):
            continue   # "op De Basisschool": a kind of school
        if len(words) == 2 and words[1].lower() in _NOT_IN_SCHOOL_NAME:
            words = words[:1]   # "bij De Wissel Maar ...": keep the name alone (not "op De Bonte Koe")
        end = m.start("name") + len(" ".join(words))
        start = m.start("art") if m.group("art") else m.start("art2")
        yield Span("school", start, end, text[start:end])


def _after_a_word(text: str, pos: int) -> bool:
    """"is van De Driemaster af gestuurd": the word before "van" is an ordinary lower-case word, not a name."""
    prev = re.search(r"([^\W\d_]+)[ ]$", text[max(0, pos - 30):pos])
    if not prev:
        return False
    word = prev.group(1)
    return word.islower() and word not in wordlists().voornamen
