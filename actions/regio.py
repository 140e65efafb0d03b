"""The region step that every answering action (actions/turn.py) runs on a message, and the answer
with region and help-request offer around it. Thin: the logic is in bot.turn.regio and bot.turn.plan."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content_library import library
from actions.live import colleague_reply
from actions.tracker_input import send, turn_input
from bot.turn.regio import GM_CODE, REGION_INTENTS, RegionInput, RegionStep, add_regional_lines, plan_region
from bot.regio.directory import get_directory
from bot.regio.lookup import get_index
from bot.turn.replies import choose_variant
from bot.turn.hulpvraag_aanbod import OFFER_SLOT_VALUE, offer_reply, wants_offer
from bot.turn.plan import FALLBACK, TurnInput, TurnPlan, button_titles, plan_turn, resolve_audience

GEMEENTE_SLOT = "gemeente"
PENDING_SLOT = "regio_vraag"
OFFER_SLOT = "aanbod"

get_index()  # build the place index when the action server starts, not on the first message


def page_region(tracker: Tracker) -> Optional[str]:
    """The municipality a web page set on the widget (data-regio → metadata gemeente), if valid."""
    metadata = tracker.latest_message.get("metadata") or {}
    value = metadata.get("gemeente") if isinstance(metadata, dict) else None
    if isinstance(value, str) and GM_CODE.match(value.strip().upper()):
        code = value.strip().upper()
        return code if get_directory().municipality(code) else None
    return None


def region_input(tracker: Tracker, intent: Optional[str] = None, turn: Optional[TurnInput] = None) -> RegionInput:
    """The region step's input; ``turn`` when the caller already read the tracker (read it once)."""
    turn = turn or turn_input(tracker, intent=intent)
    places = [str(e.get("value")) for e in tracker.latest_message.get("entities") or []
              if e.get("entity") == "plaats" and e.get("value")]
    return RegionInput(
        intent=turn.intent,
        text=turn.text,
        place_entities=tuple(places),
        gemeente=tracker.get_slot(GEMEENTE_SLOT) or page_region(tracker),
        pending=tracker.get_slot(PENDING_SLOT),
        variant=choose_variant(resolve_audience(turn), turn.voice),
        first_bot_turn=turn.first_bot_turn,
    )


def slot_events(tracker: Tracker, step: RegionStep) -> List[Dict[Text, Any]]:
    events = []
    if step.gemeente != tracker.get_slot(GEMEENTE_SLOT):
        events.append(SlotSet(GEMEENTE_SLOT, step.gemeente))
    if step.pending != tracker.get_slot(PENDING_SLOT):
        events.append(SlotSet(PENDING_SLOT, step.pending))
    return events


def answer_with_region(dispatcher: CollectingDispatcher, tracker: Tracker,
                       intent: Optional[str] = None, region_may_answer: bool = True) -> List[Dict[Text, Any]]:
    """The normal answer (bot.turn.plan) unless the region takes the turn; regional lines added."""
    turn = turn_input(tracker, intent=intent)
    inp = region_input(tracker, turn=turn)
    step = plan_region(inp, library(), get_directory())
    if step.takes_turn and region_may_answer:
        plan = TurnPlan(replies=step.replies, audience=resolve_audience(turn), answered=step.answered)
    else:
        if step.takes_turn:  # e.g. safety: never let the region replace it; only remember the place
            step = RegionStep(False, (), step.gemeente if step.gemeente else inp.gemeente, None, step.resolution)
        if turn.intent in REGION_INTENTS:  # e.g. "asdfkj" read as a place name: not understood
            turn = replace(turn, intent=FALLBACK)
        plan = plan_turn(turn, library())
        replies = add_regional_lines(plan.replies, step.gemeente, inp.variant, get_directory())
        plan = replace(plan, replies=replies)
    plan, offer_events = with_offer(plan, tracker, inp.variant, region_asks=bool(step.pending),
                                    gemeente=step.gemeente or inp.gemeente)
    return send(plan, dispatcher, tracker) + slot_events(tracker, step) + offer_events


def with_offer(plan: TurnPlan, tracker: Tracker, variant: str, region_asks: bool = False,
               gemeente: Optional[str] = None) -> tuple[TurnPlan, List[Dict[Text, Any]]]:
    """After "I want a person" or the escalation steps: offer to send a help request (not while the
    region step is asking where the user lives: one question at a time). In the widget during the
    region's live-chat hours a colleague is asked first (actions/live.py); the offer still follows."""
    offer = None
    if wants_offer(plan.answered) and not region_asks:
        offer = offer_reply(library(), variant, button_titles(library()))
    if offer is not None:
        colleague = colleague_reply(tracker, plan.answered, gemeente, variant)
        # the offer's yes/no are the only buttons: the topic buttons before it would compete
        replies = tuple(replace(r, buttons=()) for r in plan.replies) + ((colleague,) if colleague else ()) + (offer,)
        plan = replace(plan, replies=replies)
        return plan, [SlotSet(OFFER_SLOT, OFFER_SLOT_VALUE)]
    if tracker.get_slot(OFFER_SLOT):
        return plan, [SlotSet(OFFER_SLOT, None)]  # the offer was not taken up: it lapses
    return plan, []
