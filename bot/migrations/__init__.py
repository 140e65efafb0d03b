"""Alembic migrations for Wegwijzer's own tables: help requests and their outbox
(bot.hulpvraag.schema), the audit log (bot.privacy.audit), the console (bot.storage.console_schema), feedback on
answers (bot.feedback.schema) and the live-chat queue (bot.live.schema).

Rasa's table ``events`` (tracker store) is Rasa's: it is never created, changed or dropped here.

    python -m bot.production migreer          # upgrade head on WEGWIJZER_DATABASE_URL
    alembic upgrade head                      # the same, from the repository root (alembic.ini)
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData

SCRIPT_LOCATION = Path(__file__).resolve().parent
RASA_TABLES = frozenset({"events"})


def target_metadata() -> MetaData:
    """One MetaData with every table the project owns (copies; the originals stay as they are)."""
    from bot.storage.console_schema import console_metadata
    from bot.feedback.schema import feedback_metadata
    from bot.hulpvraag.schema import metadata as hulpvraag_metadata
    from bot.live.schema import live_metadata
    from bot.privacy.audit import metadata as audit_metadata

    combined = MetaData()
    for source in (hulpvraag_metadata, audit_metadata, console_metadata, feedback_metadata,
                   live_metadata):
        for table in source.sorted_tables:
            table.to_metadata(combined)
    return combined


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Autogenerate and comparison skip Rasa's tables (and their indexes)."""
    if type_ == "table":
        return name not in RASA_TABLES
    table = getattr(obj, "table", None)
    return table is None or table.name not in RASA_TABLES
