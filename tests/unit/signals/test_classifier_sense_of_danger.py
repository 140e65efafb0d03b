"""The topic classifier's own sense of danger (CLASSIFIER_SAFETY_MIN in bot/nlu/intent_override.py): with no
pattern, enough weight for veiligheid puts safety first on a message long enough; a short answer in a dialogue
is never danger by the classifier alone (the patterns still read it)."""
from __future__ import annotations

from bot.nlu.intent_override import CLASSIFIER_SAFETY_MIN, SAFETY_INTENT, override_intent
from bot.signals.safety import detect_danger


def test_the_classifiers_own_sense_of_danger_puts_safety_first():
    # no pattern, but the classifier gives veiligheid some weight: safety comes first (the school topic
    # is still answered after it, bot.turn.plan)
    text = "ik weet echt niet meer hoe ik verder moet, niemand ziet me staan"
    assert detect_danger(text) is None
    assert override_intent(text, "oorzaak_angst", CLASSIFIER_SAFETY_MIN) == SAFETY_INTENT
    assert override_intent(text, "oorzaak_angst", CLASSIFIER_SAFETY_MIN - 0.01) != SAFETY_INTENT


def test_a_short_answer_in_a_dialogue_is_not_danger_by_the_classifier_alone():
    # "weet ik niet" as an answer in the step plan's questions got veiligheid 0.17 (found by CI, session 14)
    assert override_intent("weet ik niet", "ontkennen", CLASSIFIER_SAFETY_MIN + 0.05) != SAFETY_INTENT
    assert override_intent("ik wil dood", "ontkennen", 0.0) == SAFETY_INTENT  # the patterns still read it
