"""The help-request inbox, scoped by region: list, one request, status workflow, assignment, export.

Workflow: nieuw → in_behandeling → contact_gehad → afgerond (a step back is allowed while open;
afgerond may be reopened). ``contact_gehad`` is an open status, so retention does not touch it.
A withdrawn request (ingetrokken) never changes again.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Engine

from bot.console.deadline import Deadline, deadline_of
from bot.console.inbox_filters import InboxFilters
from bot.console.labels import STATUS_LABELS
from bot.console.masked_search import matches as masked_matches
from bot.console.regio import name_of
from bot.console.roles import Principal, Scope, may_handle_request
from bot.storage.console_schema import account, toewijzing
from bot.hulpvraag.db import utcnow
from bot.hulpvraag.schema import (CLOSED_STATUSES, STATUS_AFGEROND, STATUS_CONTACT_GEHAD, STATUS_IN_BEHANDELING,
                                  STATUS_INGETROKKEN, STATUS_NIEUW, hulpverzoek)

WORKFLOW = (STATUS_NIEUW, STATUS_IN_BEHANDELING, STATUS_CONTACT_GEHAD, STATUS_AFGEROND)
TRANSITIONS = {
    STATUS_NIEUW: (STATUS_IN_BEHANDELING, STATUS_AFGEROND),
    STATUS_IN_BEHANDELING: (STATUS_CONTACT_GEHAD, STATUS_AFGEROND, STATUS_NIEUW),
    STATUS_CONTACT_GEHAD: (STATUS_AFGEROND, STATUS_IN_BEHANDELING),
    STATUS_AFGEROND: (STATUS_IN_BEHANDELING,),
    STATUS_INGETROKKEN: (),
}
# what an export holds (never gesprek_id: that links to the transcript)
EXPORT_FIELDS = ("referentie", "status", "aangemaakt_op", "bijgewerkt_op", "afgesloten_op", "contactpunt_naam",
                 "gemeente_code", "gemeente_naam", "rol", "leeftijd", "schoolfase", "schooltype", "thuis_sinds",
                 "geprobeerd", "hulpvraag", "telefoon", "email", "voorkeurstijd", "kanaal", "stappenplan")
FREE_TEXT = ("hulpvraag", "thuis_sinds", "voorkeurstijd", "stappenplan", "schoolfase", "schooltype")
CONTACT = ("telefoon", "email")


class TransitionError(ValueError):
    pass


@dataclass
class Request:
    row: dict
    toegewezen_aan: str = ""
    termijn: Deadline | None = None   # set by Inbox.search
    vorige_status: str = ""           # set by Inbox.set_status: the status it changed from

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def status(self) -> str:
        return self.row["status"]

    def next_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS.get(self.status, ())


def _scope_condition(scope: Scope):
    if scope.alle:
        return None
    codes = scope.gemeenten()
    return hulpverzoek.c.gemeente_code.in_(sorted(codes)) if codes else hulpverzoek.c.id < 0


def search_matches(row: dict, needle: str, originals: bool, memo: dict | None = None) -> bool:
    """Does the request match the search text (lower case): its reference, its municipality (name or code),
    its contact point, or the text of the request. The text is searched as the role sees it: the
    original only for roles that may see originals, else the masked text (bot.console.masked_search)."""
    if not needle:
        return True
    plain = (row.get("referentie") or "", row.get("gemeente_code") or "", row.get("gemeente_naam") or "",
             name_of(row.get("gemeente_code") or ""), row.get("contactpunt_naam") or "")
    if any(needle in value.lower() for value in plain):
        return True
    text = row.get("hulpvraag") or ""
    if not isinstance(text, str) or not text:
        return False
    return needle in text.lower() if originals else masked_matches(text, needle, memo)


SORT_KEYS: dict[str, Callable] = {
    "nieuwste": lambda r: (-r.row["aangemaakt_op"].timestamp(), -r.id),
    "oudste": lambda r: (r.row["aangemaakt_op"].timestamp(), r.id),
    # waiting requests by deadline first, then the rest (answered or closed) by deadline
    "uiterlijk": lambda r: (not r.termijn.wacht, r.termijn.uiterlijk, r.row["aangemaakt_op"].timestamp(), r.id),
}
_LIGHT = ("id", "referentie", "status", "aangemaakt_op", "reactietermijn_werkdagen", "gemeente_code",
          "gemeente_naam", "contactpunt_naam")


class Inbox:
    def __init__(self, engine: Engine):
        self.engine = engine

    def _conditions(self, scope: Scope, filters: InboxFilters, me: int | None) -> list:
        conds = [c for c in (_scope_condition(scope),) if c is not None]
        if filters.status:
            conds.append(hulpverzoek.c.status == filters.status)
        if filters.open:
            conds.append(hulpverzoek.c.status.not_in(CLOSED_STATUSES))
        if filters.gemeente:
            conds.append(hulpverzoek.c.gemeente_code == filters.gemeente)
        if filters.toegewezen == "mij":
            conds.append(toewijzing.c.account_id == (me if me is not None else -1))
        elif filters.toegewezen == "niemand":
            conds.append(toewijzing.c.account_id.is_(None))
        elif filters.toegewezen.isdigit():
            conds.append(toewijzing.c.account_id == int(filters.toegewezen))
        if filters.te_laat:
            conds.append(hulpverzoek.c.status.in_((STATUS_NIEUW, STATUS_IN_BEHANDELING)))
        return conds

    def search(self, scope: Scope, filters: InboxFilters, today: date, page: int = 1, per_page: int = 50,
               originals: bool = True, me: int | None = None, everything: bool = False) -> tuple[list[Request], int]:
        """One page of requests in scope that match the search and filters, in the chosen order, and the
        total. The database applies scope, status, municipality and assignee; the search, the deadline in
        working days ("te laat") and the order are decided here, on the few columns they need, and only
        the shown page is read in full. ``everything`` returns all matches (the CSV export)."""
        base = hulpverzoek.outerjoin(toewijzing, toewijzing.c.hulpverzoek_id == hulpverzoek.c.id)
        conds = self._conditions(scope, filters, me)
        needle = filters.zoek.strip().lower()
        columns = [hulpverzoek.c[name] for name in _LIGHT] + ([hulpverzoek.c.hulpvraag] if needle else [])
        query = select(*columns).select_from(base)
        if conds:
            query = query.where(and_(*conds))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        memo: dict[str, str] = {}
        found = []
        need_deadline = filters.te_laat or filters.sorteer == "uiterlijk"   # else only for the shown page
        for row in rows:
            if needle and not search_matches(row, needle, originals, memo):
                continue
            termijn = deadline_of(row, today) if need_deadline else None
            if filters.te_laat and not termijn.te_laat:
                continue
            found.append(Request(row, termijn=termijn))
        found.sort(key=SORT_KEYS.get(filters.sorteer, SORT_KEYS["nieuwste"]))
        total = len(found)
        if not everything:
            per_page = max(per_page, 1)
            start = (max(page, 1) - 1) * per_page
            found = found[start:start + per_page]
        full = self._full([r.id for r in found])
        out = []
        for r in found:
            if r.id in full:
                item = full[r.id]
                item.termijn = deadline_of(item.row, today)
                out.append(item)
        return out, total

    def _full(self, ids: list[int]) -> dict[int, Request]:
        if not ids:
            return {}
        base = hulpverzoek.outerjoin(toewijzing, toewijzing.c.hulpverzoek_id == hulpverzoek.c.id) \
            .outerjoin(account, account.c.id == toewijzing.c.account_id)
        out = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                query = select(hulpverzoek, account.c.gebruikersnaam.label("toegewezen")).select_from(base) \
                    .where(hulpverzoek.c.id.in_(ids[i:i + 500]))
                for r in conn.execute(query):
                    item = self._request(r)
                    out[item.id] = item
        return out

    def of_conversation(self, scope: Scope, sender_id: str) -> list[tuple[int, str]]:
        """(id, referentie) of the help requests made in this conversation that lie in scope."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(hulpverzoek.c.id, hulpverzoek.c.referentie, hulpverzoek.c.gemeente_code)
                                .where(hulpverzoek.c.gesprek_id == sender_id).order_by(hulpverzoek.c.id)).all()
        return [(r.id, r.referentie) for r in rows if scope.allows(r.gemeente_code)]

    def gemeenten(self, scope: Scope) -> list[tuple[str, str]]:
        """(code, name) of the municipalities that have requests in scope, by name: the filter's choices."""
        conds = [c for c in (_scope_condition(scope),) if c is not None]
        query = select(hulpverzoek.c.gemeente_code).distinct()
        if conds:
            query = query.where(and_(*conds))
        with self.engine.connect() as conn:
            codes = [c for (c,) in conn.execute(query) if c]
        return sorted(((c, name_of(c)) for c in codes), key=lambda cn: cn[1].lower())

    def list(self, scope: Scope, status: str = "", mine_account: int | None = None,
             page: int = 1, per_page: int = 50) -> tuple[list[Request], int]:
        conds = [c for c in (_scope_condition(scope),) if c is not None]
        if status:
            conds.append(hulpverzoek.c.status == status)
        if mine_account is not None:
            conds.append(toewijzing.c.account_id == mine_account)
        base = hulpverzoek.outerjoin(toewijzing, toewijzing.c.hulpverzoek_id == hulpverzoek.c.id) \
            .outerjoin(account, account.c.id == toewijzing.c.account_id)
        where = and_(*conds) if conds else None
        query = select(hulpverzoek, account.c.gebruikersnaam.label("toegewezen")).select_from(base)
        count = select(func.count()).select_from(base)
        if where is not None:
            query, count = query.where(where), count.where(where)
        query = query.order_by(hulpverzoek.c.aangemaakt_op.desc(), hulpverzoek.c.id.desc()) \
            .limit(per_page).offset((max(page, 1) - 1) * per_page)
        with self.engine.connect() as conn:
            total = conn.execute(count).scalar() or 0
            rows = conn.execute(query).all()
        return [self._request(r) for r in rows], total

    @staticmethod
    def _request(r) -> Request:
        m = dict(r._mapping)
        assignee = m.pop("toegewezen", None) or ""
        return Request(m, assignee)

    def get(self, scope: Scope, request_id: int) -> Request | None:
        """The request, or None when it does not exist or lies outside the scope."""
        base = hulpverzoek.outerjoin(toewijzing, toewijzing.c.hulpverzoek_id == hulpverzoek.c.id) \
            .outerjoin(account, account.c.id == toewijzing.c.account_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(hulpverzoek, account.c.gebruikersnaam.label("toegewezen")).select_from(base)
                               .where(hulpverzoek.c.id == request_id)).first()
        if row is None or not scope.allows(row.gemeente_code):
            return None
        return self._request(row)

    def set_status(self, scope: Scope, request_id: int, new_status: str) -> Request:
        current = self.get(scope, request_id)
        if current is None:
            raise LookupError(request_id)
        if new_status not in current.next_statuses():
            raise TransitionError(f"Van '{STATUS_LABELS.get(current.status, current.status)}' kan een hulpvraag "
                                  f"niet naar '{STATUS_LABELS.get(new_status, new_status)}'.")
        now = utcnow()
        with self.engine.begin() as conn:
            changed = conn.execute(update(hulpverzoek).where(and_(
                hulpverzoek.c.id == request_id, hulpverzoek.c.status == current.status)).values(
                status=new_status, bijgewerkt_op=now,
                afgesloten_op=now if new_status in CLOSED_STATUSES else None)).rowcount
        if changed != 1:
            raise TransitionError("Iemand anders heeft de status net gewijzigd. Bekijk de hulpvraag opnieuw.")
        updated = self.get(scope, request_id)
        if updated is not None:
            updated.vorige_status = current.status
        return updated

    def assign(self, scope: Scope, request_id: int, assignee_id: int | None, by: str,
               assignee: Principal | None) -> None:
        """Assign to a colleague whose role may handle help requests in the request's region
        (``roles.may_handle_request``), or clear with ``assignee_id=None``."""
        current = self.get(scope, request_id)
        if current is None:
            raise LookupError(request_id)
        if assignee_id is not None and (assignee is None or assignee.account_id != assignee_id
                                        or not may_handle_request(assignee, current.row["gemeente_code"])):
            raise TransitionError("Deze collega kan hulpvragen van deze regio niet behandelen.")
        with self.engine.begin() as conn:
            conn.execute(delete(toewijzing).where(toewijzing.c.hulpverzoek_id == request_id))
            if assignee_id is not None:
                conn.execute(insert(toewijzing).values(hulpverzoek_id=request_id, account_id=assignee_id,
                                                       door=by, toegewezen_op=utcnow()))


def export_fields(request: Request, redact, reveal: bool = False) -> dict:
    """The exportable fields; free text and contact details redacted unless ``reveal``."""
    out = {}
    for name in EXPORT_FIELDS:
        value = request.row.get(name)
        if hasattr(value, "isoformat"):
            value = value.isoformat(timespec="seconds")
        if not reveal and isinstance(value, str) and value:
            if name in CONTACT:
                value = "[verborgen]"
            elif name in FREE_TEXT:
                value = redact(value)
        out[name] = value
    out["status_tekst"] = STATUS_LABELS.get(request.status, request.status)
    out["toegewezen_aan"] = request.toegewezen_aan
    return out


def export_text(fields: dict) -> str:
    lines = [f"Hulpvraag {fields['referentie']}", ""]
    for name, value in fields.items():
        if name != "referentie":
            lines.append(f"{name}: {'' if value is None else value}")
    return "\n".join(lines) + "\n"


def export_json(fields: dict) -> str:
    return json.dumps(fields, ensure_ascii=False, indent=2)
