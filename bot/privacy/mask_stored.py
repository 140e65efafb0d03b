"""Masking BSN-like numbers in conversations that were stored before the tracker store masked them.

Since issue 18 the tracker store never stores a BSN-like number (bot.privacy.stored_events). Conversations
stored earlier can still hold one for up to the retention period; ``mask_existing`` rewrites those rows
once, with the same rules (per conversation: the numbers masked in its user texts are masked in its other
events too). Rows without a change are not written. Rasa only appends events, so rewriting old rows while
it runs is safe; each batch is its own short transaction.

    python -m bot.privacy.cli bsn-maskeren
"""
from __future__ import annotations

import json

from sqlalchemy import and_, select, update
from sqlalchemy.engine import Engine

from bot.privacy.stored_events import masked_event, turn_secrets
from bot.storage.tracker_table import events

BATCH = 500


def _parse(data: str | None):
    try:
        value = json.loads(data or "")
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def mask_existing(tracker_engine: Engine, batch: int = BATCH) -> int:
    """Rewrite stored user, slot and bot events that hold a BSN-like number; returns how many were changed."""
    kinds = events.c.type_name.in_(("user", "slot", "bot"))
    with tracker_engine.connect() as conn:
        senders = [s for (s,) in conn.execute(select(events.c.sender_id).where(kinds).distinct())]
    changed = 0
    for start in range(0, len(senders), batch):
        chunk = senders[start:start + batch]
        with tracker_engine.begin() as conn:
            rows = conn.execute(select(events.c.id, events.c.sender_id, events.c.data)
                                .where(and_(kinds, events.c.sender_id.in_(chunk))).order_by(events.c.id)).all()
            parsed: dict[str, list[tuple[int, dict]]] = {}
            for row in rows:
                data = _parse(row.data)
                if data is not None and any(c.isdigit() for c in row.data or ""):
                    parsed.setdefault(row.sender_id, []).append((row.id, data))
            for items in parsed.values():
                secrets = turn_secrets([d for _, d in items])
                for event_id, data in items:
                    masked = masked_event(data, secrets)
                    if masked != data:
                        conn.execute(update(events).where(events.c.id == event_id).values(data=json.dumps(masked)))
                        changed += 1
    return changed
