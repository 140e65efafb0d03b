"""Reads what ``bot.turn.plan`` needs from a Rasa SDK tracker, and sends a plan's replies."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content_library import library
from bot.nlu.question_topics import QUESTIONS_KEY, read_question_topics
from bot.turn.reply_sources import AGENDA_FILE, AGENDA_KEY, reply_sources
from bot.turn.plan import TurnInput, TurnPlan

VOICE_CHANNELS = {"twilio_voice", "twilio_voice_nl", "spraak", "voice"}
# The web widget's channel (bot.channels.socketio_channel): it also gets the sources as data.
WIDGET_CHANNEL = "socketio"
AUDIENCE_SLOT = "doelgroep"
TOPIC_SLOT = "onderwerp"


def _metadata(tracker: Tracker) -> Dict[str, Any]:
    metadata = tracker.latest_message.get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def _ranking(tracker: Tracker) -> list[tuple[str, float]]:
    ranking = []
    for item in tracker.latest_message.get("intent_ranking") or []:
        name, confidence = item.get("name"), item.get("confidence")
        if isinstance(name, str) and isinstance(confidence, (int, float)):
            ranking.append((name, float(confidence)))
    return ranking


def _first_bot_turn(tracker: Tracker) -> bool:
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "bot":
            return False
        if kind == "session_started":
            return True
    return True


def _audience_hint(metadata: Dict[str, Any]) -> Optional[str]:
    hint = metadata.get("doelgroep")
    return hint if hint in ("ouder", "jongere") else None


def turn_input(tracker: Tracker, intent: Optional[str] = None) -> TurnInput:
    metadata = _metadata(tracker)
    latest_intent = (tracker.latest_message.get("intent") or {}).get("name") or "nlu_fallback"
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/"):  # a button payload, not words the user typed
        text = ""
    return TurnInput(
        intent=intent or latest_intent,
        text=text[:5000],
        intent_ranking=_ranking(tracker),
        audience_slot=tracker.get_slot(AUDIENCE_SLOT),
        audience_hint=_audience_hint(metadata),
        voice=tracker.get_latest_input_channel() in VOICE_CHANNELS or metadata.get("spraak") is True,
        first_bot_turn=_first_bot_turn(tracker),
        previous_topic=_text_slot(tracker, TOPIC_SLOT),
        question_topics=read_question_topics(tracker.latest_message.get(QUESTIONS_KEY)) if text else (),
    )


def _text_slot(tracker: Tracker, name: str) -> Optional[str]:
    value = tracker.get_slot(name)
    return value if isinstance(value, str) and value else None


def utter(dispatcher: CollectingDispatcher, reply, tracker: Optional[Tracker] = None) -> None:
    """Sends one reply; in the web widget with its sources as data (bot.turn.reply_sources), so the
    widget can show them as links, and a step plan's calendar file (bot.stappenplan.agenda) for
    "Zet in mijn agenda". Other channels get the text and buttons only."""
    buttons = [{"title": b.title, "payload": b.payload} for b in getattr(reply, "buttons", ())]
    custom = {}
    if tracker is not None and tracker.get_latest_input_channel() == WIDGET_CHANNEL:
        custom.update(reply_sources(reply, library()) or {})
        if getattr(reply, "agenda", ""):
            custom[AGENDA_KEY] = {"bestand": AGENDA_FILE, "ics": reply.agenda}
    if custom:
        dispatcher.utter_message(text=reply.text, buttons=buttons or None, json_message=custom)
    else:
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)


def send(plan: TurnPlan, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[str, Any]]:
    for reply in plan.replies:
        utter(dispatcher, reply, tracker)
    events = []
    if tracker.get_slot(AUDIENCE_SLOT) != plan.audience:
        events.append(SlotSet(AUDIENCE_SLOT, plan.audience))
    if plan.topic and tracker.get_slot(TOPIC_SLOT) != plan.topic:
        events.append(SlotSet(TOPIC_SLOT, plan.topic))
    return events
