"""The help-request form: thin Rasa adapters over bot.hulpvraag_form.

- ``validate_hulpvraag_form`` reads the answer to the requested field and lets
  ``bot.hulpvraag_form.flow.validate`` decide (value, skip, stop, correction, explanation).
  Safety comes first inside the form too, and a topic question asked mid-form is answered
  before the field is asked again.
- The same call asks the next field (``flow.ask``; the last field shows the summary), so a form
  turn is one action-server round trip (``AsksNextQuestion``), not two.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.form_support import AsksNextQuestion, interruption, intro_replies, send_replies, unchanged
from bot.hulpvraag_form.plain_answer import is_plain_answer
from actions.tracker_input import turn_input
from bot.clock import today
from bot.hulpvraag.contact_point import resolve_contact_point
from bot.hulpvraag_form import flow
from bot.hulpvraag_form.fields import FROM_STORY
from bot.hulpvraag_form.from_story import story_fields
from bot.turn.regio import GM_CODE
from bot.regio.directory import get_directory
from bot.turn.plan import resolve_audience

FORM = "hulpvraag_form"
FIELDS = (
    "hv_rol", "hv_gemeente", "hv_leeftijd", "hv_schooltype", "hv_thuis_sinds", "hv_geprobeerd",
    "hv_hulpvraag", "hv_contact", "hv_voorkeurstijd", "hv_toestemming", "hv_bevestigd",
)
CONTROL_SLOTS = ("hv_gestopt", "hv_pogingen")
# Free-text fields: everything typed there is the answer, never a question to answer.
FREE_TEXT_FIELDS = {"hv_hulpvraag"}


def _gm_code(value: Any) -> Optional[str]:
    if isinstance(value, dict):
        value = value.get("code")
    return value.upper() if isinstance(value, str) and GM_CODE.match(value.upper()) else None


def form_context(tracker: Tracker) -> flow.FormContext:
    turn = turn_input(tracker)
    routed = _gm_code(tracker.get_slot("gemeente"))  # from region routing earlier in the conversation
    chosen = _gm_code(tracker.get_slot("hv_gemeente"))  # answered in the form
    naam = None
    if routed:
        info = get_directory().municipality(routed)
        naam = info.get("naam") if info else None
    point = resolve_contact_point(chosen or routed or "")
    return flow.FormContext(
        audience=resolve_audience(turn),
        voice=turn.voice,
        gemeente_code=routed,
        gemeente_naam=naam,
        contactpunt_naam=point.naam,
        today=today(),
    )


def filled_fields(tracker: Tracker, leave_out: Optional[str] = None) -> Dict[str, Any]:
    values = {name: tracker.get_slot(name) for name in FIELDS + CONTROL_SLOTS}
    if leave_out:
        values[leave_out] = None
    return values


def from_story_events(tracker: Tracker) -> Dict[str, Any]:
    """Slots for the fields the user's earlier messages fill (bot.hulpvraag_form.from_story), with
    their names noted in hv_pogingen; {} when the form already has answers or nothing is told."""
    filled = filled_fields(tracker)
    if any(filled.get(name) not in (None, "", []) for name in FIELDS + CONTROL_SLOTS):
        return {}
    texts = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    found = story_fields(texts, today())
    if not found:
        return {}
    return {**found, "hv_pogingen": {FROM_STORY: sorted(found)}}


class ValidateHulpvraagForm(AsksNextQuestion):
    def name(self) -> Text:
        return "validate_hulpvraag_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        requested = tracker.get_slot("requested_slot")
        return flow.required_fields(filled_fields(tracker, leave_out=requested), form_context(tracker))

    async def get_validation_events(self, dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
        field = tracker.get_slot("requested_slot")
        slots = tracker.slots_to_validate()
        if field not in FIELDS or field not in slots:
            if field is None:  # the form starts: take over what the user already told
                story = from_story_events(tracker)
                if story:
                    tracker.slots.update(story)
                    return [SlotSet(name, value) for name, value in {**slots, **story}.items()]
            return [SlotSet(name, value) for name, value in slots.items()] or unchanged(tracker, FIELDS[0])
        ctx = form_context(tracker)
        plan, is_safety = interruption(tracker, free_text=field in FREE_TEXT_FIELDS)
        entities = tracker.latest_message.get("entities") or []
        if is_safety and is_plain_answer(field, str(slots.get(field) or ""), entities,
                                         filled_fields(tracker, leave_out=field), ctx):
            plan, is_safety = None, False  # "ik ben zijn vader": an answer, not a danger signal
        if plan is not None:
            send_replies(dispatcher, plan.replies, tracker)
            if not is_safety:
                # the question is answered; the form asks the same field again
                return [SlotSet(field, None)]
        text = str(slots.get(field) or "")
        if is_safety:
            # a danger message is never taken as an answer to a form question
            return [SlotSet(field, None)]
        outcome = flow.validate(field, text, entities, filled_fields(tracker, leave_out=field), ctx)
        send_replies(dispatcher, outcome.replies)
        updates = dict(outcome.updates)
        updates.setdefault(field, None)
        tracker.slots.update(updates)
        return [SlotSet(name, value) for name, value in updates.items()]

    async def ask(self, field: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        # the introduction only when nothing was said yet in the conversation (a direct start)
        intro = [] if dispatcher.messages else intro_replies(tracker)
        send_replies(dispatcher, intro + list(flow.ask(field, filled_fields(tracker), form_context(tracker))))
        return []
