"""Retention: closed (afgerond) and withdrawn requests are deleted, with their outbox rows, once they
have been closed for longer than the retention period. Open requests stay until staff close them."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, select
from sqlalchemy.engine import Engine

from bot.hulpvraag.db import utcnow
from bot.hulpvraag.schema import CLOSED_STATUSES, bezorging, hulpverzoek

BATCH = 500


def cleanup(engine: Engine, dagen: int, now: datetime | None = None) -> int:
    """Delete requests closed more than ``dagen`` days ago and their deliveries. Returns how many."""
    if dagen < 0:
        raise ValueError("dagen moet 0 of meer zijn")
    cutoff = (now or utcnow()) - timedelta(days=dagen)
    total = 0
    while True:
        with engine.begin() as conn:
            ids = [r.id for r in conn.execute(select(hulpverzoek.c.id).where(and_(
                hulpverzoek.c.status.in_(CLOSED_STATUSES), hulpverzoek.c.afgesloten_op.is_not(None),
                hulpverzoek.c.afgesloten_op < cutoff)).limit(BATCH))]
            if not ids:
                return total
            conn.execute(delete(bezorging).where(bezorging.c.hulpverzoek_id.in_(ids)))
            conn.execute(delete(hulpverzoek).where(hulpverzoek.c.id.in_(ids)))
            total += len(ids)
