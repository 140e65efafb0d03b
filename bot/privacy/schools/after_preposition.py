"""In a message that talks about school (a school word or kind, "zat op", "afgewezen",
"ingeschreven", "geschorst", "wachtlijst", ...), a capitalised name right after a preposition and an article
("afgewezen door de Bolderik", "zat op t Lauwerzijl", "van het Adriana van Rijck geschopt") is a school's name,
unless it is a place, a name on the list of words that are no name, an organisation or a surname after a title or
name; and a name Dutch does not know before a place: "bij Veluwestede Harderwijk".

Fail closed: in a school message a capitalised name after "op/naar/bij/door/van de" counts as a school.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.words import HEADS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_SCHOOL_TALK = re.compile(
    r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|gymnasium|atheneum|mavo|havo|vwo|vmbo|mbo|sbo|so|vso|cluster|"
    r"z(?:at|it|aten|itten)(?:[ ]\w+)?[ ]op|afgewezen|ingeschreven|uitgeschreven|inschrijven|geschorst|geschopt|"
    r"wachtlijst|mentor|ib'?er|intern[ ]begeleider|juf|meester|leerplicht\w*|klas)(?![\w])", re.IGNORECASE)

_CAP = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ]+)?"

_NAME = _CAP + r"(?:[ ](?:van[ ](?:de[ ]|der[ ]|den[ ])?)?" + _CAP + r"){0,2}"

_PREP_ART = re.compile(r"(?<![\w'’])(?P<prep>op|naar|bij|door|van|aan)[ ](?P<art>[Dd]e|[Hh]et|'t|’t|t|'T)[ ](?P<name>" + _NAME
                       + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ])")   # not a title: "op de Mr. Dr. R.T. ..."

_PREP_BARE = re.compile(r"(?<![\w'’])(?:op|naar|bij|door|van|aan)[ ](?P<name>" + _CAP + r")[ ](?P<place>" + _CAP + r")(?![\w'’\-])")

_ORG_ENDINGS = ("commissie", "wet", "raad", "punt", "loket", "dienst", "bureau", "team", "verband", "inspectie", "zorg",
                "huis", "lijn", "telefoon", "rechter", "rechtbank", "ministerie", "gemeente", "bestuur", "besluit")

_REGIONS = frozenset({"veluwe", "betuwe", "achterhoek", "randstad", "kempen", "peel", "gooi", "liemers", "meierij",
                      "langstraat", "zaanstreek", "westhoek", "noordoostpolder", "waddeneilanden", "bollenstreek"})

_KINDS = ("academie", "universiteit", "hogeschool", "opleiding", "onderwijs")

_NOT_A_SCHOOL = frozenset({"stichting", "gemeente", "inspectie", "raad", "rechtbank", "kinderrechter", "politie"})

_TITLES = frozenset({"mevrouw", "meneer", "mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "heer", "familie", "fam", "fam.",
                     "dokter", "dr", "dr.", "ir", "ir.", "mr", "mr."})

_WORD_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w.'’\-]*)[ ]$")


def _school_like(low: str) -> bool:
    return low in HEADS or low.endswith(("school", "college", "lyceum"))


def _surname(text: str, m: re.Match) -> bool:
    """"mevrouw van 't Hof", "Anna van de Berg": a surname after a title or a name, not a school."""
    if m.group("prep") != "van":
        return False
    w = _WORD_BEFORE.search(text, max(0, m.start() - 32), m.start())
    if not w:
        return False
    word = w.group("w")
    low = word.lower()
    return low in _TITLES or (word[:1].isupper() and (low in wordlists().voornamen or lexicon.zipf(low) < 4.0)
                              and not lexicon.is_place(low) and not _school_like(low))


def _ok_name(name: str, article: str = "") -> bool:
    lists = wordlists()
    words = [w for w in name.split(" ") if w not in ("van", "de", "der", "den")]
    first = words[0].lower()
    if any(w.lower() in lists.geen_naam or w.lower() in lists.geen_school or w.lower() in _REGIONS for w in words):
        return False
    if lexicon.is_place(words[0]) and len(words) == 1 and article not in ("t", "'t", "’t"):
        return False   # "naar de Veluwe"; but "op t Lauwerzijl" is a school named after a village
    if first in _NOT_A_SCHOOL or words[-1].lower().endswith(tuple(lists.straat_achtervoegsels)):
        return False   # "Stichting ...", "aan de Lijsterbesdreef"
    if len(words) == 1 and first.endswith(("se", "sche")):
        return False   # "van de Molukse gemeenschap", "van Oekraiense school": an adjective
    last = words[-1].lower()
    if last.endswith(_ORG_ENDINGS) or (len(words) == 1 and (last in HEADS or last in lists.school_woorden)):
        return False   # "de Geschillencommissie", "de Leerplichtwet", "het College voor de Rechten van de Mens"
    if len(words) == 1 and last.endswith(_KINDS) and lexicon.zipf(last) >= lexicon.KNOWN:
        return False   # "naar de Kunstacademie": a kind of education Dutch knows, not one school
    if len(words) > 1 and all(lexicon.zipf(w.lower()) >= lexicon.COMMON for w in words):
        return False   # "het Regionaal Aanmeld Punt": ordinary words that name a service
    if len(words) == 1 and lexicon.zipf(first) >= 5.0:
        return False   # "op de Eerste", "bij de Hele": a very common word with a capital
    return True


def find_after_preposition(text: str) -> Iterator[Span]:
    if not _SCHOOL_TALK.search(text):
        return
    for m in _PREP_ART.finditer(text):
        name = m.group("name")
        if _ok_name(name, m.group("art")) and not _surname(text, m):
            a = m.start("art")   # the article too, so it never cuts the article off a longer finding
            yield Span("school", a, m.end("name"), text[a:m.end("name")])
    yield from _bare(text)


def _bare(text: str) -> Iterator[Span]:
    """"bij Veluwestede Harderwijk": no article, so only a word Dutch does not know, no first name, and a place
    right after it."""
    lists = wordlists()
    for m in _PREP_BARE.finditer(text):
        name = m.group("name")
        low = name.lower()
        if "-" in low or lexicon.zipf(low) >= lexicon.KNOWN or low in lists.voornamen or low in lists.achternamen \
                or not _ok_name(name) or lexicon.is_place(low) or not lexicon.is_place(m.group("place")):
            continue   # a name Dutch does not know before a place: "bij Veluwestede Harderwijk"
        yield Span("school", m.start("name"), m.end("name"), name)
