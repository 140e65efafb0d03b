"""What the Rasa server's live endpoint does with one command from the console, as plain data.

The console (and only the console: a shared token, ``WEGWIJZER_LIVE_TOKEN``) posts
``{"gesprek_id", "actie", "tekst"?}`` to ``POST /webhooks/socketio/medewerker``:

- ``deelnemen``: Rasa's own ``ConversationPaused`` is appended (the assistant stops answering; the
  user's messages are still stored) and the widget hears that a person answers now;
- ``bericht``: the colleague's text is stored as a ``bot`` event whose metadata says
  ``{"wegwijzer_medewerker": true}`` (the console shows it as "Medewerker") and emitted to the
  conversation's socket.io room marked ``"medewerker": true``;
- ``verlaten``: ``ConversationResumed`` is appended and the widget hears the assistant answers again;
- ``verlopen``: nobody took the chat within the waiting time: the widget hears that no colleague is free
  and gets the help-request offer again (its yes/no buttons, slot ``aanbod`` set as ``action_answer`` does),
  unless the conversation has moved on (paused, or a form runs).

This module checks the request and builds the events and the widget payloads; the Sanic route in
``bot.channels.socketio_channel`` only applies them.
"""
from __future__ import annotations

import hmac
import math
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from bot.tokens.session_token import SESSION_ID
from bot.live.texts import widget_text

ENV = "WEGWIJZER_LIVE_TOKEN"
HEADER = "X-Wegwijzer-Livetoken"
MIN_TOKEN_CHARS = 32
MAX_CHARS = 1000
JOIN, MESSAGE, LEAVE, EXPIRED = "deelnemen", "bericht", "verlaten", "verlopen"
ACTIONS = (JOIN, MESSAGE, LEAVE, EXPIRED)
OFFER_SLOT, OFFER_SLOT_VALUE = "aanbod", "hulpvraag"   # as actions/regio.py sets it with the offer
STAFF_MARK = "wegwijzer_medewerker"


@dataclass(frozen=True)
class Command:
    gesprek_id: str
    actie: str
    tekst: str = ""
    medewerker: str = ""
    opslaan: bool = True       # False: another replica stored it; only emit to sockets on this server
    ts: Optional[float] = None  # with opslaan False: the stored event's timestamp (the widget's key)


def configured_token(env: Mapping[str, str]) -> Optional[str]:
    """The shared token, or None (live chat off) when missing or too short."""
    token = (env.get(ENV) or "").strip()
    return token if len(token) >= MIN_TOKEN_CHARS else None


def authorised(configured: Optional[str], presented: object) -> bool:
    if not configured or not isinstance(presented, str) or not presented:
        return False
    try:
        return hmac.compare_digest(configured.encode("utf-8"), presented.encode("utf-8"))
    except UnicodeEncodeError:
        return False


def parse_command(body: object) -> tuple[Optional[Command], str]:
    """The command, or None and the reason (Dutch) it cannot be read."""
    if not isinstance(body, dict):
        return None, "verwacht een JSON-object"
    gesprek_id, actie = body.get("gesprek_id"), body.get("actie")
    if not isinstance(gesprek_id, str) or not SESSION_ID.match(gesprek_id):
        return None, "onbekend gesprek"
    if actie not in ACTIONS:
        return None, "onbekende actie"
    medewerker = body.get("medewerker", "")
    if not isinstance(medewerker, str) or len(medewerker) > 64:
        return None, "onleesbare medewerker"
    opslaan = body.get("opslaan", True)
    if not isinstance(opslaan, bool):
        return None, "onleesbaar veld opslaan"
    ts = body.get("ts")
    if ts is not None and (isinstance(ts, bool) or not isinstance(ts, (int, float)) or not math.isfinite(ts)
                           or ts <= 0):
        return None, "onleesbaar veld ts"
    ts = float(ts) if ts is not None else None
    tekst = body.get("tekst", "")
    if actie == MESSAGE:
        if not isinstance(tekst, str) or not tekst.strip():
            return None, "leeg bericht"
        if len(tekst) > MAX_CHARS:
            return None, "bericht te lang"
        return Command(gesprek_id, actie, tekst.strip(), medewerker, opslaan, ts), ""
    return Command(gesprek_id, actie, "", medewerker, opslaan, ts), ""


def plan(command: Command, variant: str, offer: Optional[tuple[str, list[dict]]] = None
         ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(Rasa events as dicts for ``Event.from_parameters``, the payload emitted to the widget).
    ``offer``: the help-request offer's text and buttons (``{"title", "payload"}``), for ``verlopen``."""
    if command.actie == EXPIRED:
        offer_text, buttons = offer or ("", [])
        text = "\n\n".join(t for t in (widget_text("verlopen", variant), offer_text) if t)
        events = [{"event": "bot", "text": text, "data": {"buttons": buttons},
                   "metadata": {STAFF_MARK: False, "live": "verlopen"}}]
        if buttons:
            events.append({"event": "slot", "name": OFFER_SLOT, "value": OFFER_SLOT_VALUE})
        return events, {"text": text, "quick_replies": buttons, "live": "verlopen"}
    if command.actie == JOIN:
        text = widget_text("gestart", variant)
        return ([{"event": "pause"}, _bot(text, {STAFF_MARK: False, "live": "gestart"})],
                {"text": text, "live": "gestart"})
    if command.actie == LEAVE:
        text = widget_text("gestopt", variant)
        return ([{"event": "resume"}, _bot(text, {STAFF_MARK: False, "live": "gestopt"})],
                {"text": text, "live": "gestopt"})
    metadata = {STAFF_MARK: True, "medewerker": command.medewerker}
    return [_bot(command.tekst, metadata)], {"text": command.tekst, "medewerker": True}


LIVE_MARKS = (JOIN_MARK, LEAVE_MARK, EXPIRED_MARK) = ("gestart", "gestopt", "verlopen")


def stored_payload(text: object, data: object, metadata: object) -> Optional[dict[str, Any]]:
    """What the widget got for a stored bot event of the live takeover (the payload ``plan`` emitted), for
    a widget that missed it; None for any other bot event. Never the colleague's name."""
    if not isinstance(metadata, dict) or not isinstance(text, str):
        return None
    if metadata.get(STAFF_MARK) is True:
        return {"text": text, "medewerker": True}
    live = metadata.get("live")
    if live == EXPIRED_MARK:
        buttons = (data or {}).get("buttons") if isinstance(data, dict) else None
        buttons = [{"title": b.get("title"), "payload": b.get("payload")} for b in (buttons or []) if isinstance(b, dict)]
        return {"text": text, "quick_replies": buttons, "live": EXPIRED_MARK}
    if live in (JOIN_MARK, LEAVE_MARK):
        return {"text": text, "live": live}
    return None


def _bot(text: str, metadata: dict) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {}, "metadata": metadata}
