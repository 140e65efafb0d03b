"""School names that generalise, round 10 (session 14, issue 18): rules from Dutch grammar, not from the misses of
one test set.

1. Dutch capitalises proper nouns only. In a message about school (a school word, "zit/zat op", "aangemeld bij",
   "wachtlijst", "geen plek", "uitgeschreven", "gestuurd", ...), a capitalised word or run of them mid-sentence
   after "op/bij/naar/van/voor/aan/door" (+ an optional "de/het/'t/t"), or after "de/het/'t" anywhere, names
   something - most likely a school: "op de Zandloper", "De Wilgenkamp is te druk", "naar Heiderijk", "mijn
   school, het Veenpad". Not: places, months and weekdays, public bodies and helplines (also the names in
   content/regio/landelijk.yml), diagnoses, school types, the bot's own name, a surname after a name or title.
   A message written in capitals, or with every word capitalised, says nothing by its capitals: rule 1 is off.
   (Also the shared tests of round 10: which words never name a school, places, organisations, persons.)
Rules 2 (a name of any case before a head word) and 3 (a type word, then a name) live in
``bot.privacy.school_name_heads``. ``implausible()`` drops a finding of any school rule that is only a school
type, a public body or a person by role ("de Havo", "op de Bijlmer", "de Kinderarts"), or, in a message in
capitals, a run with a verb in it ("DE SCHOOL WIL HEM").

Fail closed: a rare proper noun in a school message that is no school is masked too. Bounded regexes and
dictionary look-ups only, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_SCHOOL_TALK = re.compile(
    r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|gymnasium|atheneum|mavo|havo|vwo|vmbo|mbo|sbo|v?so|klas|"
    r"juf|meester|mentor|leerling\w*|leerkracht\w*|ib'?er|directeur|directrice|leerplicht\w*|onderwijs|"
    r"z(?:at|it|aten|itten)|aangemeld|afgemeld|aanmelding|ingeschreven|uitgeschreven|"
    r"inschrijv\w*|wachtlijst|plek|plaatsing|geplaatst|gestuurd|geschorst|geschopt|verwijderd|afgewezen|"
    r"toegelaten|weggestuurd)(?![\w])", re.IGNORECASE)

_CAPW = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
_RUN = _CAPW + r"(?:[ ](?:(?:van|ter|ten)[ ](?:de[ ]|der[ ]|den[ ]|het[ ]|'t[ ])?|de[ ])?" + _CAPW + r"){0,2}"
_AFTER_PREP = re.compile(
    r"(?<![\w'’])(?P<prep>op|bij|naar|van|voor|aan|door)[ ](?:(?P<art>de|het|'t|’t|t)[ ])?(?P<name>" + _RUN
    + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")
_AFTER_ART = re.compile(r"(?<![\w'’])(?P<art>[Dd]e|[Hh]et|'t|’t)[ ](?P<name>" + _RUN + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")
_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w.'’\-]*)[ ,]{1,2}$")
_TITLES = frozenset({"mevrouw", "meneer", "mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "heer", "familie", "fam",
                     "fam.", "juf", "meester", "dokter", "dr", "dr.", "mr", "mr.", "ir", "ir.", "zoon", "dochter"})
_ADJECTIVE_ENDS = ("se", "sche", "ische")
_COMPASS = frozenset({"noord", "zuid", "oost", "west", "centrum", "noordoost", "noordwest", "zuidoost", "zuidwest"})


@lru_cache(maxsize=8)
def _is_shouted(text: str) -> bool:
    """Capitals say nothing: a message in capitals, or one where (almost) every word starts with one."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.75 * len(words):
        return False
    # title case: function words and verbs with a capital mid-sentence ("Mijn Zoon Zit Thuis Want De School Heeft")
    capital_function_words = sum(1 for w in words[1:] if w[:1].isupper() and w.lower() not in ("de", "het", "van")
                                 and lexicon.zipf(w) >= 5.5)
    return capital_function_words >= 2


@lru_cache(maxsize=1)
def _organisations() -> tuple[frozenset, tuple]:
    """The organisations the product itself names: the words of the helplines and public bodies in landelijk.yml,
    and the full names of the samenwerkingsverbanden (" passend onderwijs de eem ")."""
    import json
    from bot import settings
    from bot.content import contacts
    words, names = set(), []
    try:
        text = contacts.contacts_file().read_text(encoding="utf-8")
        for m in re.finditer(r"^\s*naam:\s*(.+)$", text, re.MULTILINE):
            words.update(w for w in re.findall(r"[^\W\d_][\w\-]+", m.group(1).lower()) if len(w) > 3)
        swv = json.loads((settings.read("WEGWIJZER_REGIO_DIR") / "samenwerkingsverbanden.json").read_text(encoding="utf-8"))
        names = [f" {str(v.get('naam', '')).lower()} " for v in swv.get("samenwerkingsverbanden", {}).values()]
    except (OSError, ValueError, AttributeError):   # the rules still work without them, with fewer exceptions
        pass
    return frozenset(words), tuple(n for n in names if n.strip())


