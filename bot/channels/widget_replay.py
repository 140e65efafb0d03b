"""What a widget missed while its socket was away (issue 20: a live takeover must not lose a message).

The widget keeps the key of every bot message part it showed (``ts``: the stored ``BotUttered`` event's
timestamp, ``deel``: the part; ``bot.channels.widget_output.stamp``) and, when it joins its conversation
again (``session_request``), sends the newest ``ts`` it showed as ``na``. Only when the session's token
matched (``bot.tokens.session_token``: the id alone gives nothing) the server reads the conversation's
stored bot events after ``na`` and sends their parts, in order, to that one socket as ``gemist``
(``{"berichten": [...]}``), built by the same functions as the live messages: a colleague's message
(``bot.live.channel_events.stored_payload``, never the colleague's name), the takeover's own notices, and
the assistant's replies (``widget_output.widget_payloads``: paragraphs, buttons, sources).

The replay starts ``OVERLAP_SECONDS`` before ``na``: two messages stored close together can reach the
widget in the other order (the colleague's message and an emergency answer, each emitted after its own
save), and a message a moment older than the newest one shown must not be lost. The widget drops every
part whose key it has shown already, so the overlap never shows anything twice. At most ``MAX_PARTS``
(the newest). Plain functions over event dicts (``Event.as_dict()``); ``missed`` is the Rasa adapter.
"""
from __future__ import annotations

import logging
import math
from typing import Any, Callable, Iterable, List, Optional

from bot.channels.widget_output import stamp, widget_payloads
from bot.live.channel_events import stored_payload

logger = logging.getLogger(__name__)
OVERLAP_SECONDS = 10.0
MAX_PARTS = 100
EVENT = "gemist"


def marker(requested: object) -> Optional[float]:
    """The ``na`` of a ``session_request`` (the newest ``ts`` the widget showed), or None (no replay)."""
    if not isinstance(requested, dict):
        return None
    value = requested.get("na")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def parts_of(event: dict, feedback_ref: Optional[Callable[[str], Optional[str]]] = None) -> List[dict]:
    """The widget's parts of one stored bot event, with their keys; [] for anything the widget never got."""
    if event.get("event") != "bot":
        return []
    text, data, metadata = event.get("text"), event.get("data"), event.get("metadata")
    timestamp = event.get("timestamp")
    live = stored_payload(text, data, metadata)
    if live is not None:
        return stamp([live], timestamp)
    message = dict(data) if isinstance(data, dict) else {}
    message["text"] = text
    message["timestamp"] = timestamp
    if isinstance(metadata, dict):
        message.update(metadata)        # as BotUttered.message() gives it to the output channel
    payloads = widget_payloads(message, feedback_ref)
    return stamp(payloads, timestamp) if payloads else []


def replay(events: Iterable[dict], after: float,
           feedback_ref: Optional[Callable[[str], Optional[str]]] = None) -> List[dict]:
    """The parts of the bot events stored after ``after`` (minus the overlap), oldest first, at most
    ``MAX_PARTS`` (the newest)."""
    since = after - OVERLAP_SECONDS
    parts: List[dict] = []
    for event in events:
        timestamp = event.get("timestamp")
        if event.get("event") == "bot" and isinstance(timestamp, (int, float)) and timestamp > since:
            parts.extend(p for p in parts_of(event, feedback_ref) if "ts" in p)
    return parts[-MAX_PARTS:]


async def missed(app: Any, session_id: str, after: float,
                 feedback_ref: Optional[Callable[[str], Optional[str]]] = None) -> List[dict]:
    """``replay`` on the conversation in Rasa's tracker store; [] when it cannot be read (the widget then
    shows what it has, as before)."""
    agent = getattr(getattr(app, "ctx", None), "agent", None) if app is not None else None
    if agent is None or agent.tracker_store is None:
        return []
    try:
        tracker = await agent.tracker_store.retrieve(session_id)
    except Exception:  # noqa: BLE001 - a replay is never worth a failed reconnect
        logger.warning("widget: could not read what %s missed", session_id[:8], exc_info=True)
        return []
    if tracker is None:
        return []
    return replay((e.as_dict() for e in tracker.events), after, feedback_ref)
