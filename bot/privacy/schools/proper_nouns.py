"""Dutch capitalises proper nouns only. In a message about school (a school word, "zit/zat op",
"aangemeld bij", "wachtlijst", "geen plek", "uitgeschreven", "gestuurd", "de nieuwkomersklas", ...), a capitalised word or run of them
mid-sentence after "op/bij/naar/van/voor/aan/door" (+ an optional "de/het/'t/t"), or after "de/het/'t" anywhere,
names something - most likely a school: "op de Zandloper", "De Wilgenkamp is te druk", "naar Heiderijk", "mijn
school, het Veenpad". Not: places, months and weekdays, public bodies and helplines, diagnoses, school types, the
bot's own name, a surname after a name or title. A message written in capitals, or with every word capitalised,
says nothing by its capitals: the rule is off.

Fail closed: a rare proper noun in a school message that is no school is masked too.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.person_signs import age_or_birth_after, family_of_before
from bot.privacy.schools.never_a_school import _ORG_ENDINGS, _is_shouted, _known_organisation, _never_a_school
from bot.privacy.schools.word_checks import _ADJECTIVE_ENDS, _english, _first_name, _sentence_start
from bot.privacy.schools.words import _COMPASS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_SCHOOL_TALK = re.compile(
    r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|gymnasium|atheneum|mavo|havo|vwo|vmbo|mbo|sbo|v?so|\w*klas|"
    r"juf|meester|mentor|leerling\w*|leerkracht\w*|ib'?er|directeur|directrice|leerplicht\w*|onderwijs|"
    r"z(?:at|it|aten|itten)|gezeten|aangemeld|afgemeld|aanmelding|ingeschreven|uitgeschreven|afgestuurd|"
    r"inschrijv\w*|wachtlijst|plek|plaatsing|geplaatst|gestuurd|geschorst|geschopt|verwijderd|afgewezen|"
    r"toegelaten|weggestuurd)(?![\w])", re.IGNORECASE)

_CAPW = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"

_RUN = r"(?:St\.?[ ]|Sint[ ]|H\.[ ])?" + _CAPW + r"(?:[ ](?:(?:van|ter|ten)[ ](?:de[ ]|der[ ]|den[ ]|het[ ]|'t[ ])?|de[ ])?" + _CAPW + r"){0,2}"

_AFTER_PREP = re.compile(
    r"(?<![\w'’])(?P<prep>op|bij|naar|van|voor|aan|door)[ ](?:(?P<art>de|het|'t|’t|t)[ ])?(?P<name>" + _RUN
    + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")

_AFTER_ART = re.compile(r"(?<![\w'’])(?P<art>[Dd]e|[Hh]et|'t|’t)[ ](?P<name>" + _RUN + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")

_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w.'’\-]*)[ ,]{1,2}$")

_TITLES = frozenset({"mevrouw", "meneer", "mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "heer", "familie", "fam",
                     "fam.", "juf", "meester", "dokter", "dr", "dr.", "mr", "mr.", "ir", "ir.", "zoon", "dochter"})


# street endings that schools are named after too ("het Veenpad", "De Akker"); other street names stay
_STREET_NAMES_OK = ("pad", "hof", "hoek", "park", "erf", "akker", "brink", "polder", "haven")


def _name_ok(name: str, article: str | None, prep: str | None) -> bool:
    lists = wordlists()
    words = [w for w in name.split(" ") if w.lower() not in ("van", "de", "der", "den", "ter", "ten", "het", "'t")]
    lows = [w.lower() for w in words]
    if any(_never_a_school(w) or _never_a_school(w.split("-")[0]) for w in lows):
        return False
    if any(w.endswith(_ORG_ENDINGS) for w in lows) or lows[-1].endswith(tuple(lists.school_achtervoegsels)):
        return False   # "de Geschillencommissie", "het Jeugdfonds Sport"; a head word is the other rules' work
    if len(lows) == 1 and lows[0].endswith(_ADJECTIVE_ENDS) and len(lows[0]) >= 5 and not _first_name(lows[0]):
        return False   # "de Molukse gemeenschap", "voor Walcherse leerlingen": an adjective
    if lexicon.is_place(lows[0]) and len(lows) == 1 and article not in ("t", "'t", "’t"):
        return False   # "naar Utrecht", "de Noordoostpolder"; "op t Lauwerzijl" names a school after a village
    if lexicon.is_place(f"{article or ''} {name}".strip()) or lexicon.is_place(name) or _known_organisation(name) \
            or ("-" in name and all(lexicon.is_place(p) or p in _COMPASS for p in name.lower().split("-"))):
        return False   # "De Ronde Venen", "Slinge-Berkel", "Noord-Holland", a samenwerkingsverband's name
    if article is None:
        # no article: a person ("bij Jan", "van Sanne") or an ordinary word, unless Dutch does not know it
        if lows[0] in lists.voornamen or lows[0] in lists.achternamen or lows[0] in lists.namen_bron:
            return False
        if len(lows) == 1 and (lexicon.zipf(lows[0]) >= 4.0 or _english(lows[0]) >= 3.0):
            return False   # "naar Huis"; "naar Kyiv", "naar Istanbul": a place the world knows
    if lows[-1].endswith(tuple(lists.straat_achtervoegsels)) and (
            prep in ("aan", "in") or not lows[-1].endswith(_STREET_NAMES_OK)):
        return False   # "aan de Lijsterbesdreef", "de Lindelaan": a street
    if len(lows) > 1 and all(lexicon.zipf(w) >= 4.5 for w in lows) and lows[0] not in _COMPASS:
        return False   # "het Juridisch Loket"-like services made of very common words
    if len(lows) == 1 and lexicon.zipf(lows[0]) >= 5.0:
        return False   # "op de Eerste", "bij de Hele"
    return True


_PREPOSITIONS = frozenset({"op", "bij", "naar", "van", "voor", "aan", "door", "in", "uit", "met", "over", "sinds", "tot"})

_SKIP_BACK = re.compile(r"(?:(?<![\w'’])(?:van|de|der|den|ter|ten|'t|’t|la|le|da)[ ])+$", re.IGNORECASE)


def _after_a_person(text: str, start: int) -> bool:
    """"mevrouw de Vries", "Annelies van de Kamp", "Ruben van 't Hof", "Ipse de Bruggen": the rest of a name
    (a person's, an organisation's) after a title or a capitalised word, not a school."""
    skip = _SKIP_BACK.search(text, max(0, start - 16), start)
    if skip:
        start = skip.start()
    w = _BEFORE.search(text, max(0, start - 32), start)
    if not w or text[w.end("w"):start].strip() != "":
        return False
    word = w.group("w")
    low = word.lower()
    if low in _TITLES:
        return True
    if re.search(r"['’]er$", low):
        return False   # "de IB'er van de Sterrenboog": a role, then the school
    if len(word) > 1 and word.isupper():
        # "RMC De Friese Wouden", "SWV De Eem": an organisation's acronym before its name; but a class or kind of
        # school is followed by its school: "de ISK van het Calvijn"
        return low not in wordlists().school_afkortingen
    if word[:1].isupper() and not _sentence_start(text, w.start("w")) and low not in _PREPOSITIONS:
        return True
    lists = wordlists()
    return any(part in lists.voornamen or part in lists.namen_bron for part in low.split("-")) and not lexicon.is_place(low)


def _rule1(text: str) -> Iterator[Span]:
    if _is_shouted(text) or not _SCHOOL_TALK.search(text):
        return
    seen = set()
    for pattern in (_AFTER_PREP, _AFTER_ART):
        for m in pattern.finditer(text):
            name, art = m.group("name"), m.group("art")
            prep = m.groupdict().get("prep")
            a = m.start("art") if art else m.start("name")
            if (a, m.end("name")) in seen or not _name_ok(name, art, prep):
                continue
            if prep is None and art and art[0] == "d" and name.split()[0].split("-")[0].lower() in wordlists().achternamen:
                continue   # "de Vries", "de Jong" without a preposition: a surname
            if _after_a_person(text, m.start()) or age_or_birth_after(text, m.end("name")) or (
                    art is None and family_of_before(text, m.start("name"))):
                continue   # (a person: "voor Dunya (9)", "moeder van Hodan (geb. ...", "de ouders van Oliwia Kowalski")
            seen.add((a, m.end("name")))
            yield Span("school", a, m.end("name"), text[a:m.end("name")])


def find_proper_noun_schools(text: str) -> Iterator[Span]:
    """Capitalised names in a message about school (a name before a head word is ``name_run_before_head``'s, a
    type word and a name ``type_then_name``'s)."""
    yield from _rule1(text)
