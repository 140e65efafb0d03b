"""When the assistant asks a colleague to take over, instead of only offering a help request.

Only in the web widget (a person can answer there in real time), only after an explicit wish for a
person (``mens_spreken``, which ``IntentOverride`` also gives for "kan iemand mij bellen?"), only when
the region is known, live chat is on (the console can reach the Rasa server) and the region's opening
hours (``live_chat`` in its overrides, ``bot.regio.opening_hours``) include this moment. In every other case the
help-request offer follows as before; and it always follows the waiting text too, so a user who does not
want to wait, or for whom nobody comes, can leave a request.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional

from bot.content.schema import SAFETY_IDS
from bot.regio.opening_hours import is_open

LIVE_AFTER = frozenset({"mens_spreken"})
WIDGET_CHANNEL = "socketio"


def should_ask_colleague(answered: Iterable[str], channel: Optional[str], gemeente: Optional[str],
                         live_chat: Optional[dict], now: datetime, enabled: bool) -> bool:
    answered = tuple(answered)
    if not enabled or channel != WIDGET_CHANNEL or not gemeente or SAFETY_IDS.intersection(answered):
        return False
    if not any(a in LIVE_AFTER for a in answered):
        return False
    return live_chat is not None and is_open(live_chat, now)
