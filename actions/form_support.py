"""Shared by the forms (help request, step plan): sending replies, asking the next question, and
what may interrupt a form.

Safety always comes first, also in the middle of a form; a clear topic question asked mid-form
is answered before the form asks its question again.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, Iterable, List, Mapping, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction

from actions.content_library import library
from actions.tracker_input import turn_input, utter
from bot.turn.replies import choose_variant, render_answer
from bot.signals.safety import detect_danger
from bot.turn.plan import (INTRO, NOT_AN_EXTRA_TOPIC, SAFETY, TurnPlan, button_titles, is_topic, plan_turn,
                           resolve_audience)
from bot.turn.questions import may_be_an_aside

# A question asked mid-form is answered when the classifier is at least this sure of the topic.
MID_FORM_TOPIC_MIN_CONFIDENCE = 0.8


def send_replies(dispatcher: CollectingDispatcher, replies, tracker: Optional[Tracker] = None) -> None:
    """Sends replies; with the tracker, the web widget also gets their sources as data."""
    for reply in replies:
        utter(dispatcher, reply, tracker)


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

    In a free-text field everything typed is the answer, so only safety interrupts it; a reply of
    one or two words without a question mark is an answer too ("ouder": not the topic Ouders &
    Onderwijs, however sure the classifier is).
    """
    turn = turn_input(tracker)
    if turn.intent == SAFETY or (turn.text and detect_danger(turn.text)):
        return plan_turn(turn, library()), True
    confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
    # "wie kan ik bellen?" is the region step's (the form's own turn handles the place), never an aside.
    if (not free_text and is_topic(turn.intent) and turn.intent not in NOT_AN_EXTRA_TOPIC
            and confidence >= MID_FORM_TOPIC_MIN_CONFIDENCE and may_be_an_aside(turn.text)):
        return plan_turn(turn, library(), offer_likely=False), False
    return None, False


def intro_replies(tracker: Tracker) -> list:
    """On the first bot turn of a session: one short line that says it is a computer program."""
    turn = turn_input(tracker)
    answer = library().get(INTRO)
    if not turn.first_bot_turn or answer is None:
        return []
    variant = choose_variant(resolve_audience(turn), turn.voice)
    return [render_answer(answer, variant, button_titles(library()), with_buttons=False)]


def next_field(events: Iterable[Mapping[str, Any]], domain_slots: List[str], slots: Mapping[str, Any]) -> Optional[str]:
    """The slot Rasa's FormAction will request after these validation events (None: the form ends).

    The validation's own ``requested_slot`` decides when it set one (a form with its own
    ``required_slots``); otherwise Rasa takes the first of the form's domain slots that is empty.
    """
    requested = [e for e in events if e.get("event") == "slot" and e.get("name") == REQUESTED_SLOT]
    if requested:
        return requested[-1].get("value")
    return next((name for name in domain_slots if slots.get(name) is None), None)


class AsksNextQuestion(FormValidationAction, ABC):
    """A form validation that also asks the form's next question, in the same action-server call.

    Rasa's FormAction asks a slot by running ``action_ask_<slot>`` when the domain has one: a second
    round trip in every form turn, and a third when a form starts. Without such an action Rasa
    leaves the asking to the custom code, so the validation asks here, after its own replies
    (an answered question, a correction) and with the slots as validation left them.
    Abstract, so the action server registers only the forms built on it.
    """

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[str, Any]]:
        events = await super().run(dispatcher, tracker, domain)
        field = next_field(events, self.domain_slots(domain), tracker.slots)
        if field:
            events += await self.ask(field, dispatcher, tracker)
        return events

    @abstractmethod
    async def ask(self, field: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[str, Any]]:
        """Sends the question for ``field``; returns events (a slot the asking itself changes)."""
