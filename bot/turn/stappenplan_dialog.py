"""When the step plan is shown, and when a missing fact is asked first (plain Python).

The plan itself is bot.stappenplan; this module only decides the dialogue around it, so the Rasa
adapters in actions/stappenplan.py stay thin.
"""
from __future__ import annotations

from typing import Optional, Sequence

from bot.signals.control_words import is_stop

# A wish to talk to a person ends the questions: the help-request offer follows (issue 16).
CONTACT_INTENTS = frozenset({"mens_spreken", "hulpvraag_starten"})
# At most this many questions before the plan is shown with what is known.
MAX_QUESTIONS = 2
PLAN_INTENT = "stappenplan"
# Facts that say where a family stands; age and school type alone do not make a plan.
_WHERE_THEY_STAND = ("thuis_sinds", "aangemeld_op", "besluit_op", "schorsing_sinds", "verwijderd_op", "tlv_op",
                     "geschil_ingediend_op", "aangemeld", "besluit_ontvangen", "geschorst", "verwijderd",
                     "vrijstelling", "tlv_oneens", "zonder_onderwijs", "veiligheid")


def knows_where_they_stand(situation) -> bool:
    if any(getattr(situation, name, None) not in (None, False) for name in _WHERE_THEY_STAND):
        return True
    return bool(getattr(situation, "stappen", None))


def worth_a_plan(intent: str, situation, follow_up: bool = False) -> bool:
    """A request for the plan always gets one (or its questions); a story only when it says where
    the family stands (dates, steps, decisions), else the general answer fits better. A message that
    asks more about the previous answer ("Hoe lang duurt dat dan meestal? ...", ``follow_up``) is
    answered as a follow-up, even when the conversation already told where the family stands."""
    return intent == PLAN_INTENT or (not follow_up and knows_where_they_stand(situation))


def should_ask(question, asked: Sequence[str]) -> bool:
    """Ask a missing fact only once each, and only a few in all."""
    return question is not None and question.veld not in asked and len(asked) < MAX_QUESTIONS


def answer_status(text: Optional[str], next_question, asked: Sequence[str]) -> str:
    """After an answer: "verder" (ask the next fact), "klaar" (show the plan) or "gestopt"."""
    if is_stop(text):
        return "gestopt"
    return "verder" if should_ask(next_question, asked) else "klaar"


def wants_a_person(intent: Optional[str]) -> bool:
    """ "Kan iemand van de gemeente mij bellen?" while the plan's questions are asked: not an answer
    to the question, but a wish that goes before the plan."""
    return intent in CONTACT_INTENTS
