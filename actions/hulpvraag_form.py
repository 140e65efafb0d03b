"""The help-request form: thin Rasa adapters over bot.hulpvraag_form.

- ``validate_hulpvraag_form`` reads the answer to the requested field and lets
  ``bot.hulpvraag_form.flow.validate`` decide (value, skip, stop, correction, explanation).
  Safety comes first inside the form too, and a topic question asked mid-form is answered
  before the field is asked again.
- ``action_ask_hv_<field>`` asks one field (``flow.ask``); the last field shows the summary.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.form_support import interruption, intro_replies, send_replies, unchanged
from bot.hulpvraag_form.plain_answer import is_plain_answer
from actions.tracker_input import turn_input
from bot.hulpvraag.contact_point import resolve_contact_point
from bot.hulpvraag_form import flow
from bot.region_turn import GM_CODE
from bot.regions.directory import get_directory
from bot.turn_plan import resolve_audience

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
        today=date.today(),
    )


def filled_fields(tracker: Tracker, leave_out: Optional[str] = None) -> Dict[str, Any]:
    values = {name: tracker.get_slot(name) for name in FIELDS + CONTROL_SLOTS}
    if leave_out:
        values[leave_out] = None
    return values


class ValidateHulpvraagForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_hulpvraag_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        requested = tracker.get_slot("requested_slot")
        return flow.required_fields(filled_fields(tracker, leave_out=requested), form_context(tracker))

    async def get_validation_events(self, dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
        field = tracker.get_slot("requested_slot")
        slots = tracker.slots_to_validate()
        if field not in FIELDS or field not in slots:
            return [SlotSet(name, value) for name, value in slots.items()] or unchanged(tracker, FIELDS[0])
        ctx = form_context(tracker)
        plan, is_safety = interruption(tracker, free_text=field in FREE_TEXT_FIELDS)
        entities = tracker.latest_message.get("entities") or []
        if is_safety and is_plain_answer(field, str(slots.get(field) or ""), entities,
                                         filled_fields(tracker, leave_out=field), ctx):
            plan, is_safety = None, False  # "ik ben zijn vader": an answer, not a danger signal
        if plan is not None:
            send_replies(dispatcher, plan.replies)
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


def _ask_action(field: str) -> type:
    """``action_ask_<field>``: Rasa calls it when the form requests that slot."""

    class AskField(Action):
        def name(self) -> Text:
            return f"action_ask_{field}"

        async def run(self, dispatcher, tracker, domain) -> List[Dict[Text, Any]]:
            ctx = form_context(tracker)
            send_replies(dispatcher, intro_replies(tracker) + list(flow.ask(field, filled_fields(tracker), ctx)))
            return []

    AskField.__name__ = AskField.__qualname__ = f"AskField_{field}"
    return AskField


# One ask action per field, named action_ask_hv_<field> (the names Rasa looks for).
for _field in FIELDS:
    _cls = _ask_action(_field)
    globals()[_cls.__name__] = _cls
