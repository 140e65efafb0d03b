"""The live takeover's hook in the answering actions (actions/regio.py): thin, the decision is
``bot.live.offer`` and the queue ``bot.live.store``."""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from functools import lru_cache
from typing import Optional

from rasa_sdk import Tracker

from bot import settings
from bot.hulpvraag.config import DEFAULT_DB_URL
from bot.hulpvraag.db import make_engine
from bot.live.channel_events import configured_token
from bot.live.offer import should_ask_colleague
from bot.live.store import LiveStore, wait_seconds
from bot.live.texts import widget_text
from bot.regio.directory import get_directory
from bot.turn.replies import Reply

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def live_store() -> LiveStore:
    return LiveStore(make_engine(settings.read("WEGWIJZER_DATABASE_URL") or DEFAULT_DB_URL),
                     wait_seconds=wait_seconds(os.environ))


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def colleague_reply(tracker: Tracker, answered, gemeente: Optional[str], variant: str) -> Optional[Reply]:
    """The "I am asking a colleague" line when a colleague is asked now (the conversation is queued),
    else None. A database failure never breaks the turn: the help-request offer follows as before."""
    now = utcnow()
    enabled = configured_token(os.environ) is not None
    live_chat = get_directory().live_chat(gemeente) if gemeente else None
    if not should_ask_colleague(answered, tracker.get_latest_input_channel(), gemeente, live_chat,
                                now.replace(tzinfo=timezone.utc), enabled):
        return None
    try:
        _live, new = live_store().ask(tracker.sender_id, gemeente, now)
    except Exception:  # noqa: BLE001 - no colleague promised when the queue cannot be written
        log.exception("live chat: could not queue the conversation")
        return None
    return Reply(widget_text("wachten" if new else "nog_wachten", variant), answer_id="live_wachten")
