"""The status history of one help request, in words: who, when, from which status to which.

The audit log is where every status change is recorded (action ``status_gewijzigd``, target the request's
reference, detail ``<van> -> <naar>``), by the single-request routes, the JSON API and the inbox's bulk
change alike; the history is read from there, so it cannot disagree with the log. The request's arrival
and a withdrawal by the user (which the assistant, not a colleague, records on the request itself) are
added from the request's own columns.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.console.labels import parse_transition, status_label
from bot.hulpvraag.schema import STATUS_INGETROKKEN, STATUS_NIEUW

AANVRAGER = "de aanvrager (via Wegwijzer)"


@dataclass(frozen=True)
class Change:
    tijd: datetime
    wie: str
    van: str      # status code, '' for the arrival
    naar: str

    @property
    def tekst(self) -> str:
        if not self.van:
            return f"binnengekomen als ‘{status_label(self.naar)}’"
        return f"van ‘{status_label(self.van)}’ naar ‘{status_label(self.naar)}’"


def status_history(row: dict, entries: list[dict]) -> list[Change]:
    """Oldest first. ``entries`` are audit-log rows (bot.privacy.audit.AuditLog.for_target) of this request."""
    changes = [Change(row["aangemaakt_op"], AANVRAGER, "", STATUS_NIEUW)]
    for e in sorted(entries, key=lambda e: (e["tijdstip"], e["id"])):
        if e.get("action") != "status_gewijzigd":
            continue
        pair = parse_transition(e.get("detail", ""))
        if pair:
            changes.append(Change(e["tijdstip"], e.get("actor") or "onbekend", pair[0], pair[1]))
    if row.get("status") == STATUS_INGETROKKEN and not any(c.naar == STATUS_INGETROKKEN for c in changes):
        before = changes[-1].naar
        changes.append(Change(row.get("afgesloten_op") or row.get("bijgewerkt_op") or row["aangemaakt_op"],
                              AANVRAGER, before, STATUS_INGETROKKEN))
    return changes
