"""The insight page's work list: misses (not-understood messages) marked as handled, stored durably in the
console's database (table console_gemist_afgehandeld, migration 0004). Marking twice is fine."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.storage.console_schema import gemist_afgehandeld
from bot.hulpvraag.db import utcnow

BATCH = 500


class HandledMisses:
    def __init__(self, engine: Engine):
        self.engine = engine

    def mark(self, event_id: int, sender_id: str, door: str) -> bool:
        """Mark one miss as handled; False when it already was (not an error)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(gemist_afgehandeld).values(
                    bericht_id=int(event_id), doel_type="gesprek", doel_id=sender_id, door=door[:64],
                    afgehandeld_op=utcnow()))
        except IntegrityError:
            return False
        return True

    def all(self) -> dict[int, tuple[str, object]]:
        """event id → (who, when) of every handled miss (one query; the table holds ids, no text)."""
        t = gemist_afgehandeld
        with self.engine.connect() as conn:
            return {r.bericht_id: (r.door, r.afgehandeld_op)
                    for r in conn.execute(select(t.c.bericht_id, t.c.door, t.c.afgehandeld_op))}

    def handled(self, event_ids: Iterable[int]) -> dict[int, tuple[str, object]]:
        """event id → (who, when) for those of ``event_ids`` that are marked handled."""
        ids = sorted({int(i) for i in event_ids})
        out: dict[int, tuple[str, object]] = {}
        t = gemist_afgehandeld
        with self.engine.connect() as conn:
            for start in range(0, len(ids), BATCH):
                for row in conn.execute(select(t.c.bericht_id, t.c.door, t.c.afgehandeld_op)
                                        .where(t.c.bericht_id.in_(ids[start:start + BATCH]))):
                    out[row.bericht_id] = (row.door, row.afgehandeld_op)
        return out
