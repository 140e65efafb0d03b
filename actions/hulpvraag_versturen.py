"""Submitting and withdrawing a help request, and the yes/no to the assistant's offer.

Thin adapters: the fields come from bot.hulpvraag_form, storage and delivery from bot.hulpvraag
(one transaction; the user hears the reference number only after the commit).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.form_support import send_replies
from actions.hulpvraag_form import CONTROL_SLOTS, FIELDS, filled_fields, form_context
from actions.regio import answer_with_region
from bot.hulpvraag.store import HelpRequestInvalid, HelpRequestStore, StorageError
from bot.turn.hulpvraag_aanbod import OFFER_SLOT_VALUE, reading_of_answer
from bot.hulpvraag_form import flow
from bot.hulpvraag_form.to_request import help_request
from bot.turn.hulpvraag_intrekken import WITHDRAW_PREFIX, find_reference, pending_withdrawal

log = logging.getLogger(__name__)
OFFER_SLOT = "aanbod"
REFERENCES_SLOT = "hv_referenties"


@lru_cache(maxsize=1)
def store() -> HelpRequestStore:
    return HelpRequestStore.from_env()


def reset_form() -> List[Dict[Text, Any]]:
    return [SlotSet(name, None) for name in FIELDS + CONTROL_SLOTS]


class ActionHulpvraagVersturen(Action):
    def name(self) -> Text:
        return "action_hulpvraag_versturen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        filled = filled_fields(tracker)
        if filled.get("hv_gestopt") or filled.get("hv_bevestigd") is not True or filled.get("hv_toestemming") is not True:
            return reset_form()  # stopped or not confirmed: the form already said so; nothing is stored
        ctx = form_context(tracker)
        request = help_request(flow.request_fields(filled, ctx), gesprek_id=tracker.sender_id,
                               kanaal="spraak" if ctx.voice else "chat", stappenplan=tracker.get_slot("sp_plan"))
        try:
            receipt = await store().asubmit(request)
        except (StorageError, HelpRequestInvalid):
            log.exception("hulpvraag niet opgeslagen")
            send_replies(dispatcher, flow.storage_failed(ctx))
            return reset_form()
        send_replies(dispatcher, flow.confirmation(
            receipt.reference, receipt.contactpunt_naam, receipt.reactietermijn_werkdagen, filled, ctx))
        references = list(tracker.get_slot(REFERENCES_SLOT) or []) + [receipt.reference]
        return reset_form() + [SlotSet(REFERENCES_SLOT, references)]


async def withdraw(dispatcher: CollectingDispatcher, tracker: Tracker, reference: str) -> List[Dict[Text, Any]]:
    ctx = form_context(tracker)
    try:
        result = await store().awithdraw(reference, tracker.sender_id)
    except StorageError:
        log.exception("hulpvraag niet ingetrokken")
        send_replies(dispatcher, flow.storage_failed(ctx))
        return []
    send_replies(dispatcher, flow.withdrawn(result, reference, ctx))
    return []


class ActionHulpvraagIntrekken(Action):
    """"Trek mijn hulpvraag in": by the number in the message, or the one sent in this conversation."""

    def name(self) -> Text:
        return "action_hulpvraag_intrekken"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        references = list(tracker.get_slot(REFERENCES_SLOT) or [])
        reference = find_reference(tracker.latest_message.get("text") or "")
        if reference:
            return await withdraw(dispatcher, tracker, reference)
        ask = pending_withdrawal(references)
        if ask:  # exactly one request in this conversation: ask before withdrawing it
            send_replies(dispatcher, flow.withdrawn("bevestig", ask, form_context(tracker)))
            return [SlotSet(OFFER_SLOT, WITHDRAW_PREFIX + ask)]
        return answer_with_region(dispatcher, tracker, intent="hulpvraag_intrekken", region_may_answer=False)


class ActionJaNee(Action):
    """A yes or no: to the help-request offer, to a withdrawal question, or just a yes/no."""

    def name(self) -> Text:
        return "action_ja_nee"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        pending = tracker.get_slot(OFFER_SLOT)
        if isinstance(pending, str) and pending.startswith(WITHDRAW_PREFIX):
            if intent == "bevestigen":
                return await withdraw(dispatcher, tracker, pending[len(WITHDRAW_PREFIX):]) + [SlotSet(OFFER_SLOT, None)]
            pending = None
        reading = reading_of_answer(intent, pending if pending == OFFER_SLOT_VALUE else None)
        if reading == "start":
            return [SlotSet(OFFER_SLOT, None), FollowupAction("hulpvraag_form")]
        if reading == "afgeslagen":
            return answer_with_region(dispatcher, tracker, intent="ontkennen")
        # a yes or no without a question pending: a neutral "what can I do for you"
        return answer_with_region(dispatcher, tracker, intent="bevestigen")
