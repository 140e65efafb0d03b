"""``extract_situation``: one user message -> what it tells about the situation, merged with what
was known before.

Dates come from ``extract_dates``, steps from ``extract_steps``, danger from ``bot.signals.safety``; this
module recognises the remaining facts (written application, decision, suspension, removal,
registration, vrijstelling, TLV, age, school type) and decides which field each date belongs to:
the nearest keyword in the same clause ("aangemeld op 2 september" -> application date,
"sinds 2 september thuis" -> start at home). A bare date or duration without a keyword goes to the
field the assistant just asked for (``expecting``), else to the start of the time at home.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Optional

from bot.signals.safety import detect_danger
from bot.stappenplan.extract_dates import MONTHS, DateMention, find_dates, prepare
from bot.stappenplan.extract_steps import extract_steps
from bot.stappenplan.situation import STEPS, Situation

_CLAUSE = re.compile(r"[.;!?](?!\d)|\bmaar\b|\n")

# field -> keywords that claim a date in the same clause
DATE_KEYWORDS = {
    "schorsing_sinds": r"geschorst|schorsing",
    "verwijderd_op": r"verwijderd|verwijdering|van school (?:af )?(?:gestuurd|getrapt|geschopt|gegooid)|eruit gezet|eruit gegooid|weggestuurd",
    "geschil_ingediend_op": r"geschillencommissie|\bgpo\b|onderwijsgeschillen|zaak ingediend",
    "tlv_op": r"\btlv\b|toelaatbaarheidsverklaring",
    "besluit_op": r"besluit|afgewezen|geweigerd|weigering|toegelaten|aangenomen|beslist|brief gekregen|antwoord gekregen",
    "aangemeld_op": r"aangemeld|aanmelding|aanmelden|ingeschreven bij|inschrijving|aanmeldformulier|ingeschreven op",
    "thuis_sinds": r"thuis|niet (?:meer )?naar school|geen school|thuiszit|verzuim|ziek ?gemeld|geen les",
}
_KEYWORDS = {f: re.compile(p) for f, p in DATE_KEYWORDS.items()}
# Keywords that claim a date for no field of the plan: "op de wachtlijst sinds de zomer" dates the
# waiting list, not the time at home ("... en zit nu al 9 weken thuis").
_NO_FIELD_KEYWORDS = re.compile(r"wachtlijst|\bwacht(?:en|t)?\b(?: \w+){0,4} (?:op|voor)\b|\bgewacht\b")
_NO_FIELD = "-"

_RULES: dict[str, tuple[tuple[re.Pattern[str], object], ...]] = {}


def _rules(field: str, *pairs: tuple[str, object]) -> None:
    _RULES[field] = tuple((re.compile(p), v) for p, v in pairs)


# Order matters per field: the first pattern that matches decides.
_rules("aangemeld",
      (r"\b(?:nog )?(?:niet|nergens|nooit) (?:\w+ ){0,2}aangemeld|\bgeen aanmelding\b", False),
      (r"\baangemeld|\baanmelding|\baanmeldformulier|ingeschreven bij (?:een|de) (?:nieuwe |andere )?school", True))
_rules("schriftelijk",
      (r"\b(?:niet|nooit|nog niet) schriftelijk|alleen (?:telefonisch|gebeld|gebelt|mondeling)|telefonisch aangemeld|"
       r"mondeling aangemeld|(?:gebeld|gebelt) om (?:hem |haar |mij |me )?aan te melden|aangemeld (?:via|per) (?:de )?telefoon", False),
      (r"schriftelijk|per (?:e-?)?mail|via (?:de )?(?:e-?)?mail|(?:e-?)?mail gestuurd|gemaild|per brief|brief gestuurd|"
       r"aanmeldformulier|formulier ingevuld|formulier opgestuurd|aangetekend", True))
_rules("besluit",
      (r"afgewezen|geweigerd|\bweiger(?:t|en|de)\b|niet toegelaten|niet aangenomen|"
       r"(?:wil|willen|wilde|kan|kunnen) (?:hem|haar|mij|me|ons kind|onze zoon|onze dochter)? ?niet (?:toelaten|aannemen|plaatsen|hebben)|"
       r"geen plek (?:voor|heeft|hebben)|\bvol\b", "afgewezen"),
      (r"\btoegelaten\b|\baangenomen\b|mag (?:er )?(?:beginnen|starten)", "toegelaten"))
_rules("besluit_ontvangen",
      (r"(?:nog )?(?:geen|niks|niets) (?:besluit|antwoord|reactie|bericht|beslissing)|nog (?:niks|niets) gehoord|"
       r"wacht(?:en)? (?:nog )?(?:steeds )?op (?:een |het )?(?:besluit|antwoord|beslissing)|niet beslist", False),
      (r"besluit (?:gekregen|ontvangen)|beslissing (?:gekregen|ontvangen)|brief gekregen|afgewezen|geweigerd|toegelaten|"
       r"niet aangenomen|aangenomen", True))
_rules("verlenging",
      (r"niet verlengd|geen verlenging", False),
      (r"verleng|(?:4|vier) weken (?:extra|langer|erbij)|extra tijd|langer de tijd|termijn (?:is )?opgeschoven|uitgesteld", True))
_rules("geschorst",
      (r"\bniet geschorst|geen schorsing", False),
      (r"geschorst|schorsing", True))
_rules("verwijderd",
      (r"\bniet verwijderd", False),
      (DATE_KEYWORDS["verwijderd_op"] + r"|mag niet meer (?:terug)?komen", True))
_rules("ingeschreven",
      (r"(?:nergens|niet|niet meer|nog niet) (?:\w+ )?ingeschreven|uitgeschreven|(?:heeft|hebben|heb) geen school|"
       r"\bgeen school(?:plek)?\b|zonder school|geen plek op (?:een|school)|nergens (?:welkom|plek)", False),
      (r"(?:staat|sta|is|ben|zit) (?:nog |wel )*ingeschreven|nog ingeschreven|op (?:de|een) (?:\w+ )?school (?:staat|ingeschreven)", True))
_rules("zonder_onderwijs",
      (r"(?:krijgt|kreeg|krijg|krijgen|heeft|hebben|heb) (?:\w+ )?(?:helemaal )?(?:geen|niks|niets) (?:les|lessen|onderwijs|huiswerk|schoolwerk)|"
       r"geen (?:les|lessen|onderwijs) meer|zonder (?:les|onderwijs)|niks van school|niets van school|geen (?:enkel )?onderwijs", True),
      (r"(?:krijgt|krijg|krijgen|kreeg) (?:wel |nu |thuis |online )*(?:les|lessen|onderwijs|huiswerk|schoolwerk)|"
       r"thuisonderwijs|onderwijs op afstand|afstandsonderwijs|online les|(?:paar|aantal) uur (?:per week |in de week )?(?:les|naar school)|"
       r"halve dagen|deeltijd|rooster op maat|aangepast rooster|ziekenhuisonderwijs", False))
_rules("vrijstelling",
      (r"(?:geen|niet|nooit) (?:\w+ )?(?:vrijstelling|vrijgesteld)", False),
      (r"vrijstelling|vrijgesteld|\b5 ?onder ?a\b|\b5 ?a\b|artikel 5\b", True))
_rules("tlv_oneens",
      (r"(?:\btlv|toelaatbaarheidsverklaring)\W+(?:\w+\W+){0,6}?(?:afgewezen|geweigerd|niet gekregen|oneens|niet (?:mee )?eens|klopt niet|niet goed)|"
       r"(?:oneens|niet eens|bezwaar) (?:\w+ ){0,3}(?:tlv|toelaatbaarheidsverklaring)|geen tlv gekregen|tlv (?:is )?geweigerd", True))
_rules("rechtszaak",
      (r"(?:naar de rechter (?:gestapt|gegaan)|rechtszaak (?:loopt|gestart|begonnen|aangespannen)|kort geding (?:loopt|aangespannen|gestart)|"
       r"bij de rechter|zaak bij de rechtbank)", True))
_rules("schooltype",
      (r"\bmbo\b|\broc\b|\bbbl\b|\bbol\b", "mbo"),
      (r"middelbare|brugklas|brugjaar|\bklas [1-6]\b|\b[1-6](?:e|de) klas\b|vmbo|havo|\bvwo\b|gymnasium|atheneum|praktijkonderwijs|"
       r"\bvso\b|\bvo\b|lyceum|mavo", "vo"),
      (r"basisschool|basis school|\bgroep [1-8]\b|\bsbo\b|speciaal basisonderwijs|kleuter|\bpo\b|\bso\b", "po"))

_AGE = re.compile(
    r"\b(?:is|ben|wordt|word|van|zoon|dochter|kind|jongen|meisje|leeftijd|nu|pas|net|bijna)\s+"
    r"(?:(?!op\b|in\b|sinds\b|vanaf\b|per\b|tot\b|voor\b|na\b|al\b|om\b|de\b|het\b)\w+\s+)?\(?(\d{1,2})\)?"
    r"(?!\s*(?:" + "|".join(MONTHS) + r")\b)"
    r"(?:\s*(?:jaar|jr|jarig))?(?!\s*(?:weken|week|maanden|maand|dagen|dag|uur|keer|minuten|%|-|/|\.\d))\b"
    r"|\((\d{1,2})\)|\b(\d{1,2})\s*(?:jaar|jr)(?: oud)?\b(?!\s*(?:geleden|terug))")
_NOTHING_DONE = re.compile(
    r"(?:nog )?(?:niks|niets|helemaal niks|helemaal niets|geen stappen) (?:\w+ )?(?:gedaan|ondernomen|gezet)|"
    r"nog (?:nergens|niemand) (?:\w+ )?(?:geweest|gebeld|gesproken)|weet niet waar (?:ik|we) moet|weten niet waar we moeten beginnen")


def extract_situation(text: str, today: date, previous: Optional[Situation] = None,
                      expecting: Optional[str] = None) -> Situation:
    """What ``text`` says about the situation, merged onto ``previous``.

    ``expecting`` is the field the assistant just asked about (``Question.veld``): a bare answer
    ("15 september", "ja", "nee") then fills that field.
    """
    base = previous if isinstance(previous, Situation) else Situation()
    if not isinstance(text, str) or not text.strip():
        return base
    t = prepare(text)
    found = _facts(t, today, expecting)
    danger = detect_danger(text)
    if danger:
        found = replace(found, veiligheid=danger.kind)
    return base.merge(found)


# A field whose rules only apply when the message is about that topic.
_GUARDS = {
    "schriftelijk": re.compile(r"aangemeld|aanmeld|inschrijv|ingeschreven|aan te melden"),
    "besluit": re.compile(r"aangemeld|aanmeld|inschrijv|ingeschreven|school|besluit|toelat|plek"),
}


def _facts(t: str, today: date, expecting: Optional[str]) -> Situation:
    values: dict = {}
    for field, rules in _RULES.items():
        guard = _GUARDS.get(field)
        if guard and not guard.search(t) and expecting != field:
            continue
        for pattern, value in rules:
            if pattern.search(t):
                values[field] = value
                break
    age = _age(t)
    if age is not None:
        values["leeftijd"] = age
    values.update(_dates(t, today, expecting, values))
    if values.get("aangemeld_op") is not None and "aangemeld" not in values:
        values["aangemeld"] = True
    if values.get("schriftelijk") is not None and "aangemeld" not in values:
        values["aangemeld"] = True
    if values.get("schorsing_sinds") and "geschorst" not in values:
        values["geschorst"] = True
    days = _suspension_days(t)
    if days is not None:
        values["schorsing_dagen"] = days
        values.setdefault("geschorst", True)
    steps = extract_steps(t, prepared=True)
    if not steps and _NOTHING_DONE.search(t):
        steps = {s: False for s in ("school", "leerplicht", "swv", "onderwijsconsulent")}
    values.update(_answer(t, expecting, values))
    return Situation(stappen=steps, **values)


def _answer(t: str, expecting: Optional[str], values: dict) -> dict:
    """A short yes/no answer to the question just asked."""
    if not expecting or expecting in values:
        return {}
    yes = re.fullmatch(r"\W*(?:ja|jawel|jep|yes|klopt|zeker|ja hoor|jazeker|wel)\b.*", t)
    no = re.fullmatch(r"\W*(?:nee|neen|nope|nog niet|niet|no)\b.*", t)
    if expecting in ("schriftelijk", "ingeschreven", "zonder_onderwijs", "vrijstelling", "aangemeld",
                     "besluit_ontvangen", "verlenging", "geschorst") and (yes or no):
        return {expecting: bool(yes)}
    return {}


def _age(t: str) -> Optional[int]:
    for m in _AGE.finditer(t):
        raw = m.group(1) or m.group(2) or m.group(3)
        if raw is None:
            continue
        before = t[max(0, m.start() - 8):m.start()]
        if re.search(r"(?:groep|klas|artikel|nummer|nr)\s*$", before):
            continue
        value = int(raw)
        if 2 <= value <= 25:
            return value
    return None


_SUSPENSION_DAYS = re.compile(
    r"(?:geschorst|schorsing)\s+(?:voor|van|met)?\s*(?:de duur van\s+)?(\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"
    r"\s+(school)?(dagen|dag|weken|week)"
    r"|(?<!al )(?<!al ruim )\b(\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(school)?(dagen|dag|weken|week)\s+geschorst")
_SMALL = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10}


def _suspension_days(t: str) -> Optional[int]:
    m = _SUSPENSION_DAYS.search(t)
    if not m:
        return None
    num = m.group(1) or m.group(4)
    unit = m.group(3) or m.group(6)
    n = _SMALL.get(num) or int(num)
    return n * 5 if unit.startswith("week") else n


def _dates(t: str, today: date, expecting: Optional[str], facts: dict) -> dict:
    """Each field gets the date whose keyword stands nearest to it; a date without a keyword in its
    clause counts as farther than any with one, so it only fills a field nobody else claims."""
    chosen: dict = {}
    for mention in find_dates(t, today, prepared=True):
        field, distance = _field_for(t, mention, expecting, facts)
        if not field or field == _NO_FIELD:
            continue
        if field not in chosen or distance < chosen[field][0]:
            chosen[field] = (distance, mention.fact)
    return {field: fact for field, (_, fact) in chosen.items()}


def _field_for(t: str, mention: DateMention, expecting: Optional[str], facts: dict) -> tuple[Optional[str], float]:
    """The field ``mention`` belongs to, and how far its keyword stands (infinite: no keyword)."""
    start, end = _clause_bounds(t, mention.start)
    clause = t[start:end]
    best, best_distance = None, None
    patterns = [*_KEYWORDS.items(), (_NO_FIELD, _NO_FIELD_KEYWORDS)]
    for field, pattern in patterns:
        for m in pattern.finditer(clause):
            k_start, k_end = start + m.start(), start + m.end()
            distance = max(0, mention.start - k_end, k_start - mention.end)
            if best_distance is None or distance < best_distance:
                best, best_distance = field, distance
    if best == "besluit_op" and _KEYWORDS["tlv_op"].search(clause):
        best = "tlv_op"  # "het besluit over de tlv"
    if best == "schorsing_sinds" and mention.kind == "duur" and not re.search(r"\bal\b|sinds|geleden", mention.fact.text):
        return None, 0  # "5 dagen geschorst": a length, handled by _suspension_days
    if best:
        return best, best_distance
    far = float("inf")
    if expecting in _KEYWORDS:
        return expecting, far
    if mention.kind == "duur" or re.match(r"(?:sinds|vanaf|na)\b", mention.fact.text):
        return "thuis_sinds", far
    return ("thuis_sinds" if not facts.get("aangemeld") else None), far


def _clause_bounds(t: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE.finditer(t):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, len(t)