def _organisation_words() -> frozenset:
    return _organisations()[0]


def _known_organisation(name: str) -> bool:
    low = f" {name.lower()} "
    return any(low in org for org in _organisations()[1])


def _never_a_school(low: str) -> bool:
    lists = wordlists()
    low = low.strip("'’")
    return (low in lists.geen_schoolnaam or low in lists.geen_schoolnaam_streken or low in lists.geen_naam or low in lists.geen_school
            or low in _organisation_words() or low.rstrip("-") in lists.geen_schoolnaam)


_ORG_ENDINGS = ("commissie", "wet", "raad", "punt", "loket", "dienst", "bureau", "team", "verband", "inspectie",
                "zorg", "lijn", "telefoon", "rechter", "rechtbank", "ministerie", "gemeente", "bestuur", "besluit",
                "vakantie", "stoornis", "onderwijs", "klas", "jeugd", "bank", "academie", "universiteit",
                "hogeschool", "opleiding", "wijk", "buurt", "opvang", "zaal", "verblijf", "besteding", "boerderij",
                "pact", "fonds", "aanpak", "beleid", "plan", "regeling", "regio", "courant", "krant", "blad", "streek",
                # people by their role: "de Zorgcoördinator", "de Jeugdarts", "de Schoolpsycholoog"
                "coördinator", "coordinator", "begeleider", "ambtenaar", "consulent", "arts", "psycholoog",
                "pedagoog", "directeur", "directrice", "mentor", "leraar", "lerares", "docent", "werker", "meester",
                "agent", "iater", "pedist", "therapeut", "loog", "journaal", "persoon",
                # times and periods: "de Coronatijd", "de Kerstperiode"
                "tijd", "periode")
# the endings of people by their role and of services: a finding of any rule that is one such word is no school
_ROLE_ENDINGS = _ORG_ENDINGS[_ORG_ENDINGS.index("coördinator"):] + ("commissie", "loket", "dienst", "bureau", "team",
                                                                     "inspectie", "zorg", "opvang", "telefoon")
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
    if word[:1].isupper() and not _sentence_start(text, w.start("w")) and low not in _PREPOSITIONS:
        return True
    if len(word) > 1 and word.isupper():
        return True   # "RMC De Friese Wouden", "SWV De Eem": an organisation's acronym before its name
    lists = wordlists()
    return any(part in lists.voornamen or part in lists.namen_bron for part in low.split("-")) and not lexicon.is_place(low)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"'“(]\s*)$")


def _sentence_start(text: str, i: int) -> bool:
    return _SENTENCE_START.search(text[max(0, i - 4):i]) is not None


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
            if _after_a_person(text, m.start()):
                continue
            seen.add((a, m.end("name")))
            yield Span("school", a, m.end("name"), text[a:m.end("name")])


def _plain_compound(word: str) -> bool:
    """Two ordinary words that Dutch writes as one ("klachtenformulier", "opbouwplan"); names made of rarer parts
    ("holtkamp", "berkhout") are not."""
    low = word.lower()
    for i in range(3, len(low) - 2):
        for joint in ("", "s", "en", "e"):
            left, right = low[:i], low[i:]
            if joint and not left.endswith(joint):
                continue
            left = left[:len(left) - len(joint)] if joint else left
            if len(left) >= 3 and lexicon.zipf(left) >= 3.5 and lexicon.zipf(right) >= 3.5:
                return True
    return False


def _first_name(word: str) -> bool:
    lists = wordlists()
    return word.lower() in lists.voornamen or word.lower() in lists.alleen_na_aanleiding


@lru_cache(maxsize=4096)
def _english(low: str) -> float:
    """Zipf frequency in English: messages mix in English words ("previous school", "bro school")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:   # the rules still work without it, only less sure about English
        return 0.0
    return zipf_frequency(low, "en")


_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_GLUE = frozenset({"de", "het", "'t", "’t", "t", "op", "bij", "naar", "van", "voor", "aan", "door", "in", "over",
                   "onder", "achter", "met", "der", "den", "ter", "ten"})


def implausible(text: str, span: Span) -> bool:
    """A school finding (of any rule) that names no school: one word that never names one ("de Havo", "op de
    Bijlmer"), or, in a message in capitals, a run with a verb or function word in it ("DE SCHOOL WIL HEM")."""
    words = [w for w in _NAME_WORD.findall(span.text) if w.lower() not in _GLUE]
    if len(words) == 1 and (words[0].lower() in wordlists().geen_schoolnaam or words[0].lower().endswith(_ROLE_ENDINGS)) \
            and words[0].lower() not in wordlists().school_woorden:
        return True
    if _is_shouted(text):
        lists = wordlists()
        return any(lexicon.zipf(w) >= 5.5 and w.lower() not in lists.school_woorden for w in words)
    return False


def find_proper_noun_schools(text: str) -> Iterator[Span]:
    """Rule 1: capitalised names in a message about school. Rules 2 and 3 (a name before a head word, a type
    word and a name) live in ``school_name_heads``, which builds on this module's helpers."""
    yield from _rule1(text)
