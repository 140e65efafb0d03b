"""The summary shown before sending, and reading a correction of it.

``summary_text`` lists the answers (chat: one "- Label: value" line each; phone: short spoken
sentences with numbers and addresses spelled out). ``parse_correction`` finds the field(s) a
correction is about: by name ("het telefoonnummer klopt niet", "verander mijn mail") or, without
a name, by the kind of value ("nee hij is 12" -> age, an e-mail address -> contact).
"""
from __future__ import annotations

import re
from typing import Any, Mapping, Optional

import phonenumbers

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.contact import voice_spelled_email, voice_spelled_phone
from bot.hulpvraag_form.context import FormContext, label, text
from bot.signals.control_words import normalized

VOICE_MAX_FREE_TEXT = 300

CORRECTION_PATTERNS: Mapping[str, str] = {
    F.ROL: r"\brol\b|\bwie ik ben\b|\bik ben (?:geen|de|een|wel|juist) (?:ouder|moeder|vader|jongere|professional)\b"
           r"|\bniet de (?:ouder|jongere)\b",
    F.GEMEENTE: r"\bgemeente\b|\bwoonplaats\b|\bplaats\b|\bstad\b|\bdorp\b|\bik woon\b|\bwe wonen\b|\bpostcode\b",
    F.LEEFTIJD: r"\bleeftijd\b|\bhoe oud\b|\b\d{1,2} jaar oud\b|\bgroep \d\b|\bklas\b|\bbrugklas\b"
                r"|\b(?:is|ben|wordt|zit in) (?:pas |al |net |bijna )?\d{1,2}\b(?! (?:weken|week|maanden|maand|dagen|dag))"
                r"|\bgeen \d{1,2}\b",
    F.SCHOOLTYPE: r"\bschooltype\b|\bsoort school\b|\btype school\b|\bschoolsoort\b|\bniveau\b"
                  r"|\b(?:vmbo|havo|vwo|mavo|basisschool|praktijkonderwijs|speciaal onderwijs|mbo)\b",
    F.THUIS_SINDS: r"\bthuis\b|\bsinds\b|\bhoe lang\b|\bweken\b|\bmaanden\b|\bdatum\b|\bthuiszit\w*",
    F.GEPROBEERD: r"\bgeprobeerd\b|\bgedaan\b|\bstappen\b|\bgesproken\b|\bgepraat\b|\bleerplicht\b|\bwijkteam\b"
                  r"|\bonderwijsconsulent\b|\bsamenwerkingsverband\b|\bjeugdhulp\b",
    F.HULPVRAAG: r"\bhulpvraag\b|\bmijn vraag\b|\bde vraag\b|\bverhaal\b|\btekst\b|\bbericht\b|\bbeschrijving\b"
                 r"|\bwat ik schreef\b|\buitleg\b",
    F.CONTACT: r"\btelefoon\w*|\b(?:tel|mobiel|mobieltje|gsm)\b|\bnummer\b|\b06\b|\bmail\w*|\be mail\w*|\bemail\w*"
               r"|\bcontact\w*|\bbellen\b|@",
    F.VOORKEURSTIJD: r"\btijd\b|\btijdstip\b|\bochtend\b|\bmiddag\b|\bavond\b|\bwanneer\b|\bbeste tijd\b",
}
_PATTERNS = {slot: re.compile(p) for slot, p in CORRECTION_PATTERNS.items()}
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.I)
_PHONE = re.compile(r"(?:\+|\b0)\d[\d \-]{7,14}\d")
CHANGE_PAYLOAD = "verander {}"  # button payload for "what do you want to change?"
CHANGE_WORDS: Mapping[str, str] = {  # the word the button payload uses; matched by the patterns
    F.ROL: "rol", F.GEMEENTE: "gemeente", F.LEEFTIJD: "leeftijd", F.SCHOOLTYPE: "schooltype",
    F.THUIS_SINDS: "sinds", F.GEPROBEERD: "geprobeerd", F.HULPVRAAG: "hulpvraag", F.CONTACT: "contact",
    F.VOORKEURSTIJD: "tijd",
}


