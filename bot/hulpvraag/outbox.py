"""The outbox: claiming due deliveries with a lease, recording success or failure, dead letters.

Claiming is an optimistic conditional UPDATE (works the same on SQLite and PostgreSQL): a row is due
when it is ``wachtend``, its time has come and nobody holds an unexpired lease on it. A worker killed
mid-delivery leaves its lease behind; after the lease expires another (or the restarted) worker claims
the row again and delivers it with the same idempotency key. Attempts are counted at claim time, so a
delivery that keeps killing workers still ends as a dead letter.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Engine

from bot.hulpvraag.config import Settings
from bot.hulpvraag.db import utcnow
from bot.hulpvraag.schema import (BEZORGD, DOEL_INBOX, DOOD, GEANNULEERD, SOORT_VERZOEK, STATUS_INGETROKKEN,
                                  WACHTEND, bezorging, hulpverzoek)


def backoff_delay(pogingen: int, basis: float, maximum: float, rand=random.random) -> float:
    """Seconds to wait after the given number of failed attempts: exponential, capped, with jitter
    (a random 50-100 % of the step, so workers that failed together do not retry together)."""
    step = min(maximum, basis * (2 ** max(0, pogingen - 1)))
    return step * (0.5 + 0.5 * rand())


@dataclass(frozen=True)
class Claim:
    id: int
    soort: str
    doel: str
    adres: str
    gebied: str
    idempotentiesleutel: str
    pogingen: int          # including this attempt
    worker: str
    request: dict          # the hulpverzoek row (gesprek_id is removed before any payload is built)


class Outbox:
    def __init__(self, engine: Engine, settings: Settings, rand=random.random):
        self.engine = engine
        self.settings = settings
        self._rand = rand

    def _due(self, now: datetime):
        return and_(bezorging.c.status == WACHTEND, bezorging.c.doel != DOEL_INBOX,
                    bezorging.c.volgende_poging_op <= now,
                    or_(bezorging.c.lease_tot.is_(None), bezorging.c.lease_tot < now))

    def due(self, limit: int = 20, now: datetime | None = None) -> list[tuple[dict, dict]]:
        """Due deliveries with their request, without claiming them (dry run)."""
        now = now or utcnow()
        with self.engine.connect() as conn:
            rows = conn.execute(select(bezorging).where(self._due(now)).order_by(
                bezorging.c.volgende_poging_op, bezorging.c.id).limit(limit)).all()
            out = []
            for d in rows:
                req = conn.execute(select(hulpverzoek).where(hulpverzoek.c.id == d.hulpverzoek_id)).one()
                request = dict(req._mapping)
                request.pop("gesprek_id", None)
                out.append((dict(d._mapping), request))
        return out

    def claim(self, worker: str, limit: int = 10, now: datetime | None = None) -> list[Claim]:
        now = now or utcnow()
        lease = now + timedelta(seconds=self.settings.lease_seconden)
        with self.engine.begin() as conn:
            ids = [r.id for r in conn.execute(select(bezorging.c.id).where(self._due(now)).order_by(
                bezorging.c.volgende_poging_op, bezorging.c.id).limit(limit))]
        claims = []
        for row_id in ids:
            with self.engine.begin() as conn:
                won = conn.execute(update(bezorging).where(and_(bezorging.c.id == row_id, self._due(now))).values(
                    lease_tot=lease, lease_houder=worker, pogingen=bezorging.c.pogingen + 1)).rowcount
                if won != 1:
                    continue  # another worker was faster
                d = conn.execute(select(bezorging).where(bezorging.c.id == row_id)).one()
                req = conn.execute(select(hulpverzoek).where(hulpverzoek.c.id == d.hulpverzoek_id)).one()
                if d.soort == SOORT_VERZOEK and req.status == STATUS_INGETROKKEN:
                    conn.execute(update(bezorging).where(bezorging.c.id == row_id).values(
                        status=GEANNULEERD, lease_tot=None))
                    continue
                request = dict(req._mapping)
                request.pop("gesprek_id", None)
                claims.append(Claim(d.id, d.soort, d.doel, d.adres, d.gebied, d.idempotentiesleutel, d.pogingen,
                                    worker, request))
        return claims

    def delivered(self, claim: Claim, now: datetime | None = None) -> None:
        now = now or utcnow()
        with self.engine.begin() as conn:
            conn.execute(update(bezorging).where(and_(bezorging.c.id == claim.id, bezorging.c.status == WACHTEND))
                         .values(status=BEZORGD, bezorgd_op=now, lease_tot=None, laatste_fout=None))

    def failed(self, claim: Claim, error: str, permanent: bool = False, now: datetime | None = None) -> str:
        """Record a failed attempt: schedule a retry, or make it a dead letter. Returns the new status."""
        now = now or utcnow()
        dead = permanent or claim.pogingen >= self.settings.max_pogingen
        values = dict(lease_tot=None, laatste_fout=error[:2000])
        if dead:
            values["status"] = DOOD
        else:
            delay = backoff_delay(claim.pogingen, self.settings.backoff_basis, self.settings.backoff_max, self._rand)
            values["volgende_poging_op"] = now + timedelta(seconds=delay)
        with self.engine.begin() as conn:
            conn.execute(update(bezorging).where(and_(
                bezorging.c.id == claim.id, bezorging.c.status == WACHTEND,
                bezorging.c.lease_houder == claim.worker)).values(**values))
        return DOOD if dead else WACHTEND

    # ---- staff operations (cli) --------------------------------------------------------------

    def retry_dead(self, reference: str | None = None) -> int:
        """Queue dead letters again with a fresh attempt budget: one request's, or all (reference None).
        Requests that were withdrawn meanwhile are never sent again."""
        now = utcnow()
        cond = [bezorging.c.status == DOOD]
        with self.engine.begin() as conn:
            if reference is not None:
                rid = conn.execute(select(hulpverzoek.c.id).where(hulpverzoek.c.referentie == reference)).scalar()
                if rid is None:
                    return 0
                cond.append(bezorging.c.hulpverzoek_id == rid)
            withdrawn = select(hulpverzoek.c.id).where(hulpverzoek.c.status == STATUS_INGETROKKEN)
            cond.append(or_(bezorging.c.soort != SOORT_VERZOEK, bezorging.c.hulpverzoek_id.not_in(withdrawn)))
            return conn.execute(update(bezorging).where(and_(*cond)).values(
                status=WACHTEND, pogingen=0, volgende_poging_op=now, lease_tot=None,
                lease_houder=None)).rowcount

    def counts(self) -> dict:
        with self.engine.connect() as conn:
            requests = dict(conn.execute(select(hulpverzoek.c.status, func.count()).group_by(
                hulpverzoek.c.status)).all())
            deliveries = {f"{d}/{s}": n for d, s, n in conn.execute(select(
                bezorging.c.doel, bezorging.c.status, func.count()).group_by(bezorging.c.doel, bezorging.c.status))}
        return {"hulpverzoeken": requests, "bezorgingen": deliveries}

    def dead_letters(self, limit: int = 50) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(hulpverzoek.c.referentie, bezorging.c.soort, bezorging.c.doel,
                                       bezorging.c.adres, bezorging.c.pogingen, bezorging.c.laatste_fout)
                                .join(hulpverzoek, hulpverzoek.c.id == bezorging.c.hulpverzoek_id)
                                .where(bezorging.c.status == DOOD).order_by(bezorging.c.id).limit(limit)).all()
        return [dict(r._mapping) for r in rows]
