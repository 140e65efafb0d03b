"""Durable storage of help requests: submit in one transaction (request + outbox rows), withdraw.

``submit`` returns only after the transaction committed; any database failure raises ``StorageError``
and leaves nothing behind (the request row and its outbox rows are written together or not at all).
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Callable

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.hulpvraag import reference as refs
from bot.hulpvraag.config import Settings
from bot.hulpvraag.contact_point import ContactPoint, resolve_contact_point
from bot.hulpvraag.db import create_tables, make_engine, utcnow
from bot.hulpvraag.request import HelpRequest, HelpRequestInvalid, Receipt, validated_fields
from bot.hulpvraag.schema import (BEZORGD, CLOSED_STATUSES, DOEL_EMAIL, DOEL_INBOX, DOEL_WEBHOOK, GEANNULEERD,
                                  REQUEST_STATUSES, SOORT_INTREKKING, SOORT_VERZOEK, STATUS_AFGEROND,
                                  STATUS_INGETROKKEN, STATUS_NIEUW, WACHTEND, bezorging, hulpverzoek)

log = logging.getLogger(__name__)
REFERENCE_ATTEMPTS = 5
WIPED_ON_WITHDRAWAL = ("hulpvraag", "telefoon", "email", "voorkeurstijd", "stappenplan", "thuis_sinds")

__all__ = ["HelpRequestStore", "StorageError", "HelpRequestInvalid", "HelpRequest", "Receipt"]


class StorageError(RuntimeError):
    """The database could not store or change the request. Nothing was half-written."""


def idempotency_key(reference: str, doel: str, soort: str = SOORT_VERZOEK) -> str:
    return f"{reference}-{doel}" if soort == SOORT_VERZOEK else f"{reference}-{doel}-{soort}"


class HelpRequestStore:
    def __init__(self, engine: Engine, settings: Settings | None = None,
                 resolver: Callable[[str], ContactPoint] | None = None,
                 new_reference: Callable[[], str] = refs.new_reference):
        self.engine = engine
        self.settings = settings or Settings.from_env()
        self._resolve = resolver or (lambda gm: resolve_contact_point(gm, self.settings))
        self._new_reference = new_reference
        self._tables_ready = False

    @classmethod
    def from_env(cls, environ: dict | None = None, create: bool = True) -> "HelpRequestStore":
        settings = Settings.from_env(environ)
        engine = make_engine(settings.database_url)
        store = cls(engine, settings)
        if create:
            try:
                store.ensure_tables()
            except StorageError as exc:  # database down at start: submit tries again, or says sorry
                log.error("tabellen voor hulpvragen niet aangemaakt: %s", exc.__cause__)
        return store

    def ensure_tables(self) -> None:
        if self._tables_ready:
            return
        try:
            create_tables(self.engine)
        except SQLAlchemyError as exc:
            raise StorageError("database niet bereikbaar") from exc
        self._tables_ready = True

    # ---- async wrappers for the action server (the database calls block) ------------------------

    async def asubmit(self, request: HelpRequest) -> Receipt:
        return await asyncio.to_thread(self.submit, request)

    async def awithdraw(self, reference: str, gesprek_id: str) -> str:
        return await asyncio.to_thread(self.withdraw, reference, gesprek_id)

    # ---- submit ------------------------------------------------------------------------------

    def submit(self, request: HelpRequest) -> Receipt:
        fields = validated_fields(request)  # HelpRequestInvalid: nothing is written
        self.ensure_tables()
        point = self._resolve(fields["gemeente_code"])
        last_error: Exception | None = None
        for _ in range(REFERENCE_ATTEMPTS):
            reference = self._new_reference()
            try:
                self._insert(reference, fields, point)
            except IntegrityError as exc:  # almost always: the reference number exists already
                last_error = exc
                if not self._reference_taken(reference):
                    break
                continue
            except SQLAlchemyError as exc:
                log.error("hulpvraag niet opgeslagen: %s", exc.__class__.__name__)
                raise StorageError("hulpvraag niet opgeslagen") from exc
            except Exception as exc:  # anything else inside the transaction: rolled back as well
                log.exception("hulpvraag niet opgeslagen (onverwachte fout)")
                raise StorageError("hulpvraag niet opgeslagen") from exc
            log.info("hulpvraag %s opgeslagen voor %s", reference, point.gebied or "medewerkersinbox")
            return Receipt(reference=reference, contactpunt_naam=point.naam,
                           reactietermijn_werkdagen=point.reactietermijn_werkdagen, status=STATUS_NIEUW,
                           contactpunt_telefoon=point.telefoon)
        raise StorageError("hulpvraag niet opgeslagen") from last_error

    def _reference_taken(self, reference: str) -> bool:
        try:
            with self.engine.connect() as conn:
                return conn.execute(select(hulpverzoek.c.id).where(
                    hulpverzoek.c.referentie == reference)).first() is not None
        except SQLAlchemyError as exc:
            raise StorageError("hulpvraag niet opgeslagen") from exc

    def _insert(self, reference: str, fields: dict, point: ContactPoint) -> None:
        now = utcnow()
        row = dict(fields, referentie=reference, status=STATUS_NIEUW, aangemaakt_op=now, bijgewerkt_op=now,
                   contactpunt_naam=point.naam, contactpunt_gebied=point.gebied,
                   reactietermijn_werkdagen=point.reactietermijn_werkdagen, toestemming=True,
                   geprobeerd=",".join(fields["geprobeerd"]))
        targets = [(DOEL_INBOX, "", BEZORGD)]  # the request table is the staff inbox: delivered on commit
        if point.webhook_url:
            targets.append((DOEL_WEBHOOK, point.webhook_url, WACHTEND))
        if point.email:
            targets.append((DOEL_EMAIL, point.email, WACHTEND))
        with self.engine.begin() as conn:
            request_id = conn.execute(insert(hulpverzoek).values(**row)).inserted_primary_key[0]
            conn.execute(insert(bezorging), [
                dict(hulpverzoek_id=request_id, soort=SOORT_VERZOEK, doel=doel, adres=adres, gebied=point.gebied,
                     idempotentiesleutel=idempotency_key(reference, doel), status=status, pogingen=0,
                     volgende_poging_op=now, aangemaakt_op=now, bezorgd_op=now if status == BEZORGD else None)
                for doel, adres, status in targets])

    # ---- withdraw ----------------------------------------------------------------------------

    def withdraw(self, reference: str, gesprek_id: str) -> str:
        """"ingetrokken" | "niet_gevonden" | "al_afgerond". Only the conversation that submitted the
        request may withdraw it; for anyone else it does not exist. Personal details are wiped at once;
        receivers that may already have the request get a withdrawal notice."""
        ref = refs.normalize(reference or "")
        if not ref or not gesprek_id:
            return "niet_gevonden"
        try:
            with self.engine.begin() as conn:
                return self._withdraw(conn, ref, gesprek_id)
        except SQLAlchemyError as exc:
            raise StorageError("intrekken mislukt") from exc

    def _withdraw(self, conn, ref: str, gesprek_id: str) -> str:
        row = conn.execute(select(hulpverzoek.c.id, hulpverzoek.c.status, hulpverzoek.c.gesprek_id)
                           .where(hulpverzoek.c.referentie == ref)).first()
        if row is None or row.gesprek_id != gesprek_id:
            return "niet_gevonden"
        if row.status == STATUS_INGETROKKEN:
            return "ingetrokken"
        if row.status == STATUS_AFGEROND:
            return "al_afgerond"
        now = utcnow()
        conn.execute(update(hulpverzoek).where(hulpverzoek.c.id == row.id).values(
            status=STATUS_INGETROKKEN, afgesloten_op=now, bijgewerkt_op=now, **{f: "" for f in WIPED_ON_WITHDRAWAL}))
        deliveries = conn.execute(select(bezorging).where(and_(
            bezorging.c.hulpverzoek_id == row.id, bezorging.c.soort == SOORT_VERZOEK,
            bezorging.c.doel != DOEL_INBOX))).all()
        for d in deliveries:
            untouched = conn.execute(update(bezorging).where(and_(
                bezorging.c.id == d.id, bezorging.c.status == WACHTEND, bezorging.c.pogingen == 0))
                .values(status=GEANNULEERD, lease_tot=None)).rowcount
            if untouched:
                continue  # never sent anywhere: nothing to take back
            conn.execute(update(bezorging).where(and_(bezorging.c.id == d.id, bezorging.c.status != BEZORGD))
                         .values(status=GEANNULEERD))
            in_flight = d.lease_tot is not None and d.lease_tot > now
            due = now + timedelta(seconds=self.settings.lease_seconden) if in_flight else now
            conn.execute(insert(bezorging).values(
                hulpverzoek_id=row.id, soort=SOORT_INTREKKING, doel=d.doel, adres=d.adres, gebied=d.gebied,
                idempotentiesleutel=idempotency_key(ref, d.doel, SOORT_INTREKKING), status=WACHTEND, pogingen=0,
                volgende_poging_op=due, aangemaakt_op=now))
        log.info("hulpvraag %s ingetrokken", ref)
        return "ingetrokken"

    # ---- staff -------------------------------------------------------------------------------

    def set_status(self, reference: str, status: str) -> bool:
        """Staff: move a request to in_behandeling or afgerond. False when unknown or withdrawn."""
        if status not in REQUEST_STATUSES or status == STATUS_INGETROKKEN:
            raise ValueError(f"onbekende status {status!r}")
        now = utcnow()
        try:
            with self.engine.begin() as conn:
                return conn.execute(update(hulpverzoek).where(and_(
                    hulpverzoek.c.referentie == reference, hulpverzoek.c.status != STATUS_INGETROKKEN)).values(
                    status=status, bijgewerkt_op=now,
                    afgesloten_op=now if status in CLOSED_STATUSES else None)).rowcount == 1
        except SQLAlchemyError as exc:
            raise StorageError("status niet gewijzigd") from exc

    def get(self, reference: str) -> dict | None:
        """One request as stored (including gesprek_id: for staff tools and tests, never for delivery)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(hulpverzoek).where(hulpverzoek.c.referentie == reference)).first()
        return dict(row._mapping) if row else None

