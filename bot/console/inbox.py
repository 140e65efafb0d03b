"""The help-request inbox, scoped by region: list, one request, status workflow, assignment, export.

Workflow: nieuw → in_behandeling → contact_gehad → afgerond (a step back is allowed while open;
afgerond may be reopened). ``contact_gehad`` is an open status, so retention does not touch it.
A withdrawn request (ingetrokken) never changes again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Engine

from bot.console.roles import Principal, Scope, may_handle_request
from bot.console.schema import account, toewijzing
from bot.hulpvraag.db import utcnow
from bot.hulpvraag.schema import (CLOSED_STATUSES, STATUS_AFGEROND, STATUS_CONTACT_GEHAD, STATUS_IN_BEHANDELING,
                                  STATUS_INGETROKKEN, STATUS_NIEUW, hulpverzoek)

WORKFLOW = (STATUS_NIEUW, STATUS_IN_BEHANDELING, STATUS_CONTACT_GEHAD, STATUS_AFGEROND)
STATUS_LABELS = {STATUS_NIEUW: "nieuw", STATUS_IN_BEHANDELING: "in behandeling", STATUS_CONTACT_GEHAD: "contact gehad",
                 STATUS_AFGEROND: "afgerond", STATUS_INGETROKKEN: "ingetrokken door de aanvrager"}
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


class Inbox:
    def __init__(self, engine: Engine):
        self.engine = engine

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
        return self.get(scope, request_id)

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
