"""Age or school phase of the child ("12", "twaalf", "groep 7", "brugklas", "2e klas vmbo"),
and the school type ("vmbo", "speciaal onderwijs", "havo/vwo").

Ages 4 to 23 are accepted: school from 4, leerplicht 5-16, kwalificatieplicht to 18, and the RMC
helps young people without a startkwalificatie up to 23 (../shared/kennis/feiten.md 1.2).
A school phase gives an estimated age only to decide whether a young person may be under 16.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

MIN_AGE, MAX_AGE = 4, 23

NUMBER_WORDS = {
    "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "eenentwintig": 21, "tweeentwintig": 22, "drieentwintig": 23, "vierentwintig": 24,
    "vijfentwintig": 25, "dertig": 30, "veertig": 40,
    # common typos and youth spelling
    "twaalef": 12, "twalf": 12, "vertien": 14, "viertien": 14, "vijftijn": 15,
    "zeuventien": 17, "achtien": 18, "negetien": 19, "twalluf": 12,
}
ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3, "3de": 3,
    "vierde": 4, "4e": 4, "4de": 4, "vijfde": 5, "5e": 5, "5de": 5, "zesde": 6, "6e": 6, "6de": 6,
}
SCHOOL_TYPES: tuple[tuple[str, str], ...] = (
    # (pattern on folded text, canonical value); the first match wins, specific before general
    (r"voortgezet speciaal onderwijs|\bvso\b", "voortgezet speciaal onderwijs"),
    (r"speciaal basisonderwijs|speciale basisschool|\bsbo\b|\bsbao\b", "speciaal basisonderwijs"),
    (r"speciaal onderwijs|speciale school|\bso\b|cluster ?[1-4]|\bzmlk?\b|\bzmok\b", "speciaal onderwijs"),
    (r"praktijkonderwijs|praktijkschool|\bpro\b", "praktijkonderwijs"),
    (r"\bisk\b|schakelklas|internationale schakel", "internationale schakelklas"),
    (r"\bmbo\b|\broc\b|\bbol\b|\bbbl\b|entree", "mbo"),
    (r"havo ?/ ?vwo|havo-vwo|havo vwo", "havo/vwo"),
    (r"vmbo ?/ ?havo|vmbo-havo|mavo ?/ ?havo|mavo-havo|tl ?/ ?havo", "vmbo/havo"),
    (r"\bvmbo\b|\bmavo\b|\bvmbo ?-?(?:bb|kb|gl|tl)\b|\b(?:basis|kader)beroeps|\bbasis ?kader\b|"
     r"theoretische leerweg|gemengde leerweg|\bvbo\b|\bvmbo-t\b", "vmbo"),
    (r"\bhavo\b", "havo"),
    (r"\bvwo\b|atheneum|gymnasium|\blyceum\b|\bgym\b", "vwo"),
    (r"basisschool|basis school|\bbasis\b|\bbao\b|\bpo\b|\bgroep ?[1-8]\b|kleuter", "basisschool"),
    (r"middelbare school|middelbare|voortgezet onderwijs|\bvo\b|brugklas|middelbaar", "voortgezet onderwijs"),
    (r"geen school|niet ingeschreven|nergens ingeschreven|geen inschrijving|uitgeschreven|"
     r"thuisonderwijs|geen plek", "geen school"),
)
_NOT_AGE_UNIT = r"(?:weken|week|wk|maanden|maand|mnd|dagen|dag|uur|keer|minuten|kilo|kg|km|cm|euro|%|procent|klas|groep|e\b|ste\b|de\b)"
_AGE_NUMBER = re.compile(rf"(?<![\d.,:/\-+])(\d{{1,2}})(?!\d|[.,:/\-]\d)(?!\s*{_NOT_AGE_UNIT})(?:\s*(?:jaar|jr|j)\b)?")
_BIRTH_YEAR = re.compile(r"\b(?:geboren|geb\.?|geboortejaar|van)\s*(?:in\s*)?((?:19|20)\d{2})\b")
_GROEP = re.compile(r"\bgroep\s*([1-8]|een|twee|drie|vier|vijf|zes|zeven|acht)\b|\b([1-8])(?:e|de|ste)?\s*groep\b")
_KLAS = re.compile(
    r"\b(eerste|tweede|derde|vierde|vijfde|zesde|[1-6](?:e|de|ste))\s*(?:klas|jaar|leerjaar)\b"
    r"|\b([1-6])\s*(?:klas|leerjaar)\b"
    r"|\b(?:klas|leerjaar)\s*([1-6])\b"
    r"|\b(?:vmbo|mavo|havo|vwo|atheneum|gymnasium|tl|gl|kb|bb)\s*-?\s*([1-6])\b"
    r"|\b([1-6])\s*(?:vmbo|mavo|havo|vwo|atheneum|gymnasium|tl|gl|kb|bb)\b"
)
_MBO = re.compile(r"\b(?:mbo|roc)\b")
# numbers that are levels or clusters, not ages ("mbo 2", "niveau 1", "cluster 4")
_LEVEL = re.compile(r"\b(?:mbo|niveau|cluster|level|entree)\s*-?\s*[1-4]\b")


@dataclass(frozen=True)
class AgeAnswer:
    leeftijd: Optional[int] = None
    schoolfase: Optional[str] = None
    schooltype: Optional[str] = None
    error: Optional[str] = None  # onbekend | te_jong | te_oud | meerdere
    given_age: Optional[int] = None  # the out-of-range age, for the message

    def as_slot(self) -> dict:
        return {"leeftijd": self.leeftijd, "schoolfase": self.schoolfase}


def school_type(folded: str) -> Optional[str]:
    for pattern, value in SCHOOL_TYPES:
        if re.search(pattern, folded):
            return value
    return None


def _digits_for_words(folded: str) -> str:
    """ "twaalf jaar" -> "12 jaar"; "een" stays (it is mostly the article)."""
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return str(NUMBER_WORDS[word]) if word in NUMBER_WORDS and word != "een" else word
    return re.sub(r"[a-z]+", swap, folded)


def _school_phase(folded: str) -> tuple[Optional[str], Optional[int]]:
    """("groep 7", 10) / ("klas 2 vo", 13) / ("mbo", 17); the age is an estimate."""
    match = _GROEP.search(folded)
    if match:
        raw = match.group(1) or match.group(2)
        number = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        return f"groep {number}", number + 3
    if "brugklas" in folded or "brugger" in folded:
        return "brugklas", 12
    match = _KLAS.search(folded)
    if match:
        raw = next(g for g in match.groups() if g)
        number = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
        return f"klas {number} voortgezet onderwijs", 11 + number
    if _MBO.search(folded):
        return "mbo", 17
    if re.search(r"\bkleuter|\bgroep (?:een|twee)\b", folded):
        return "kleuters", 5
    return None, None


def parse_age(folded: str, today: date) -> AgeAnswer:
    """Read an age or school phase from folded text (lower case, no diacritics)."""
    stype = school_type(folded)
    phase, phase_age = _school_phase(folded)
    text_wo_phase = _digits_for_words(_LEVEL.sub(" ", _GROEP.sub(" ", _KLAS.sub(" ", folded))))
    numbers = [int(n) for n in _AGE_NUMBER.findall(text_wo_phase)]
    birth = _BIRTH_YEAR.search(folded)
    if birth:  # the lower of the two possible ages: a young person is rather told too much
        numbers.append(today.year - int(birth.group(1)) - 1)
    distinct = sorted(set(numbers))
    if len(distinct) > 1:
        return AgeAnswer(error="meerdere")
    if distinct:
        age = distinct[0]
        if age < MIN_AGE:
            return AgeAnswer(error="te_jong", given_age=age)
        if age > MAX_AGE:
            return AgeAnswer(error="te_oud", given_age=age)
        return AgeAnswer(leeftijd=age, schoolfase=phase, schooltype=stype)
    if phase:
        return AgeAnswer(schoolfase=phase, schooltype=stype)
    return AgeAnswer(error="onbekend")


def estimated_age(slot_value) -> Optional[int]:
    """The age, or an estimate from the school phase; None when unknown."""
    if not isinstance(slot_value, dict):
        return None
    if isinstance(slot_value.get("leeftijd"), int):
        return slot_value["leeftijd"]
    phase = slot_value.get("schoolfase") or ""
    _, estimate = _school_phase(phase)
    return estimate


def maybe_under_16(slot_value) -> bool:
    """True unless the age (or phase) shows the young person is 16 or older."""
    age = estimated_age(slot_value)
    return age is None or age < 16
