"""What the web widget receives for one bot message (Rasa's socket.io output plus the sources).

Rasa's ``SocketIOOutput`` sends each paragraph of a text as its own ``bot_uttered`` event, the
buttons with the last one, and a ``custom`` payload as a separate, oddly shaped event. For a reply
that carries its sources (``bot.turn.reply_sources``), the widget gets instead: the paragraphs without
the plain "Bron: …" line, and on the last paragraph the buttons and ``bronnen`` (names, https
addresses, dates) that the widget shows as a "Bron" disclosure with links. Anything else goes the
way Rasa sends it.

The safety message's parts carry ``heel``: the widget shows them whole, never the first part and "Lees
meer" (all the emergency numbers visible at once).

A step plan's calendar file (``wegwijzer_agenda``, ``bot.stappenplan.agenda``) goes on the last
paragraph as ``agenda``, checked here (file name, size, VCALENDAR frame).

A factual answer (its payload names its ``onderwerp``) also gets ``feedback``: a signed reference to
this answer in this conversation (``bot.feedback.token``), with which the widget can send "ja" or
"nee" to the web app. Without ``WEGWIJZER_WIDGET_SECRET`` there is none (feedback is off).

Every part the widget gets of a stored bot message carries that message's key: ``ts`` (the ``BotUttered``
event's own timestamp, as the tracker store keeps it) and ``deel`` (the part's index). A widget that was
disconnected asks for what it missed after the newest ``ts`` it showed (``bot.channels.widget_replay``),
and the replay builds the parts with these same functions, so a part shown live and the same part
replayed have the same key and the widget shows it once.
"""
from __future__ import annotations

import re
import time
from typing import Any, Callable, Dict, List, Optional, Text

from rasa.core.channels.socketio import SocketIOOutput

from bot.content.schema import SAFETY_IDS
from bot.feedback.token import issue
from bot.turn.reply_sources import AGENDA_KEY, KEY, SAFE_SCHEMES

MAX_SOURCES = 6
MAX_FIELD = 500
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
AGENDA_NAME = re.compile(r"^[a-z0-9-]{1,60}\.ics$")
MAX_CALENDAR = 20_000


def _text(value: Any) -> str:
    return value.strip()[:MAX_FIELD] if isinstance(value, str) else ""


def clean_sources(payload: Any) -> Optional[Dict[str, Any]]:
    """The widget's source block from a ``wegwijzer_bronnen`` payload, or None when it is unusable:
    only names with an http(s) address, short strings, at most a few."""
    if not isinstance(payload, dict) or not isinstance(payload.get("bronnen"), list):
        return None
    sources = []
    for item in payload["bronnen"][:MAX_SOURCES]:
        if not isinstance(item, dict):
            continue
        naam, url = _text(item.get("naam")), _text(item.get("url"))
        if naam and url.lower().startswith(SAFE_SCHEMES) and not any(c.isspace() for c in url):
            sources.append({"naam": naam, "url": url, "datum": _text(item.get("datum"))})
    if not sources:
        return None
    return {"bronnen": sources, "gecontroleerd": _text(payload.get("gecontroleerd"))}


def clean_calendar(payload: Any) -> Optional[Dict[str, str]]:
    """The step plan's calendar file from a ``wegwijzer_agenda`` payload, or None when it is not one."""
    if not isinstance(payload, dict):
        return None
    name, ics = payload.get("bestand"), payload.get("ics")
    if not isinstance(name, str) or not AGENDA_NAME.match(name) or not isinstance(ics, str):
        return None
    if len(ics) > MAX_CALENDAR or not ics.startswith("BEGIN:VCALENDAR\r\n") or not ics.endswith("END:VCALENDAR\r\n"):
        return None
    return {"bestand": name, "ics": ics}


