"""A help request as confirmed by the user, and the checks the store applies before writing it.

The form validates answers with friendly messages; these checks are the last line of defence: the
store refuses (``HelpRequestInvalid``) anything it should never persist, whoever the caller is (the form,
a hand-written tracker, the CLI). Free text is kept as plain text: control characters are removed,
nothing is interpreted, and it is never rendered as HTML. A free-text field with a BSN-like number (the
form's own detection, ``bot.signals.bsn.mentions_bsn``: nine digits passing the elfproef, or
the word BSN with a long number) or with markup (an HTML tag, ``javascript:``) is refused as a whole.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from bot.signals.bsn import mentions_bsn

ROLLEN = ("ouder", "jongere", "professional")
GEPROBEERD = ("school", "leerplicht", "samenwerkingsverband", "onderwijsconsulent", "jeugdhulp")
_KANAAL = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")  # chat, spraak, widget, ...
MAX_HULPVRAAG = 1000
MAX_KORT = 200
MAX_STAPPENPLAN = 4000
_GM = re.compile(r"^GM\d{4}$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]{2,}$")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]{0,500}>|<\s*/?\s*(?:script|img|svg|iframe|style|a)\b|"
                     r"javascript\s*:|&#x?[0-9a-f]+;|&[a-z]+;", re.I)
FREE_TEXT_FIELDS = ("gemeente_naam", "schoolfase", "schooltype", "thuis_sinds", "voorkeurstijd", "hulpvraag",
                    "stappenplan")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class HelpRequestInvalid(ValueError):
    """The request cannot be stored as it is; ``problemen`` lists the fields (for logs, not for users)."""

    def __init__(self, problemen: list[str]):
        super().__init__("; ".join(problemen))
        self.problemen = problemen


@dataclass
class HelpRequest:
    gesprek_id: str
    rol: str
    gemeente_code: str = ""
    gemeente_naam: str = ""
    leeftijd: int | None = None
    schoolfase: str = ""
    schooltype: str = ""
    thuis_sinds: str = ""
    geprobeerd: list[str] = field(default_factory=list)
    hulpvraag: str = ""
    telefoon: str = ""
    email: str = ""
    voorkeurstijd: str = ""
    toestemming: bool = False
    kanaal: str = "chat"
    stappenplan: str = ""


@dataclass(frozen=True)
class Receipt:
    reference: str
    contactpunt_naam: str
    reactietermijn_werkdagen: int
    status: str
    contactpunt_telefoon: str = ""

    def contact_uiterlijk(self, vandaag: date) -> date:
        """The last working day (Mon-Fri, no public holiday) by which the contact point is expected to respond."""
        return werkdagen_later(vandaag, self.reactietermijn_werkdagen)


def werkdagen_later(start: date, werkdagen: int) -> date:
    """The day ``werkdagen`` working days after ``start``: weekends and the Algemene termijnenwet's
    feestdagen do not count (``bot.hulpvraag.feestdagen``)."""
    from datetime import timedelta

    from bot.hulpvraag.feestdagen import is_werkdag

    d, left = start, werkdagen
    while left > 0:
        d += timedelta(days=1)
        if is_werkdag(d):
            left -= 1
    return d


def clean_text(value, limit: int, multiline: bool = False) -> str:
    """Plain text: NFC, no control/bidi characters, trimmed. Newlines only where multiline."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = _CONTROL.sub("", re.sub(r"[\t\r\n]+", " ", text))
    return text.strip()[: limit + 1]  # one over: lets the length check see it was too long


def contains_markup(text: str) -> bool:
    """An HTML tag (or the start of a dangerous one), a ``javascript:`` URL or an HTML entity."""
    return bool(_MARKUP.search(text or ""))


def validated_fields(req: HelpRequest) -> dict:
    """Column values for a request, or HelpRequestInvalid. Never returns gesprek_id-free data silently:
    every field is checked and cleaned here."""
    problems: list[str] = []
    out: dict = {}
    if req.toestemming is not True:
        problems.append("toestemming ontbreekt")
    gesprek = clean_text(req.gesprek_id, 255)
    if not gesprek or len(gesprek) > 255:
        problems.append("gesprek_id ontbreekt of is te lang")
    out["gesprek_id"] = gesprek
    if req.rol not in ROLLEN:
        problems.append(f"rol moet een van {ROLLEN} zijn")
    out["rol"] = req.rol
    code = clean_text(req.gemeente_code, 10).upper()
    if code and not _GM.match(code):
        problems.append("gemeente_code moet GMxxxx zijn")
    out["gemeente_code"] = code
    if req.leeftijd is not None and (isinstance(req.leeftijd, bool) or not isinstance(req.leeftijd, int)
                                     or not 0 <= req.leeftijd <= 30):
        problems.append("leeftijd moet een geheel getal van 0 tot en met 30 zijn")
    out["leeftijd"] = req.leeftijd
    for name in ("gemeente_naam", "schoolfase", "schooltype", "thuis_sinds", "voorkeurstijd"):
        value = clean_text(getattr(req, name), MAX_KORT)
        if len(value) > MAX_KORT:
            problems.append(f"{name} is langer dan {MAX_KORT} tekens")
        out[name] = value
    hulpvraag = clean_text(req.hulpvraag, MAX_HULPVRAAG, multiline=True)
    if len(hulpvraag) > MAX_HULPVRAAG:
        problems.append(f"hulpvraag is langer dan {MAX_HULPVRAAG} tekens")
    out["hulpvraag"] = hulpvraag
    stappenplan = clean_text(req.stappenplan, MAX_STAPPENPLAN, multiline=True)
    if len(stappenplan) > MAX_STAPPENPLAN:
        problems.append(f"stappenplan is langer dan {MAX_STAPPENPLAN} tekens")
    out["stappenplan"] = stappenplan
    geprobeerd = list(req.geprobeerd or [])
    if any(g not in GEPROBEERD for g in geprobeerd):
        problems.append(f"geprobeerd mag alleen {GEPROBEERD} bevatten")
    out["geprobeerd"] = [g for g in GEPROBEERD if g in geprobeerd]  # fixed order, no duplicates
    telefoon = clean_text(req.telefoon, 20).replace(" ", "")
    if telefoon and not _E164.match(telefoon):
        problems.append("telefoon moet in E.164-vorm zijn (+31...)")
    email = clean_text(req.email, 254)
    if email and (len(email) > 254 or not _EMAIL.match(email)):
        problems.append("email is geen e-mailadres")
    if not telefoon and not email:
        problems.append("telefoon of email is nodig")
    out["telefoon"], out["email"] = telefoon, email
    if not isinstance(req.kanaal, str) or not _KANAAL.match(req.kanaal):
        problems.append("kanaal moet een korte naam zijn (chat, spraak, ...)")
    out["kanaal"] = req.kanaal
    for name in FREE_TEXT_FIELDS:
        value = out.get(name) or ""
        if mentions_bsn(value):
            problems.append(f"{name} bevat een BSN-achtig nummer")
        if contains_markup(value):
            problems.append(f"{name} bevat opmaak (HTML)")
    if problems:
        raise HelpRequestInvalid(problems)
    return out
