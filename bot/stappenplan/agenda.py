"""The step plan's dates as a calendar file (iCalendar, RFC 5545) for "Zet in mijn agenda".

One all-day event per deadline that has not passed and that the plan shows for this variant (no goals), titled "Wegwijzer: <what>" and described with the plan's own sentence. Nothing about the
user but the dates the plan computed; no name, no school. Written by hand: the recommended library
(``icalendar``) is not among the project's dependencies, and a VCALENDAR with all-day events needs
only escaping, line folding and CRLF, which ``tests/unit/stappenplan/test_agenda.py`` checks.
Plain Python, no Rasa.
"""
from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from bot.stappenplan.plan import Deadline, Plan
from bot.stappenplan.render import VOICE, YOUTH, YOUTH_DEADLINES, deadline_sentence, is_goal
from bot.stappenplan.texts import load

FILE_NAME = "wegwijzer-stappenplan.ics"
PRODID = "-//Wegwijzer thuiszitten//Stappenplan//NL"
MAX_OCTETS = 75
NOTE = {
    "ouder": "Gemaakt door Wegwijzer, een computerprogramma. Controleer de datum bij de school of de gemeente.",
    "jongere": "Gemaakt door Wegwijzer, een computerprogramma. Check de datum bij school of de gemeente.",
}


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> list[str]:
    """Content lines of at most 75 octets; continuation lines start with a space (never splitting a
    UTF-8 character)."""
    out, current, size, limit = [], "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, MAX_OCTETS
        current += char
        size += width
    out.append(current)
    return out


def _label(d: Deadline) -> str:
    entry = (load("teksten").get("termijn") or {}).get(d.id) or {}
    label = str(entry.get("samenvatting") or d.id.replace("_", " "))
    return label[:1].upper() + label[1:]


def plan_calendar(plan: Plan, variant: str, stamp: datetime) -> Optional[str]:
    """The calendar text for this plan, or None when no date lies ahead (or on the phone)."""
    if variant == VOICE:
        return None
    shown = [d for d in plan.termijnen if variant != YOUTH or d.id in YOUTH_DEADLINES]
    # deadlines only: a goal (the Thuiszitterspact's) is no deadline for this child (render.is_goal)
    ahead = [d for d in shown if not d.verstreken and d.datum >= plan.today and not is_goal(d)]
    if not ahead:
        return None
    stamp_text = stamp.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for d in sorted(ahead, key=lambda x: x.datum):
        start: date = d.datum
        description = deadline_sentence(d, plan.today, variant, plan.thuis_sinds)
        description += "\n\n" + NOTE.get(variant, NOTE["ouder"])
        lines += [
            "BEGIN:VEVENT",
            f"UID:{secrets.token_hex(12)}@wegwijzer",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(start + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape('Wegwijzer: ' + _label(d))}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in fold(line))
