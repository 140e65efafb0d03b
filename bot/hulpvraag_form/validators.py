"""One parse function per form field: the user's text in, a slot value or an error code out.

``parse(slot, text, entities, ctx_today)`` dispatches. A parser never raises on user input and
never decides about stop/skip (see ``control``); ``flow.validate`` does that around it.
Error codes are listed per field in ``fields.FIELDS`` and have a text in content/hulpvraag.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping, Optional, Sequence

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.age import parse_age, school_type
from bot.hulpvraag_form.contact import parse_contact
from bot.signals.control_words import normalized, yes_no
from bot.signals.bsn import clean_free_text
from bot.hulpvraag_form.when import parse_since
from bot.signals.language import DUTCH, detect_language
from bot.signals.normalize import fold

MAX_HULPVRAAG = 1000
MIN_HULPVRAAG_LETTERS = 8
_GM_CODE = re.compile(r"^\s*(?:/\w+\s*)?(GM\d{4})\s*$", re.I)


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    error: Optional[str] = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # other slots this answer also fills
    note: Optional[str] = None  # text key for a short remark after accepting (e.g. other language)
    params: Mapping[str, Any] = field(default_factory=dict)  # values for the error text
    buttons: Sequence[tuple[str, str]] = ()  # choices to show with the error (ambiguous place)

    @property
    def ok(self) -> bool:
        return self.error is None and self.value is not None


# --- role ------------------------------------------------------------------------------

_ROLE_WORDS: Mapping[str, tuple[str, ...]] = {
    "ouder": ("ouder", "ouders", "verzorger", "verzorgster", "moeder", "vader", "mama", "papa", "mam",
              "pap", "pleegouder", "pleegmoeder", "pleegvader", "voogd", "stiefvader", "stiefmoeder",
              "stiefouder", "opa", "oma", "grootouder", "gezaghebber", "mijn kind", "mijn zoon",
              "mijn dochter", "ons kind", "onze zoon", "onze dochter", "parent", "mother", "father"),
    "jongere": ("jongere", "jongeren", "jongen", "meisje", "leerling", "scholier", "student", "ik zelf",
                "mezelf", "mijzelf", "ikzelf", "zelf", "over mij", "voor mij", "ik ben de jongere",
                "ik zit thuis", "tiener", "puber", "ik ben het kind", "het gaat om mij", "dat ben ik"),
    "professional": ("professional", "professioneel", "prof", "leerkracht", "leraar", "lerares",
                     "docent", "mentor", "juf", "meester", "intern begeleider", "ib", "ib er", "iber",
                     "zorgcoordinator", "leerplichtambtenaar", "leerplicht", "consulent",
                     "hulpverlener", "jeugdhulpverlener", "jeugdconsulent", "wijkteam", "begeleider",
                     "coach", "jeugdarts", "psycholoog", "orthopedagoog", "maatschappelijk werker",
                     "schoolmaatschappelijk werker", "werk", "beroep", "via mijn werk", "gedragswetenschapper",
                     "ambulant begeleider", "casusregisseur", "directeur", "teacher"),
}
_WORK = re.compile(r"\b(?:ik werk|werk als|werkzaam|mijn werk|beroep|beroepsmatig|professional|collega|"
                   r"client|clienten|een leerling van|leerling van mij|mijn leerling)\b")
_ROLE_FUZZY = {"ouder": ("ouder", "verzorger", "moeder", "vader"), "jongere": ("jongere", "leerling"),
               "professional": ("professional", "leerkracht", "hulpverlener")}


def parse_rol(text: str, **_: Any) -> Parsed:
    norm = normalized(text)
    if not norm:
        return Parsed(error="onbekend")
    hits = set()
    padded = f" {norm} "
    for role, words in _ROLE_WORDS.items():
        if any(f" {w} " in padded for w in words):
            hits.add(role)
    if "professional" in hits and len(hits) > 1:
        # "ik werk als mentor" is a professional; "mijn zoon zijn mentor" is a parent
        if _WORK.search(norm):
            hits = {"professional"}
        else:
            hits.discard("professional")
    if hits == {"ouder", "jongere"} and not re.search(r"\bjongere\b|\bik ben (?:de |een )?(?:leerling|scholier)\b", norm):
        hits.discard("jongere")  # "ik ben zelf moeder"
    if len(hits) == 1:
        return Parsed(value=hits.pop())
    if not hits and len(norm.split()) <= 2:
        for role, words in _ROLE_FUZZY.items():
            if any(difflib.get_close_matches(token, words, n=1, cutoff=0.78) for token in norm.split()):
                hits.add(role)
        if len(hits) == 1:
            return Parsed(value=hits.pop())
    return Parsed(error="onbekend")


# --- municipality ----------------------------------------------------------------------

def parse_gemeente(text: str, **_: Any) -> Parsed:
    from bot.regio.lookup import DUBBELZINNIG, GEVONDEN, get_index, resolve_place

    code = _GM_CODE.match(text or "")
    if code:  # a button payload with the CBS code
        gm = code.group(1).upper()
        name = get_index().gemeenten.get(gm, {}).get("naam")
        return Parsed(value={"code": gm, "naam": name}) if name else Parsed(error="onbekend")
    try:
        found = resolve_place((text or "")[:500], expecting_place=True)
    except Exception:  # the lookup must never break the form
        return Parsed(error="onbekend")
    if found.status == GEVONDEN and found.gm_code:
        return Parsed(value={"code": found.gm_code, "naam": get_index().gm_name(found.gm_code)})
    if found.status == DUBBELZINNIG and found.candidates:
        labels = [c.label for c in found.candidates]
        return Parsed(error="dubbelzinnig", params={"opties": _or_list(labels)},
                      buttons=[(c.label[:60], c.gm_code) for c in found.candidates[:6]])
    return Parsed(error="onbekend")


def _or_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " of " + items[-1]


# --- age, school type, time at home --------------------------------------------------------

def parse_leeftijd(text: str, today: date, **_: Any) -> Parsed:
    answer = parse_age(fold(text or "")[:300], today)
    if answer.error:
        return Parsed(error=answer.error, params={"leeftijd": answer.given_age})
    extra = {F.SCHOOLTYPE: answer.schooltype} if answer.schooltype else {}
    return Parsed(value=answer.as_slot(), extra=extra)


def parse_schooltype(text: str, **_: Any) -> Parsed:
    found = school_type(normalized(text))
    return Parsed(value=found) if found else Parsed(error="onbekend")


def parse_thuis_sinds(text: str, today: date, **_: Any) -> Parsed:
    clean = clean_free_text(text)[:300]
    since = parse_since(clean, fold(clean), today)
    if since.error:
        return Parsed(error=since.error)
    return Parsed(value=since.as_slot())


# --- what has been tried -------------------------------------------------------------------

TRIED: Mapping[str, tuple[str, ...]] = {
    "school": ("school", "mentor", "leraar", "lerares", "leerkracht", "juf", "meester", "docent",
               "directeur", "directie", "ib", "ib er", "iber", "intern begeleider", "zorgcoordinator",
               "ondersteuningscoordinator", "schoolbestuur", "bestuur", "rector", "teamleider"),
    "leerplicht": ("leerplicht", "leerplichtambtenaar", "leerplichtambtenaren", "rbl", "leerplichtige",
                   "leerrecht", "leerlingzaken", "leerplichtconsulent"),
    "samenwerkingsverband": ("samenwerkingsverband", "swv", "steunpunt", "ouder en jeugdsteunpunt",
                             "oudersteunpunt", "ouder steunpunt", "samenwerkings verband", "tlv"),
    "onderwijsconsulent": ("onderwijsconsulent", "onderwijsconsulenten", "onderwijszorgconsulent",
                           "onderwijs consulent"),
    "jeugdhulp": ("jeugdhulp", "jeugdzorg", "wijkteam", "cjg", "jeugdteam", "sociaal team", "ggz",
                  "psycholoog", "jeugdconsulent", "jeugdarts", "ggd", "huisarts", "therapeut",
                  "hulpverlening", "hulpverlener", "buurtteam", "gebiedsteam", "team jeugd",
                  "jeugdhulpverlener", "zorg", "kinderpsychiater", "praktijkondersteuner"),
}
_NOTHING = re.compile(
    r"^(?:nee |we hebben |ik heb |wij hebben |er is |eigenlijk )?(?:nog )?(?:niks|niets|nix|geen|"
    r"helemaal niets|helemaal niks|nog niet|niemand|nog nergens|nergens|geen idee nog|"
    r"niets geprobeerd|nog niets gedaan|niks gedaan|geen hulp|geen stappen|nog niemand)"
    r"(?: (?:geprobeerd|gedaan|gehad|benaderd|gesproken|nog|eigenlijk|hoor|joh))*$")


def parse_geprobeerd(text: str, **_: Any) -> Parsed:
    norm = normalized(text)
    if not norm:
        return Parsed(error="onbekend")
    if _NOTHING.match(norm):
        return Parsed(value=["nog niets"])
    padded = f" {norm} "
    found = []
    for item, words in TRIED.items():
        for word in words:
            position = padded.find(f" {word} ")
            if position < 0:
                continue
            after = padded[position + len(word) + 2:][:12]
            before = padded[max(0, position - 16):position]
            if after.startswith("niet") or re.search(r"\b(?:niet|geen)(?: (?:bij|met|naar|de|het|een))*\s*$", before):
                continue  # "leerplicht niet", "niet bij de leerplicht"
            found.append(item)
            break
    if not found:
        tokens = norm.split()
        for item, words in TRIED.items():
            if any(difflib.get_close_matches(t, words, n=1, cutoff=0.85) for t in tokens if len(t) >= 5):
                found.append(item)
    return Parsed(value=found) if found else Parsed(error="onbekend")


# --- the help wanted ---------------------------------------------------------------------

def parse_hulpvraag(text: str, **_: Any) -> Parsed:
    clean = clean_free_text(text)
    letters = sum(ch.isalpha() for ch in clean)
    if len(clean) > MAX_HULPVRAAG:
        return Parsed(error="te_lang", params={"lengte": len(clean), "max": MAX_HULPVRAAG})
    if letters < MIN_HULPVRAAG_LETTERS or len(re.findall(r"[^\W\d_]{2,}", clean)) < 2:
        return Parsed(error="te_kort")
    language = detect_language(clean)
    note = "info_andere_taal" if language != DUTCH else None
    return Parsed(value=clean, note=note)


# --- contact, preferred time, consent ------------------------------------------------------

def parse_contact_field(text: str, **_: Any) -> Parsed:
    answer = parse_contact(text)
    return Parsed(error=answer.error) if answer.error else Parsed(value=answer.as_slot())


TIMES: Mapping[str, tuple[str, ...]] = {
    "ochtend": ("ochtend", "ochtends", "s ochtends", "morgen", "morgens", "s morgens", "voor 12",
                "voor twaalf", "voormiddag", "morning", "vroeg"),
    "middag": ("middag", "middags", "s middags", "namiddag", "na de lunch", "na school", "na schooltijd",
               "lunch", "afternoon", "na 12", "na twaalf"),
    "avond": ("avond", "avonds", "s avonds", "na het eten", "na 18", "na zes", "evening", "laat"),
}
_ANY_TIME = re.compile(r"\b(?:maakt (?:niet|niks|geen) uit|maakt me niet uit|altijd|wanneer (?:dan )?ook|"
                       r"hele dag|de hele dag|overdag|geen voorkeur|maakt niet zoveel uit|boeit niet|"
                       r"whatever|alles is goed|om het even|elk moment|allemaal|maakt nie uit)\b")


def parse_voorkeurstijd(text: str, **_: Any) -> Parsed:
    norm = normalized(text)
    if not norm:
        return Parsed(error="onbekend")
    if _ANY_TIME.search(norm):
        return Parsed(value="maakt niet uit")
    padded = f" {norm} "
    found = [t for t, words in TIMES.items() if any(f" {w} " in padded for w in words)]
    if not found:
        found = [t for t in TIMES if difflib.get_close_matches(norm, (t,), n=1, cutoff=0.75)]
    if len(found) == len(TIMES):
        return Parsed(value="maakt niet uit")
    return Parsed(value=" of ".join(found)) if found else Parsed(error="onbekend")


def parse_ja(text: str, **_: Any) -> Parsed:
    """Consent and confirmation: only a clear yes fills the slot; a no is handled by the flow."""
    answer = yes_no(text)
    if answer is True:
        return Parsed(value=True)
    return Parsed(error="nee" if answer is False else "onbekend")


PARSERS: Mapping[str, Callable[..., Parsed]] = {
    F.ROL: parse_rol,
    F.GEMEENTE: parse_gemeente,
    F.LEEFTIJD: parse_leeftijd,
    F.SCHOOLTYPE: parse_schooltype,
    F.THUIS_SINDS: parse_thuis_sinds,
    F.GEPROBEERD: parse_geprobeerd,
    F.HULPVRAAG: parse_hulpvraag,
    F.CONTACT: parse_contact_field,
    F.VOORKEURSTIJD: parse_voorkeurstijd,
    F.TOESTEMMING: parse_ja,
    F.BEVESTIGD: parse_ja,
}


def parse(slot: str, text: str, today: date) -> Parsed:
    """Parse ``text`` as the answer to ``slot``; unknown slots give error ``onbekend``."""
    parser = PARSERS.get(slot)
    if parser is None:
        return Parsed(error="onbekend")
    try:
        return parser(text or "", today=today)
    except Exception:  # hostile or odd input must never crash the form
        return Parsed(error="onbekend")