def _with_calendar(message: Dict[str, Any], calendar: Dict[str, str]) -> List[Dict[str, Any]]:
    """A message without sources but with a calendar file: Rasa's paragraphs, the file on the last."""
    parts = [p for p in str(message.get("text") or "").strip().split("\n\n") if p.strip()] or [""]
    events: List[Dict[str, Any]] = [{"text": p} for p in parts]
    buttons = message.get("buttons") or message.get("quick_replies") or []
    events[-1]["quick_replies"] = [
        {"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
        for b in buttons if isinstance(b, dict)
    ]
    events[-1]["agenda"] = calendar
    return events


def widget_messages(message: Dict[str, Any],
                    feedback_ref: Optional[Callable[[str], Optional[str]]] = None) -> Optional[List[Dict[str, Any]]]:
    """The events for a message with sources; None when the message has none (Rasa's way then).
    ``feedback_ref(topic)`` makes the reference for feedback on a factual answer."""
    custom = message.get("custom")
    text = message.get("text")
    if not isinstance(custom, dict) or not isinstance(text, str) or not custom or not set(custom) <= {KEY, AGENDA_KEY}:
        return None
    calendar = clean_calendar(custom.get(AGENDA_KEY)) if AGENDA_KEY in custom else None
    if KEY not in custom:
        return _with_calendar(message, calendar) if calendar else None
    events = _with_sources(message, text, custom[KEY], feedback_ref)
    if events is None and calendar:
        return _with_calendar(message, calendar)
    if events is not None and calendar:
        events[-1]["agenda"] = calendar
    return events


def _with_sources(message: Dict[str, Any], text: str, payload: Any,
                  feedback_ref: Optional[Callable[[str], Optional[str]]]) -> Optional[List[Dict[str, Any]]]:
    block = clean_sources(payload)
    line = payload.get("regel") if isinstance(payload, dict) else None
    if block is None or not isinstance(line, str) or not line or not text.rstrip().endswith(line):
        return None
    body = text.rstrip()[: -len(line)].strip()
    parts = [p for p in body.split("\n\n") if p.strip()] or [""]
    events: List[Dict[str, Any]] = [{"text": p} for p in parts]
    buttons = message.get("buttons") or message.get("quick_replies") or []
    events[-1]["quick_replies"] = [
        {"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
        for b in buttons if isinstance(b, dict)
    ]
    events[-1]["bronnen"] = block["bronnen"]
    events[-1]["gecontroleerd"] = block["gecontroleerd"]
    topic = payload.get("onderwerp")
    if topic in SAFETY_IDS:
        for event in events:
            event["heel"] = True  # the emergency numbers are shown whole, never behind "Lees meer"
    if feedback_ref is not None and isinstance(topic, str) and TOPIC.match(topic):
        ref = feedback_ref(topic)
        if ref:
            events[-1]["feedback"] = ref
    return events


UNSTAMPED_KINDS = ("custom", "image", "attachment", "elements")


def widget_payloads(message: Dict[str, Any],
                    feedback_ref: Optional[Callable[[str], Optional[str]]] = None) -> Optional[List[Dict[str, Any]]]:
    """Everything the widget gets for one bot message, as Rasa's ``SocketIOOutput.send_response`` would send
    a text with or without buttons (paragraphs, the buttons on the last), or ``widget_messages`` for a
    reply with sources or a calendar file. None for anything else (an image, an attachment, other custom
    JSON): Rasa's own output then sends it, without a key, and it is not replayed."""
    special = widget_messages(message, feedback_ref)
    if special is not None:
        return special
    if any(message.get(kind) for kind in UNSTAMPED_KINDS):
        return None
    text = message.get("text")
    buttons = message.get("quick_replies") or message.get("buttons")
    if buttons:
        if not isinstance(text, str):
            return None
        parts: List[Dict[str, Any]] = [{"text": part, "quick_replies": []} for part in text.strip().split("\n\n")]
        parts[-1]["quick_replies"] = [
            {"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
            for b in buttons if isinstance(b, dict)
        ]
        return parts
    if isinstance(text, str) and text:
        return [{"text": part} for part in text.strip().split("\n\n")]
    return []


def stamp(payloads: List[Dict[str, Any]], timestamp: Any) -> List[Dict[str, Any]]:
    """The parts with their message's key (``ts``, ``deel``); unchanged without a usable timestamp."""
    if isinstance(timestamp, bool) or not isinstance(timestamp, (int, float)) or not timestamp > 0:
        return payloads
    return [dict(p, ts=float(timestamp), deel=i) for i, p in enumerate(payloads)]


class WidgetSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output; a reply with sources is sent as ``widget_messages`` describes."""

    def __init__(self, sio: Any, bot_message_evt: Text, feedback_secret: Optional[bytes] = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(sio, bot_message_evt)
        self.feedback_secret = feedback_secret
        self.clock = clock

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        secret = self.feedback_secret
        feedback_ref = (lambda topic: issue(secret, recipient_id, topic, self.clock())) if secret else None
        events = widget_payloads(message, feedback_ref)
        if events is None:
            await super().send_response(recipient_id, message)
            return
        for event in stamp(events, message.get("timestamp")):
            await self._send_message(recipient_id, event)
