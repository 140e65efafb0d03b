"""Staff notes and labels (and misses marked as handled) go with what they are about (docs/privacy.md).

A note or label in the console is about a conversation (``doel_type`` "gesprek", the sender id) or
a help request ("hulpverzoek", the request's row id). When retention or an erasure removes the
conversation or the request, its notes and labels must not stay behind: a note can quote what the
parent said. The notes live with the help requests (one database); the conversations in Rasa's
tracker store, which may be another database, so existence is checked there in batches.
"""
from __future__ import annotations

from sqlalchemy import and_, delete, inspect, select, union
from sqlalchemy.engine import Engine

from bot.feedback.store import gone_from_tracker

BATCH = 200


def _tables(engine: Engine):
    from bot.storage.console_schema import gemist_afgehandeld, label, notitie

    present = inspect(engine)
    return [t for t in (notitie, label, gemist_afgehandeld) if present.has_table(t.name)]


def delete_notes_for(engine: Engine, doel_type: str, doel_ids) -> int:
    """Delete every note and label about these conversations or requests. Returns rows deleted."""
    ids = [str(i) for i in doel_ids]
    tables = _tables(engine) if ids else []  # before the transaction: SQLite allows one writer
    total = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        with engine.begin() as conn:
            for table in tables:
                total += conn.execute(delete(table).where(and_(
                    table.c.doel_type == doel_type, table.c.doel_id.in_(chunk)))).rowcount or 0
    return total


def _targets(engine: Engine, doel_type: str) -> list[str]:
    tables = _tables(engine)
    if not tables:
        return []
    query = union(*[select(t.c.doel_id).where(t.c.doel_type == doel_type) for t in tables])
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(query)]


def cleanup_orphan_notes(engine: Engine, tracker_engine: Engine) -> int:
    """Delete the notes and labels whose conversation is no longer in the tracker store or whose help
    request is no longer in the database. Returns rows deleted."""
    from bot.hulpvraag.schema import hulpverzoek

    gone_conversations = gone_from_tracker(tracker_engine, _targets(engine, "gesprek"))
    gone_requests: list[str] = []
    requests = _targets(engine, "hulpverzoek")
    has_requests = inspect(engine).has_table(hulpverzoek.name)
    for start in range(0, len(requests), BATCH):
        chunk = requests[start:start + BATCH]
        numbers = [int(i) for i in chunk if i.isdigit()]
        existing = set()
        if has_requests and numbers:
            with engine.connect() as conn:
                existing = {str(r[0]) for r in conn.execute(
                    select(hulpverzoek.c.id).where(hulpverzoek.c.id.in_(numbers)))}
        gone_requests += [r for r in chunk if r not in existing]
    return delete_notes_for(engine, "gesprek", gone_conversations) + delete_notes_for(engine, "hulpverzoek", gone_requests)
