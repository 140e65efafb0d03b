"""When the assistant offers to pass a help request to the regional contact point.

Plain Python: ``action_answer`` adds the offer after answers where a user wants a person or has
just read how escalation works; ``action_ja_nee`` reads the yes/no that follows.
"""
from __future__ import annotations

from typing import Iterable, Optional

from bot.content.schema import SAFETY_IDS
from bot.turn.replies import Reply, render_answer

OFFER_ID = "hulpvraag_aanbod"
OFFER_SLOT_VALUE = "hulpvraag"
# Answers after which the offer follows (the user wants a person, or reads the escalation steps).
OFFER_AFTER = frozenset({"mens_spreken", "vraag_escalatie", "vraag_contact"})
YES, NO = "bevestigen", "ontkennen"


def wants_offer(answered: Iterable[str], already_in_form: bool = False) -> bool:
    """True when one of the answers of this turn should be followed by the offer."""
    if already_in_form:
        return False
    answered = tuple(answered)
    if SAFETY_IDS.intersection(answered):  # never push a form after an emergency message
        return False
    return any(a in OFFER_AFTER for a in answered)


def offer_reply(library, variant: str, button_title) -> Optional[Reply]:
    """The offer text; its buttons (yes: start the form, no: decline) come from its ``vervolg``."""
    answer = library.get(OFFER_ID)
    if answer is None:
        return None
    return render_answer(answer, variant, button_title, with_buttons=True)


def reading_of_answer(intent: str, pending_offer: Optional[str]) -> str:
    """What a yes/no means now: start the form, decline the offer, or an ordinary message."""
    if pending_offer == OFFER_SLOT_VALUE:
        if intent == YES:
            return "start"
        if intent == NO:
            return "afgeslagen"
    return "gewoon"
