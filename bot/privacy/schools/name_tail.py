"""What follows a school's name and belongs to it: a branch ("locatie velp", "(locatie de kolk)"), a part of
town ("noord", "westzijde") or a place ("Almere Haven") (``school_tail``); and, for the name-before-head rule, a
branch, compass part or a word Dutch does not know after the head ("college zuidoost") (``rare_word_tail``).
"""
from __future__ import annotations

import re

from bot.privacy import lexicon
from bot.privacy.schools.never_a_school import _never_a_school
from bot.privacy.schools.words import _COMPASS
from bot.privacy.wordlists import wordlists


_AFTER = re.compile(
    r"[ ]{1,2}(?:\((?P<bloc>(?i:locatie|vestiging|afdeling)[ ](?:(?:de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30}"
    r"(?:[ ][^\W\d_][\w'’\-]{1,30})?)\)"
    r"|(?P<loc>(?i:locatie|vestiging)[ ](?:(?:de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30})"
    r"|(?P<compass>(?i:noord|zuid|oost|west|centrum)(?i:zijde|kant)?)(?![\w])"
    r"|(?P<level>(?i:vmbo|mavo|havo|vwo|mbo))(?![\w\-]|[ ]?\d)"   # "het Calvijn vmbo": the branch of that level
    r"|(?P<place>[A-ZÀ-Þ][\w'’\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'’\-]{1,30})?))")


def school_tail(text: str, end: int) -> int:
    """The end of a school's name, with a branch, part of town or place that follows it."""
    m = _AFTER.match(text, end)
    if not m:
        return end
    if m.group("place"):
        place = m.group("place")
        if lexicon.is_place(place):
            return m.end()
        first = place.split()[0]
        # "Het Bakenhof Almere Haven": a place and its part; a place alone after the name is where it is
        if len(place.split()) == 2 and lexicon.is_place(first):
            return m.end()
        return end
    return m.end()


# "Montessorischool Bos en Lommer", "De Twee Wijken en Zeeweg": a second capitalised part of a name joined by "en"
_AND_PART = re.compile(r"[ ]en[ ](?P<w>[A-ZÀ-Þ][a-zà-ÿ'’]{2,20})(?![\w'’\-]|[ ][A-ZÀ-Þ]|[ ](?:van|de|der)[ ])")

_LAST_CAPITAL = re.compile(r"(?<![\w'’\-])[A-ZÀ-Þ][a-zà-ÿ'’]{1,20}$")


def and_tail(text: str, start: int, end: int) -> int:
    """The end of a name that goes on with "en" and a capitalised word that is no person and no common word
    ("Montessorischool Bos en Lommer"); "De Klimop en Jan", "De Klimop en Het Kompas" stay apart."""
    if not _LAST_CAPITAL.search(text, max(start, end - 22), end):
        return end
    m = _AND_PART.match(text, end)
    if not m:
        return end
    low = m.group("w").lower()
    lists = wordlists()
    if low in lists.voornamen or low in lists.namen_bron or low in lists.achternamen or low in lists.alleen_na_aanleiding \
            or lexicon.zipf(low) >= 3.0 or _never_a_school(low) or lexicon.is_place(low):
        return end
    return m.end()


_TAIL = re.compile(r"[ ]{1,2}(?:(?P<loc>(?i:locatie|vestiging|afdeling))[ ](?:(?:de|het|'t)[ ])?(?P<w1>[^\W\d_][\w'’\-]{1,30})"
                   r"|(?P<w2>[^\W\d_][\w'’\-]{1,30}))(?![\w'’\-])")


def rare_word_tail(text: str, end: int) -> int:
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
