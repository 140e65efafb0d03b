"""Decides when a message's intent must be overridden, whatever the classifier thought.

Safety comes first: any sign of danger turns the intent into ``veiligheid`` (also when it is mixed
into a school question and when the classifier is unsure). A message without any real word
("qqqq", "...") becomes ``nlu_fallback``; a message that is clearly not Dutch becomes ``andere_taal``. Plain logic, tested without Rasa; ``bot.nlu.override_component`` is the
thin Rasa adapter.
"""
from __future__ import annotations

from typing import Optional

from bot.language import detect_language
from bot.nlu.gibberish import looks_like_gibberish
from bot.safety import detect_danger

SAFETY_INTENT = "veiligheid"
OTHER_LANGUAGE_INTENT = "andere_taal"
FALLBACK_INTENT = "nlu_fallback"


def override_intent(text: str | None) -> Optional[str]:
    """Returns the intent that must replace the classifier's choice, or None to keep it."""
    if not text or not text.strip():
        return None
    if detect_danger(text) is not None:
        return SAFETY_INTENT
    if looks_like_gibberish(text):
        return FALLBACK_INTENT
    if detect_language(text) != "nl":
        return OTHER_LANGUAGE_INTENT
    return None
