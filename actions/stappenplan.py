"""The personal step plan: thin Rasa adapters over bot.stappenplan.

- ``action_stappenplan`` reads the situation from the user's words (merged with what the
  conversation already said), asks a missing fact first through ``stappenplan_form`` when one
  matters, and otherwise shows the plan: done steps, the one next step with whom, the deadlines
  with real dates. A story without dates or steps gets the general answer.
  To ask, it starts the form itself: it sends the first question and returns the form's
  activation (``active_loop``, ``requested_slot``) with ``action_listen`` as follow-up. Handing
  over with ``FollowupAction(stappenplan_form)`` made Rasa run the form's activation, which calls
  the action server again only to ask that same question, and predict twice more: the slowest turn
  of the assistant. The user's answer then reaches the form as for any later question.
- ``validate_stappenplan_form`` reads each answer and asks the next question in the same call
  (``AsksNextQuestion``: no ``action_ask_sp_antwoord`` round trip).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT

from actions.content_library import library
from actions.form_support import AsksNextQuestion, interruption, intro_replies, send_replies, unchanged
from actions.regio import answer_with_region, region_input, slot_events
from actions.tracker_input import turn_input
from bot.clock import today
from bot.turn.regio import plan_region
from bot.regio.directory import get_directory
from bot.turn.replies import Button, Reply, choose_variant
from bot.stappenplan import (Question, Situation, build_plan, extract_situation, missing_question,
                              plan_summary_for_request, render_plan_parts)
from bot.stappenplan.agenda import plan_calendar
from bot.turn.stappenplan_dialog import MAX_QUESTIONS, answer_status, should_ask, wants_a_person, worth_a_plan
from bot.turn.plan import is_follow_up, resolve_audience

FORM = "stappenplan_form"
SITUATION_SLOT, ASKED_SLOT, ANSWER_SLOT, PLAN_SLOT = "sp_situatie", "sp_gevraagd", "sp_antwoord", "sp_plan"
DONE, STOPPED = "klaar", "gestopt"


def situation_of(tracker: Tracker) -> Situation:
    return Situation.from_dict(tracker.get_slot(SITUATION_SLOT))


def asked_of(tracker: Tracker) -> List[str]:
    asked = tracker.get_slot(ASKED_SLOT)
    return [a for a in asked if isinstance(a, str)] if isinstance(asked, list) else []


def _variant(tracker: Tracker) -> str:
    turn = turn_input(tracker)
    return choose_variant(resolve_audience(turn), turn.voice)


def question_reply(question: Question, tracker: Tracker) -> Reply:
    """The form's question with its options; on the phone these are the spoken choices
    (``spraak_keuzes``), which the phone channel says as "Zeg: ja, of: nee." before the question."""
    buttons = tuple(Button(title=o.titel, payload=o.tekst) for o in question.opties)
    return Reply(text=question.tekst, buttons=buttons)


def start_form(question: Question) -> List[Dict[Text, Any]]:
    """The events of a form that has just asked ``question``, waiting for the answer."""
    return [SlotSet(ASKED_SLOT, [question.veld]), SlotSet(ANSWER_SLOT, None), ActiveLoop(FORM),
            SlotSet(REQUESTED_SLOT, ANSWER_SLOT), FollowupAction("action_listen")]


def _plan_replies(tracker: Tracker, situation: Situation, gemeente: Optional[str]) -> tuple[List[Reply], str]:
    """The plan as two messages (the next step first, then the rest) and its summary for a help request."""
    plan = build_plan(situation, today(), gemeente_code=gemeente)
    variant = _variant(tracker)
    replies = [Reply(text=part, answer_id="stappenplan") for part in render_plan_parts(plan, variant)]
    calendar = plan_calendar(plan, variant, datetime.now(timezone.utc))
    if replies and calendar:  # "Zet in mijn agenda" under the last part (the web widget only)
        replies[-1] = replace(replies[-1], agenda=calendar)
    return replies, plan_summary_for_request(plan)


class ActionStappenplan(Action):
    def name(self) -> Text:
        return "action_stappenplan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        completing = tracker.latest_action_name == FORM
        # the region step: a place named in the story fills the slot gemeente
        step = plan_region(region_input(tracker), library(), get_directory())
        gemeente = step.gemeente or tracker.get_slot("gemeente")
        events = slot_events(tracker, step)

        if completing:
            status = tracker.get_slot(ANSWER_SLOT)
            events += [SlotSet(ANSWER_SLOT, None), SlotSet(ASKED_SLOT, None)]
            if status == STOPPED:
                return events
            replies, summary = _plan_replies(tracker, situation_of(tracker), gemeente)
            send_replies(dispatcher, replies, tracker)
            return events + [SlotSet(PLAN_SLOT, summary)]

        turn = turn_input(tracker)
        previous = situation_of(tracker)
        situation = extract_situation(turn.text, today(), previous)
        events.append(SlotSet(SITUATION_SLOT, situation.to_dict()))
        if not worth_a_plan(turn.intent, situation, follow_up=is_follow_up(turn, library())):
            # a story without dates or steps: the general answer, which invites them to tell more;
            # a question about the previous answer: answered from that answer (bot.turn.follow_up)
            return answer_with_region(dispatcher, tracker) + [SlotSet(SITUATION_SLOT, situation.to_dict())]

        question = missing_question(situation, _variant(tracker), today())
        show_again = situation == previous and bool(tracker.get_slot(PLAN_SLOT))
        if not show_again and should_ask(question, []):
            # a clear question in the story ("... wat moet ik doen?") gets its answer first, then
            # the form asks the missing fact; the answer already says who the assistant is
            answer, is_safety = interruption(tracker)
            if is_safety:
                send_replies(dispatcher, answer.replies, tracker)
                return events
            send_replies(dispatcher, [*(answer.replies if answer else intro_replies(tracker)),
                                      question_reply(question, tracker)], tracker)
            return events + start_form(question)
        replies, summary = _plan_replies(tracker, situation, gemeente)
        send_replies(dispatcher, intro_replies(tracker) + replies, tracker)
        return events + [SlotSet(PLAN_SLOT, summary)]


class ValidateStappenplanForm(AsksNextQuestion):
    def name(self) -> Text:
        return "validate_stappenplan_form"

    async def get_validation_events(self, dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
        slots = tracker.slots_to_validate()
        if ANSWER_SLOT not in slots:
            return [SlotSet(name, value) for name, value in slots.items()] or unchanged(tracker, ANSWER_SLOT)
        turn = turn_input(tracker)
        plan, is_safety = interruption(tracker)
        if plan is None and wants_a_person(turn.intent):
            # the questions stop; what the story said stays for the help-request form
            events = answer_with_region(dispatcher, tracker, intent="mens_spreken", region_may_answer=False)
            return events + [SlotSet(ANSWER_SLOT, STOPPED)]
        if plan is not None:
            send_replies(dispatcher, plan.replies, tracker)
            return [SlotSet(ANSWER_SLOT, STOPPED if is_safety else None)]
        asked = asked_of(tracker)
        expecting = asked[-1] if asked else None
        situation = extract_situation(turn.text, today(), situation_of(tracker), expecting=expecting)
        status = answer_status(turn.text, missing_question(situation, resolve_audience(turn), today()), asked)
        value = {"verder": None, "klaar": DONE, "gestopt": DONE}[status]
        return [SlotSet(SITUATION_SLOT, situation.to_dict()), SlotSet(ANSWER_SLOT, value)]

    async def ask(self, field: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        question = missing_question(situation_of(tracker), _variant(tracker), today())
        if question is None:  # nothing left to ask: the form ends and the plan follows
            return [SlotSet(ANSWER_SLOT, DONE)]
        send_replies(dispatcher, [question_reply(question, tracker)], tracker)
        return [SlotSet(ASKED_SLOT, asked_of(tracker) + [question.veld])]

__all__ = ["ActionStappenplan", "ValidateStappenplanForm", "MAX_QUESTIONS"]
