"""Decides when a message's intent must be overridden, whatever the classifier thought.

Safety comes first: any sign of danger turns the intent into ``veiligheid`` (also when it is mixed
into a school question and when the classifier is unsure). A message without any real word
("qqqq", "...") becomes ``nlu_fallback``; a message that is clearly not Dutch becomes ``andere_taal``.
An explicit wish for contact with a person anywhere in a message ("…kan iemand mij bellen?")
becomes ``mens_spreken``, so the help-request offer follows. A "not understood" on a story about a
child's school situation is read from the story (``read_from_story``). Plain logic, tested without
Rasa; ``bot.nlu.override_component`` is the thin Rasa adapter.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.signals.language import detect_language
from bot.signals.causes import single_cause
from bot.nlu.contact_wish import contact_wish
from bot.nlu.gibberish import looks_like_gibberish
from bot.signals.normalize import fold
from bot.signals.story import tells_a_school_situation
from bot.signals.safety import detect_danger

SAFETY_INTENT = "veiligheid"
OTHER_LANGUAGE_INTENT = "andere_taal"
FALLBACK_INTENT = "nlu_fallback"
YES_INTENT = "bevestigen"
WITHDRAW_INTENT = "hulpvraag_intrekken"
PERSON_INTENT = "mens_spreken"
STORY_INTENT = "situatie_thuiszitten"
# Intents a wish for contact does not replace: they already lead to a person or the form, or are a
# yes/no to an offer ("ja, bel mij maar").
CONTACT_WISH_KEEPS = frozenset({PERSON_INTENT, "hulpvraag_starten", WITHDRAW_INTENT, YES_INTENT, "ontkennen"})
# The classifier's own sense of danger: when it gives ``veiligheid`` at least this much anywhere in its
# ranking, the safety message comes first (the school topic is still answered after it, bot.turn.plan).
# Measured in session 14 on two independent sets of 150 danger messages and 100 look-alikes each
# (reports/begrip.md, "Danger"): on the set not used to write patterns, recall 88 -> 98 of 150 for 3 more
# false alarms of 100 hard look-alikes; on the ten realistic corpora 5 more of 1,558 messages. Session 17: with
# the danger classifier beside it this sense adds little (5 of 1,103 danger messages of sets a-g and the corpora)
# and flags short follow-ups ("en als het dan weer misgaat?" 0.24); at 0.2 it still adds those 5 and flags 10
# fewer of 2,554 ordinary messages (reports/begrip.md, "Danger (session 17)").
CLASSIFIER_SAFETY_MIN = 0.2
# ...only for a message of at least this many words: a short answer in a dialogue ("weet ik niet", 0.17)
# says nothing about danger (the patterns still read every message).
CLASSIFIER_SAFETY_MIN_WORDS = 5
# The danger classifier's score (bot.nlu.danger_classifier, 0 to 1) from which the safety message comes
# first, for a message of at least DANGER_MIN_WORDS words (a short answer in a dialogue says too little;
# the patterns still read it). Set on the safety sets a and b and the realistic corpora, where 0.7 found
# 130 and 132 of 150 danger messages on its own for 1 and 6 of 100 look-alikes and 16 of 1,854 ordinary
# messages; then measured once on sets c and d (reports/begrip.md, "Danger", session 15). Session 16, with 600
# more examples: in two-fold cross-validation on a new writer's 300 danger messages and 300 look-alikes, 0.65
# found 271 against 267 at 0.7 for 17 against 15 false alarms; on the corpora 43 against 38 of 1,854.
DANGER_MIN = 0.65
DANGER_MIN_WORDS = 4
# A story read as situatie_thuiszitten carries this confidence: it is read from the story, not the
# classifier's certainty, and stays below the mid-form topic threshold (actions/form_support.py), so a
# long answer inside a form is still taken as the answer.
STORY_CONFIDENCE = 0.5
YES_WORDS_FILE = Path(__file__).with_name("yes_words.yml")
# "ik trek het (daar) niet meer": I can't cope any more. Not a withdrawal, unless a request is named.
_CANT_COPE = re.compile(r"\btrek(?:t)? (?:het|dit|dat|t|'t)(?: \w+){0,3} (?:niet|nie|ni) (?:meer|langer)\b")
_REQUEST_WORD = re.compile(r"hulpvraag|aanvraag|verzoek|melding|vraag|referentie|\bww\W?[a-z0-9]{4}|contactpunt")
_STRETCHED_YES = re.compile(r"ja+|jaa+h*|oke+|okay+|ye+s+|yu+p")  # "jaaaaa", "okeeee", "yesss"


@lru_cache(maxsize=1)
def _yes_cues() -> tuple[frozenset, tuple]:
    data = yaml.safe_load(YES_WORDS_FILE.read_text(encoding="utf-8")) or {}
    return frozenset(fold(w) for w in data.get("woorden", [])), tuple(data.get("tekens", []))


def has_yes_cue(text: str) -> bool:
    """A word or sign that can make a message a yes ("ja", "oké", "prima", "doe maar", "👍")."""
    words, signs = _yes_cues()
    if any(sign in text for sign in signs):
        return True
    return any(word in words or _STRETCHED_YES.fullmatch(word) for word in re.findall(r"\w+", fold(text)))


def override_intent(text: str | None, predicted: Optional[str] = None, safety_confidence: float = 0.0,
                    danger_score: float = 0.0) -> Optional[str]:
    """Returns the intent that must replace the classifier's choice, or None to keep it.
    ``safety_confidence``: what the topic classifier gave ``veiligheid`` in its ranking;
    ``danger_score``: the danger classifier's score."""
    if not text or not text.strip():
        return None
    if shows_danger(text, safety_confidence, danger_score):
        return SAFETY_INTENT
    if predicted == YES_INTENT and has_yes_cue(text):
        return None  # "👍", "jaaaa": short, but a real yes
    if looks_like_gibberish(text):
        return FALLBACK_INTENT
    if detect_language(text) != "nl":
        return OTHER_LANGUAGE_INTENT
    if predicted == YES_INTENT and not has_yes_cue(text):
        return FALLBACK_INTENT  # never read nonsense as a yes to an offer
    if predicted == WITHDRAW_INTENT and is_cant_cope(text):
        return FALLBACK_INTENT  # ask what they mean; never withdraw a request on "ik trek het niet meer"
    if predicted not in CONTACT_WISH_KEEPS and contact_wish(text):
        return PERSON_INTENT
    return None


def shows_danger(text: str, safety_confidence: float = 0.0, danger_score: float = 0.0) -> bool:
    """A pattern sees danger, or one of the two classifiers is sure enough on a message long enough."""
    words = len(text.split())
    return (detect_danger(text) is not None
            or (safety_confidence >= CLASSIFIER_SAFETY_MIN and words >= CLASSIFIER_SAFETY_MIN_WORDS)
            or (danger_score >= DANGER_MIN and words >= DANGER_MIN_WORDS))


def read_from_story(text: str | None, predicted: Optional[str]) -> Optional[tuple[str, float]]:
    """(intent, confidence) for a "not understood" that tells a child's school situation, else None:
    the cause's topic when the story names exactly one (``bot.signals.causes``), else the situation."""
    if predicted == FALLBACK_INTENT and tells_a_school_situation(text):
        return single_cause(text) or STORY_INTENT, STORY_CONFIDENCE
    return None


def is_cant_cope(text: str) -> bool:
    """"ik trek het daar echt nie meer" (I can't cope) without naming a help request."""
    folded = fold(text)
    return bool(_CANT_COPE.search(folded)) and not _REQUEST_WORD.search(folded)