def parse_correction(user_text: Optional[str]) -> list[str]:
    """The slots a correction names, in form order; [] when it names none."""
    raw = (user_text or "")[:1000]
    norm = normalized(raw)
    found = [slot for slot, pattern in _PATTERNS.items() if pattern.search(norm)]
    if not found and (_EMAIL.search(raw) or _PHONE.search(raw)):
        found = [F.CONTACT]
    if F.THUIS_SINDS in found and F.LEEFTIJD in found and not re.search(r"\bleeftijd\b|\boud\b", norm):
        found.remove(F.LEEFTIJD)  # "hij zit al 1 jaar thuis"
    if F.GEPROBEERD in found and F.HULPVRAAG in found and not re.search(r"\bgeprobeerd\b|\bgedaan\b", norm):
        found.remove(F.GEPROBEERD)  # "in mijn vraag staat leerplicht"
    return [slot for slot in F.ORDER if slot in found]


# --- rendering the answers ---------------------------------------------------------------

def _age(value: Any, ctx: FormContext) -> Optional[str]:
    if not isinstance(value, Mapping):
        return None
    parts = []
    if isinstance(value.get("leeftijd"), int):
        parts.append(f"{value['leeftijd']} {label(ctx, 'jaar')}")
    if value.get("schoolfase"):
        parts.append(str(value["schoolfase"]))
    return ", ".join(parts) or None


def _contact(value: Any, ctx: FormContext) -> Optional[str]:
    if not isinstance(value, Mapping):
        return None
    parts = []
    if value.get("telefoon"):
        phone = str(value["telefoon"])
        if ctx.voice:
            shown = voice_spelled_phone(phone)
        else:
            try:
                shown = phonenumbers.format_number(phonenumbers.parse(phone, "NL"),
                                                   phonenumbers.PhoneNumberFormat.NATIONAL)
            except phonenumbers.NumberParseException:
                shown = phone
        parts.append(f"{label(ctx, 'telefoon')} {shown}")
    if value.get("email"):
        email = str(value["email"])
        parts.append(f"{label(ctx, 'email')} {voice_spelled_email(email) if ctx.voice else email}")
    return ", ".join(parts) or None


def _list(value: Any, ctx: FormContext, prefix: str) -> Optional[str]:
    if not isinstance(value, list) or not value:
        return None
    shown = []
    for item in value:
        key = f"{prefix}{item}"
        shown.append(label(ctx, key).lower() if ctx.library.has_label(key) else str(item))
    return ", ".join(shown)


def value_text(slot: str, filled: Mapping[str, Any], ctx: FormContext) -> Optional[str]:
    """How one answer is shown in the summary; None when it was not given."""
    value = filled.get(slot)
    if F.is_skipped(value):
        return None
    if slot == F.ROL:
        return label(ctx, f"rol_{value}").lower() if value in F.ROLES else None
    if slot == F.GEMEENTE:
        return (value.get("naam") if isinstance(value, Mapping) else None) or ctx.gemeente_naam
    if slot == F.LEEFTIJD:
        return _age(value, ctx)
    if slot == F.THUIS_SINDS:
        return value.get("tekst") if isinstance(value, Mapping) else None
    if slot == F.GEPROBEERD:
        return _list(value, ctx, "geprobeerd_")
    if slot == F.CONTACT:
        return _contact(value, ctx)
    if slot == F.HULPVRAAG and isinstance(value, str) and ctx.voice and len(value) > VOICE_MAX_FREE_TEXT:
        return value[:VOICE_MAX_FREE_TEXT].rsplit(" ", 1)[0] + " ..."
    return str(value) if isinstance(value, str) and value else None


SUMMARY_SLOTS = (F.ROL, F.GEMEENTE, F.LEEFTIJD, F.SCHOOLTYPE, F.THUIS_SINDS, F.GEPROBEERD,
                 F.HULPVRAAG, F.CONTACT, F.VOORKEURSTIJD)


def summary_lines(filled: Mapping[str, Any], ctx: FormContext) -> list[str]:
    lines = []
    for slot in SUMMARY_SLOTS:
        shown = value_text(slot, filled, ctx) or label(ctx, "niet_ingevuld")
        name = label(ctx, f"label_{F.BY_SLOT[slot].name}")
        if ctx.voice:
            lines.append(f"{name}: {shown.rstrip('.!?')}.")
        else:
            lines.append(f"- {name}: {shown}")
    return lines


def summary_text(filled: Mapping[str, Any], ctx: FormContext) -> str:
    head = text(ctx, filled, "samenvatting_kop", contactpunt=ctx.contactpunt_naam)
    return "\n".join([head] + summary_lines(filled, ctx))
