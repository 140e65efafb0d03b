"""After the form: the fields for storage, and the messages for sent, failed and withdrawn.

``request_fields`` gives exactly the confirmed answers (never the transcript) as keyword
arguments for the stored help request. Skipped answers become None (or [] for ``geprobeerd``).
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.age import NUMBER_WORDS, maybe_under_16
from bot.hulpvraag_form.context import FormContext, reply, text
from bot.turn.replies import Reply

WITHDRAW_RESULTS = {
    "ingetrokken": "ingetrokken",  # withdrawn before delivery
    "al_verwerkt": "intrekken_al_verwerkt",  # the contact point already has it
    "al_afgerond": "intrekken_al_verwerkt",  # the store's name for the same
    "bevestig": "intrekken_bevestigen",  # ask before withdrawing the one request of this conversation
    "niet_gevonden": "intrekken_niet_gevonden",  # no such reference in this conversation
    "mislukt": "intrekken_mislukt",  # storage error
}
_SPOKEN_NUMBERS = {value: word for word, value in NUMBER_WORDS.items()
                   if word.isalpha() and word not in ("één",) and value <= 20}


def _value(filled: Mapping[str, Any], slot: str) -> Any:
    value = filled.get(slot)
    return None if F.is_skipped(value) else value


def request_fields(filled: Mapping[str, Any], ctx: FormContext) -> dict[str, Any]:
    """Keyword arguments for the stored HelpRequest."""
    gemeente = _value(filled, F.GEMEENTE)
    gemeente = gemeente if isinstance(gemeente, Mapping) else {}
    age = _value(filled, F.LEEFTIJD)
    age = age if isinstance(age, Mapping) else {}
    since = _value(filled, F.THUIS_SINDS)
    contact = _value(filled, F.CONTACT)
    contact = contact if isinstance(contact, Mapping) else {}
    tried = _value(filled, F.GEPROBEERD)
    return {
        "rol": _value(filled, F.ROL),
        "gemeente_code": gemeente.get("code") or ctx.gemeente_code,
        "gemeente_naam": gemeente.get("naam") or ctx.gemeente_naam,
        "leeftijd": age.get("leeftijd") if isinstance(age.get("leeftijd"), int) else None,
        "schoolfase": age.get("schoolfase"),
        "schooltype": _value(filled, F.SCHOOLTYPE),
        "thuis_sinds": since_text(since),
        "geprobeerd": list(tried) if isinstance(tried, list) else [],
        "hulpvraag": _value(filled, F.HULPVRAAG),
        "telefoon": contact.get("telefoon"),
        "email": contact.get("email"),
        "voorkeurstijd": _value(filled, F.VOORKEURSTIJD),
        "toestemming": filled.get(F.TOESTEMMING) is True,
    }


def since_text(since: Any) -> str | None:
    """"al 6 weken (vanaf ongeveer 2026-10-13)"; the user's words with the date when clear."""
    if not isinstance(since, Mapping) or not since.get("tekst"):
        return None
    words = str(since["tekst"])
    if since.get("datum"):
        about = "ongeveer " if since.get("ongeveer") else ""
        return f"{words} (vanaf {about}{since['datum']})"
    return words


def spoken_reference(reference: str) -> str:
    """"HV-2026-0042" -> "H V, 2 0 2, 6 0 0, 4 2": characters one by one, in groups of three."""
    chars = [c.upper() for c in str(reference) if c.isalnum()]
    groups, current = [], []
    for index, char in enumerate(chars):
        if current and (len(current) == 3 or char.isalpha() != chars[index - 1].isalpha()):
            groups.append(current)
            current = []
        current.append(char)
    if current:
        groups.append(current)
    return ", ".join(" ".join(group) for group in groups)


def term_text(werkdagen: int, voice: bool) -> str:
    days = max(1, int(werkdagen))
    unit = "werkdag" if days == 1 else "werkdagen"
    number = _SPOKEN_NUMBERS.get(days, str(days)) if voice else str(days)
    return f"{number} {unit}"


def confirmation(reference: str, contactpunt_naam: str, werkdagen: int,
                 filled: Mapping[str, Any], ctx: FormContext) -> list[Reply]:
    """Sent: the reference, who received it, when to expect contact; for a young person who may
    be under 16, plainly what happens next and that a parent may be involved."""
    shown_reference = spoken_reference(reference) if ctx.voice else str(reference)
    parts = [text(ctx, filled, "bevestiging", referentie=shown_reference, contactpunt=contactpunt_naam,
                  termijn=term_text(werkdagen, ctx.voice))]
    if F.role(filled) == F.YOUTH_ROLE and maybe_under_16(filled.get(F.LEEFTIJD)):
        parts.append(text(ctx, filled, "bevestiging_jonger_dan_16"))
    return [reply(ctx, parts, answer_id="hulpvraag.bevestiging")]


def storage_failed(ctx: FormContext) -> list[Reply]:
    return [reply(ctx, [text(ctx, {}, "opslaan_mislukt")], answer_id="hulpvraag.opslaan_mislukt")]


def withdrawn(result: str, reference: str, ctx: FormContext) -> list[Reply]:
    """The answer to "trek mijn hulpvraag in"; ``result`` is one of WITHDRAW_RESULTS."""
    key = WITHDRAW_RESULTS.get(result, "intrekken_mislukt")
    safe_reference = re.sub(r"[^\w\-]", "", str(reference or ""))[:40]
    shown = spoken_reference(safe_reference) if ctx.voice else safe_reference
    return [reply(ctx, [text(ctx, {}, key, referentie=shown)], answer_id=f"hulpvraag.{key}")]

