"""What a contact point receives: only the confirmed fields, never the transcript or conversation id.

The same content is rendered as JSON (webhook) and as plain text (e-mail). Free text stays plain text:
JSON-encoded, or written into a text/plain body; it is never put into HTML.
"""
from __future__ import annotations

import json
from datetime import datetime

from bot.clock import dutch_date_and_time
from bot.hulpvraag.schema import SOORT_INTREKKING

VERSION = 1
ROL_TEKST = {"ouder": "ouder of verzorger", "jongere": "jongere zelf", "professional": "professional"}


def _iso(value) -> str:
    return value.replace(microsecond=0).isoformat() + "Z" if isinstance(value, datetime) else str(value or "")


def payload(soort: str, request: dict) -> dict:
    if soort == SOORT_INTREKKING:
        return {"type": "wegwijzer.hulpverzoek.intrekking", "versie": VERSION, "referentie": request["referentie"],
                "ingetrokken_op": _iso(request.get("afgesloten_op"))}
    r = request
    return {
        "type": "wegwijzer.hulpverzoek", "versie": VERSION,
        "referentie": r["referentie"], "aangemaakt_op": _iso(r["aangemaakt_op"]),
        "contactpunt": {"naam": r["contactpunt_naam"], "gebied": r["contactpunt_gebied"]},
        "reactietermijn_werkdagen": r["reactietermijn_werkdagen"],
        "gemeente": {"code": r["gemeente_code"], "naam": r["gemeente_naam"]},
        "rol": r["rol"],
        "kind": {"leeftijd": r["leeftijd"], "schoolfase": r["schoolfase"], "schooltype": r["schooltype"],
                 "thuis_sinds": r["thuis_sinds"]},
        "geprobeerd": [g for g in (r["geprobeerd"] or "").split(",") if g],
        "hulpvraag": r["hulpvraag"],
        "contact": {"telefoon": r["telefoon"], "email": r["email"], "voorkeurstijd": r["voorkeurstijd"]},
        "toestemming": bool(r["toestemming"]),
        "kanaal": r["kanaal"],
        "stappenplan": r["stappenplan"],
    }


def json_body(soort: str, request: dict) -> bytes:
    """Deterministic bytes: the same request gives the same body on every attempt."""
    return json.dumps(payload(soort, request), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _line(label: str, value) -> str:
    return f"{label}: {value if value not in (None, '', []) else '(niet ingevuld)'}"


def text_body(soort: str, request: dict) -> tuple[str, str]:
    """(subject, plain-text body) for e-mail."""
    p = payload(soort, request)
    ref = p["referentie"]
    if soort == SOORT_INTREKKING:
        return (f"Hulpvraag {ref} ingetrokken",
                f"De aanvrager heeft hulpvraag {ref} ingetrokken op {dutch_date_and_time(p['ingetrokken_op'])}.\n"
                "Wilt u de gegevens van deze hulpvraag verwijderen? Er is geen actie meer nodig.\n")
    gemeente = p["gemeente"]["naam"] or p["gemeente"]["code"] or "onbekende gemeente"
    lines = [
        f"Nieuwe hulpvraag via Wegwijzer: {ref}",
        f"Ontvangen: {dutch_date_and_time(p['aangemaakt_op'])}. Graag reactie binnen {p['reactietermijn_werkdagen']} werkdagen.",
        "",
        _line("Wie vraagt", ROL_TEKST.get(p["rol"], p["rol"])),
        _line("Gemeente", f"{gemeente} ({p['gemeente']['code']})" if p["gemeente"]["code"] else gemeente),
        _line("Leeftijd kind", p["kind"]["leeftijd"]),
        _line("Schoolfase", p["kind"]["schoolfase"]),
        _line("Schooltype", p["kind"]["schooltype"]),
        _line("Thuis sinds", p["kind"]["thuis_sinds"]),
        _line("Al geprobeerd", ", ".join(p["geprobeerd"])),
        "",
        "Hulpvraag (tekst van de aanvrager, letterlijk):",
        p["hulpvraag"] or "(niet ingevuld)",
        "",
        _line("Telefoon", p["contact"]["telefoon"]),
        _line("E-mail", p["contact"]["email"]),
        _line("Voorkeurstijd", p["contact"]["voorkeurstijd"]),
        _line("Kanaal", p["kanaal"]),
        "De aanvrager gaf toestemming om deze gegevens aan u door te geven.",
    ]
    if p["stappenplan"]:
        lines += ["", "Stappenplan dat de aanvrager kreeg:", p["stappenplan"]]
    return f"Hulpvraag {ref} via Wegwijzer ({gemeente})", "\n".join(lines) + "\n"
