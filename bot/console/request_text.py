"""A help request as plain text a colleague can read: Dutch labels, dates as dd-mm-jjjj, the status
history in words. (The JSON export keeps the field names: that one is for programs.)"""
from __future__ import annotations

from datetime import date, datetime

from bot.console.deadline import Deadline
from bot.console.regio import request_gemeente
from bot.console.request_history import Change
from bot.console.times import date_and_time

ROLE_WORDS = {"ouder": "ouder of verzorger", "jongere": "jongere zelf"}
CHANNEL_WORDS = {"chat": "chat", "telefoon": "telefoon", "widget": "chat op de website"}
# field of export_fields → label, in the order a colleague reads them
LABELS = (
    ("status_tekst", "Status"), ("aangemaakt_op", "Binnengekomen"), ("bijgewerkt_op", "Laatst gewijzigd"),
    ("afgesloten_op", "Afgesloten"), ("toegewezen_aan", "Toegewezen aan"), ("contactpunt_naam", "Contactpunt"),
    ("gemeente", "Gemeente"), ("rol", "Aanvrager"), ("leeftijd", "Leeftijd kind"), ("schoolfase", "Schoolfase"),
    ("schooltype", "Schooltype"), ("thuis_sinds", "Thuis sinds"), ("geprobeerd", "Al geprobeerd"),
    ("hulpvraag", "Hulpvraag"), ("telefoon", "Telefoon"), ("email", "E-mail"),
    ("voorkeurstijd", "Voorkeur voor contact"), ("kanaal", "Via"), ("stappenplan", "Stappenplan"),
)


def when(value) -> str:
    if isinstance(value, datetime):
        return date_and_time(value)
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-":
        try:
            return when(datetime.fromisoformat(value))
        except ValueError:
            return value
    return "" if value is None else str(value)


def _value(name: str, fields: dict) -> str:
    value = fields.get(name)
    if name == "gemeente":
        return request_gemeente(fields)
    if name in ("aangemaakt_op", "bijgewerkt_op", "afgesloten_op"):
        return when(value)
    if name == "rol":
        return ROLE_WORDS.get(value or "", value or "")
    if name == "kanaal":
        return CHANNEL_WORDS.get(value or "", value or "")
    if name == "geprobeerd" and isinstance(value, str):
        return ", ".join(p.strip().replace("_", " ") for p in value.split(",") if p.strip())
    if name == "leeftijd":
        return "niet genoemd" if value is None else f"{value} jaar"
    if name == "toegewezen_aan":
        return value or "niemand"
    return "" if value is None else str(value)


def readable_text(fields: dict, history: list[Change], termijn: Deadline | None, notes: list[dict] = (),
                  redact=None) -> str:
    """``notes`` (console notes: aangemaakt_op, auteur, tekst) are passed through ``redact`` when given
    (an export without originals)."""
    lines = [f"Hulpvraag {fields.get('referentie', '')}", "=" * (10 + len(str(fields.get('referentie', '')))), ""]
    width = max(len(label) for _n, label in LABELS + (("", "Reactie uiterlijk"),))
    for name, label in LABELS:
        value = _value(name, fields)
        if not value and name in ("afgesloten_op", "stappenplan"):
            continue
        if "\n" in value:
            lines.append(f"{label}:")
            lines.extend("  " + line for line in value.splitlines())
        else:
            lines.append(f"{label + ':':<{width + 2}}{value}")
        if name == "aangemaakt_op" and termijn is not None:
            lines.append(f"{'Reactie uiterlijk:':<{width + 2}}{when(termijn.uiterlijk)} ({termijn.tekst})")
    lines += ["", "Statusgeschiedenis", "------------------"]
    for change in history:
        lines.append(f"- {when(change.tijd)}, {change.wie}: {change.tekst}")
    if notes:
        lines += ["", "Notities", "--------"]
        for note in notes:
            text = str(note.get("tekst") or "")
            text = redact(text) if redact is not None else text
            first, *rest = text.splitlines() or [""]
            lines.append(f"- {when(note.get('aangemaakt_op'))}, {note.get('auteur', '')}: {first}")
            lines.extend("  " + line for line in rest)
    return "\n".join(lines) + "\n"
