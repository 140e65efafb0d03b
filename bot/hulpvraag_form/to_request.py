"""From the confirmed form answers to the HelpRequest the store keeps (plain Python).

``flow.request_fields`` gives None for skipped answers and may hold "nog niets" in
``geprobeerd``; the store wants empty strings and only the five known steps.
"""
from __future__ import annotations

from typing import Any, Mapping

from bot.hulpvraag.request import GEPROBEERD, HelpRequest

_TEXT_FIELDS = ("rol", "gemeente_code", "gemeente_naam", "schoolfase", "schooltype", "thuis_sinds",
                "hulpvraag", "telefoon", "email", "voorkeurstijd")
MAX_PLAN_CHARS = 2000


def help_request(fields: Mapping[str, Any], gesprek_id: str, kanaal: str, stappenplan: Any = "") -> HelpRequest:
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = fields.get(name)
        values[name] = str(value) if value not in (None, "") else ""
    age = fields.get("leeftijd")
    values["leeftijd"] = age if isinstance(age, int) and not isinstance(age, bool) else None
    tried = fields.get("geprobeerd")
    values["geprobeerd"] = [t for t in GEPROBEERD if isinstance(tried, list) and t in tried]
    values["toestemming"] = fields.get("toestemming") is True
    plan = stappenplan if isinstance(stappenplan, str) else ""
    return HelpRequest(gesprek_id=gesprek_id, kanaal=kanaal, stappenplan=plan[:MAX_PLAN_CHARS], **values)
