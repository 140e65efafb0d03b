"""Read-only view of Rasa's SQL tracker store table ``events`` (defined in bot.storage.tracker_table)."""
from __future__ import annotations

import json

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from bot.storage.tracker_table import events, tracker_metadata  # noqa: F401 (re-exported for the console)

FALLBACK_INTENT = "nlu_fallback"
HUMAN_INTENTS = ("mens_spreken", "hulpvraag_starten")
REGION_SLOT = "gemeente"


def parse(data: str | None) -> dict:
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def tracker_engine_for(url: str) -> Engine:
    """A reading engine for Rasa's tracker store: takes no write locks (Rasa writes there)."""
    if make_url(url).get_backend_name() == "sqlite":
        return create_engine(url, future=True, connect_args={"timeout": 10})
    return create_engine(url, future=True, pool_pre_ping=True, pool_recycle=1800)
