"""Guesses who is writing: a parent ("ouder") about their child, or a young person ("jongere")
about themself. None when the message does not tell.

Works on ``normalize_for_matching`` text, so "mn ouders", "m'n mentor" and "kzit thuis" count.
Parent cues win: "mijn zoon zegt dat zijn mentor ..." is a parent even though it names a mentor.
A third-person story ("hij zit al weken thuis") counts as a parent only together with "we"/"ons".
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from bot.signals.normalize import normalize_for_matching

PARENT, YOUTH = "ouder", "jongere"

_CHILD = (
    r"(?:zoon|zoontje|zonen|dochter|dochtertje|dochters|kind|kint|kindje|kinderen|kids|kleinzoon|"
    r"kleindochter|kleinkind|kleinkinderen|pleegkind|pleegzoon|pleegdochter|pleegkinderen|"
    r"stiefzoon|stiefdochter|stiefkind|puber|pubers|tiener|tieners|tweeling)"
)
_PARENT_ROLE = (
    r"(?:moeder|vader|ouder|ouders|mama|papa|voogd|pleegouder|pleegouders|pleegmoeder|"
    r"pleegvader|opa|oma|grootouder|grootouders|gezaghebber|verzorger|stiefvader|stiefmoeder|"
    r"stiefouder|gastouder)"
)
_NUMBER = r"(?:een|twee|drie|vier|vijf|\d+)"
_AGE = r"(?:pas |net |bijna |al )?(?:[4-9]|1\d|2[0-3])\b(?! (?:jaar )?(?:weken|week|maanden|maand|dagen|dag|uur|keer|minuten|kilo|km))"
_SENTENCE_START = r"(?:^|\. )"  # Dutch chat drops "ik": "ben 16 en zit thuis"

# Someone writing about their own child.
PARENT_CUES: Sequence[re.Pattern[str]] = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b(?:mijn|onze|ons) (?:\w+ )?{_CHILD}\b",
        r"\b(?:onze|ons) (?:jongen|jongens|meisje|meid|meiden|jongste|oudste|middelste)\b",
        r"\bmijn (?:jongste|oudste|middelste)\b(?! (?:broer|broertje|zus|zusje|neef|nicht|vriend))",
        rf"(?<!ik ben een )(?<!ik ben )\bpleeg(?:kind|zoon|dochter|kinderen)\b",
        rf"\b(?:ik ben|wij zijn|we zijn|ik als|wij als|we als|als) (?:de |een |alleenstaande |"
        rf"gescheiden |bezorgde )?{_PARENT_ROLE}\b(?! van (?:mijn|een) (?:vriend|vriendin|klasgenoot))",
        rf"\b{_PARENT_ROLE} van {_NUMBER} {_CHILD}\b",
        rf"\b(?:ik heb|wij hebben|we hebben|heb ik|hebben we|hebben wij) {_NUMBER} {_CHILD}\b",
        r"\b(?:mijn|onze) (?:man|vrouw|partner|ex|exman|exvrouw) en ik\b",
        r"\b(?:zijn|haar) (?:vader|moeder) en ik\b",
        rf"{_SENTENCE_START}(?:zoon|dochter|zoontje|dochtertje|kleinzoon|kleindochter) (?:van )?\d",
    )
)

# A young person writing about themself.
YOUTH_CUES: Sequence[re.Pattern[str]] = tuple(
    re.compile(pattern)
    for pattern in (
        r"\bik (?:zit|zat) (?:\w+ ){0,4}thuis\b",
        r"\bik (?:mag|mocht|kan|kon|ga|ging|durf|durfde|wil|wilde|hoef|moet|heb) (?:\w+ ){0,4}"
        r"naar (?:de |mijn |een andere |een nieuwe |een )?school\b",
        r"\bmijn (?:mentor|mentrix|leraar|lerares|docent|docente|juf|meester|klas|klasgenoten|"
        r"klasgenoot|school|rooster|cijfers|rapport|huiswerk|leerplichtambtenaar|ouders|moeder|"
        r"vader|mama|papa|ma|pa|mam|pap|stiefvader|stiefmoeder|pleegouders|pleegmoeder|"
        r"pleegvader|broer|broertje|zus|zusje|opa|oma)\b",
        rf"(?:\bik |{_SENTENCE_START})ben {_AGE}",
        rf"{_SENTENCE_START}(?:ben|word) (?:\w+ )?(?:geschorst|verwijderd|gepest)\b",
        rf"{_SENTENCE_START}zit (?:\w+ ){{0,4}}thuis\b",
        rf"{_SENTENCE_START}zit (?:op|in) (?:de |het |een )?(?:havo|vwo|vmbo|mavo|mbo|brugklas|"
        r"basisschool|middelbare|klas|groep)",
        r"\b(?:ik als|als) (?:kind|leerling|scholier|jongere|student)\b",
        r"\bik zit in (?:de |groep |klas |het |jaar )?(?:\d|brugklas|eerste|tweede|derde|vierde|"
        r"vijfde|zesde|examenklas|groep|klas|havo|vwo|vmbo|mavo|atheneum|gymnasium|mbo)",
        r"\bik zit op (?:de |het |een )?(?:school|havo|vwo|vmbo|mavo|mbo|basisschool|middelbare|"
        r"praktijkschool|vso|so|sbo|speciaal)",
        r"\bik ben (?:geschorst|verwijderd|van school|eruit|een leerling|leerling|scholier|"
        r"student|een pleegkind|pleegkind)\b",
        r"\bik (?:word|werd) (?:\w+ ){0,2}(?:gepest|geschorst|verwijderd)\b",
        r"\bik (?:spijbel|heb gespijbeld)\b",
        r"\bik (?:wil|ga) stoppen met (?:school|mijn opleiding)\b",
        r"\bmag ik (?:stoppen|van school|thuis blijven)\b",
        r"\bik (?:heb|krijg) (?:geen|wel) (?:les|school|onderwijs|huiswerk)\b",
    )
)

# A third-person story about a child; a parent cue only together with FIRST_PERSON_PLURAL.
CHILD_STORY_CUES: Sequence[re.Pattern[str]] = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(?:hij|zij|ze) (?:zit|zat|mag|mocht|kan|kon|gaat|ging|wil|wilde|durft|durfde|hoeft|"
        r"moet|is|wordt|werd) (?:\w+ ){0,4}(?:thuis|school|geschorst|verwijderd|klas)\b",
        r"\b(?:zijn|haar) (?:mentor|school|klas|juf|leraar|meester|docent|rooster)\b",
        r"\b(?:hij|zij|ze) is (?:pas )?\d{1,2}\b",
    )
)
FIRST_PERSON_PLURAL = re.compile(r"\b(?:we|wij|ons|onze)\b")


def detect_audience(text: str) -> Optional[str]:
    """"ouder", "jongere" or None when unclear."""
    if not text or not text.strip():
        return None
    normalized = normalize_for_matching(text)
    if _any(PARENT_CUES, normalized):
        return PARENT
    if _any(YOUTH_CUES, normalized):
        return YOUTH
    if _any(CHILD_STORY_CUES, normalized) and FIRST_PERSON_PLURAL.search(normalized):
        return PARENT
    return None


def _any(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)
