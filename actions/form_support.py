"""Shared by the forms (help request, step plan): sending replies, and what may interrupt a form.

Safety always comes first, also in the middle of a form; a clear topic question asked mid-form
is answered before the form asks its question again.
"""
from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content_library import library
from actions.tracker_input import turn_input
from bot.replies import choose_variant, render_answer
from bot.safety import detect_danger
from bot.turn_plan import INTRO, SAFETY, TurnPlan, button_titles, is_topic, plan_turn, resolve_audience

# A question asked mid-form is answered when the classifier is at least this sure of the topic.
MID_FORM_TOPIC_MIN_CONFIDENCE = 0.8


def send_replies(dispatcher: CollectingDispatcher, replies) -> None:
    for reply in replies:
        buttons = [{"title": b.title, "payload": b.payload} for b in getattr(reply, "buttons", ())]
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)


def unchanged(tracker: Tracker, slot: str) -> list:
    """A form's validation answer when there is nothing to validate (Rasa asks at activation).

    An empty answer makes Rasa's FormAction validate a second time in the same turn, now on the
    message that started the form, as if it answered a question not yet asked: one action-server
    round trip more on the slowest turns. One event that changes nothing tells Rasa validation is
    done. (Never ``requested_slot``: setting that to None ends the form.)
    """
    return [SlotSet(slot, tracker.get_slot(slot))]


def interruption(tracker: Tracker, free_text: bool = False) -> tuple[Optional[TurnPlan], bool]:
    """(plan, is_safety): the safety message, or the answer to a clear topic question, or (None, False).

    In a free-text field everything typed is the answer, so only safety interrupts it.
    """
    turn = turn_input(tracker)
    if turn.intent == SAFETY or (turn.text and detect_danger(turn.text)):
        return plan_turn(turn, library()), True
    confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
    if not free_text and is_topic(turn.intent) and confidence >= MID_FORM_TOPIC_MIN_CONFIDENCE:
        return plan_turn(turn, library()), False
    return None, False


def intro_replies(tracker: Tracker) -> list:
    """On the first bot turn of a session: say it is a computer program and how to reach a person."""
    turn = turn_input(tracker)
    answer = library().get(INTRO)
    if not turn.first_bot_turn or answer is None:
        return []
    variant = choose_variant(resolve_audience(turn), turn.voice)
    return [render_answer(answer, variant, button_titles(library()), with_buttons=False)]
