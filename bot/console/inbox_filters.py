"""The inbox's search, filters and sort order, read from a hostile query string.

Values are words where staff choose them (a status by its name, a municipality by its name, a colleague
by name, "te laat"), but the codes the forms send are accepted too. A value that is not known gives a
Dutch message instead of silently showing everything (or a 500).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.console.labels import STATUS_LABELS

SORTS = {"nieuwste": "nieuwste eerst", "oudste": "oudste eerst", "uiterlijk": "reactie uiterlijk, eerst"}
ASSIGNEES = {"": "iedereen", "mij": "aan mij", "niemand": "aan niemand"}
MAX_SEARCH = 200


@dataclass(frozen=True)
class InboxFilters:
    zoek: str = ""
    status: str = ""            # a code of STATUS_LABELS, or '' for all
    open: bool = False          # only requests that are not closed (afgerond, ingetrokken)
    gemeente: str = ""          # GMxxxx, or ''
    toegewezen: str = ""        # '' | 'mij' | 'niemand' | account id as digits
    te_laat: bool = False
    sorteer: str = "nieuwste"

    def as_query(self) -> dict[str, str]:
        """The filters as query parameters (for paging links and the CSV form)."""
        out = {"zoek": self.zoek, "status": self.status, "gemeente": self.gemeente, "toegewezen": self.toegewezen,
               "te_laat": "1" if self.te_laat else "", "open": "1" if self.open else "",
               "sorteer": "" if self.sorteer == "nieuwste" else self.sorteer}
        return {k: v for k, v in out.items() if v}


@dataclass
class Parsed:
    filters: InboxFilters
    fouten: list[str] = field(default_factory=list)


def _clean(raw) -> str:
    text = "" if raw is None else str(raw)
    text = "".join(c for c in text if c.isprintable())
    return " ".join(text.split())


def parse_status(raw: str) -> str | None:
    """A status code from its code or its name (any case); '' for all; None when unknown."""
    value = _clean(raw).lower()
    if value in ("", "alle"):
        return ""
    if value in STATUS_LABELS:
        return value
    for code, name in STATUS_LABELS.items():
        if value in (name, code.replace("_", " ")) or (code == "ingetrokken" and value == "ingetrokken"):
            return code
    return None


def parse_filters(query: Mapping[str, str], gemeente_code: Callable[[str], str | None],
                  assignee_ok: Callable[[str], bool]) -> Parsed:
    """``gemeente_code`` maps a name or code to a GM code (None when unknown); ``assignee_ok`` says
    whether an account id (digits) is a colleague that may be chosen."""
    fouten: list[str] = []
    zoek = _clean(query.get("zoek"))
    if len(zoek) > MAX_SEARCH:
        fouten.append(f"De zoektekst is te lang (hooguit {MAX_SEARCH} tekens).")
        zoek = zoek[:MAX_SEARCH]
    raw_status = _clean(query.get("status"))[:40]
    status = parse_status(raw_status)
    if status is None:
        fouten.append(f"Onbekende status ‘{raw_status}’. Kies een status uit de lijst.")
        status = ""
    raw_gemeente = _clean(query.get("gemeente"))[:100]
    gemeente = ""
    if raw_gemeente and raw_gemeente.lower() != "alle":
        gemeente = gemeente_code(raw_gemeente) or ""
        if not gemeente:
            fouten.append(f"Onbekende gemeente ‘{raw_gemeente}’. Kies een gemeente uit de lijst.")
    raw_assignee = _clean(query.get("toegewezen"))[:20].lower()
    toegewezen = raw_assignee if raw_assignee in ASSIGNEES else ""
    if raw_assignee and raw_assignee not in ASSIGNEES:
        if raw_assignee.isdigit() and len(raw_assignee) < 10 and assignee_ok(raw_assignee):
            toegewezen = raw_assignee
        else:
            fouten.append("Onbekende collega bij ‘Toegewezen aan’. Kies iemand uit de lijst.")
    raw_sort = _clean(query.get("sorteer"))[:20].lower()
    sorteer = raw_sort or "nieuwste"
    if sorteer not in SORTS:
        fouten.append(f"Onbekende volgorde ‘{raw_sort}’. Kies een volgorde uit de lijst.")
        sorteer = "nieuwste"
    flags = {}
    for name in ("te_laat", "open"):
        raw = _clean(query.get(name))[:5]
        if raw not in ("", "0", "1"):
            fouten.append("Een vinkje kan alleen aan of uit staan.")
        flags[name] = raw == "1"
    return Parsed(InboxFilters(zoek, status, flags["open"], gemeente, toegewezen, flags["te_laat"], sorteer), fouten)
