"""Each question of a message classified on its own (issue 16: two questions in one, answer both).

The topic classifier reads the whole message and gives it one intent. "Hij zit al 8 weken thuis. Mag
school dat zomaar? En kan ik ergens klagen?" asks two things; the whole message's runner-up is often
the story's cause, not the second question. So every question of a message with two or more questions
is classified as well, and the turn (``bot.turn.plan.second_topic``) may answer the one that differs.

Only each question's best intent and its confidence go into the parse data, never the question's text:
the user's words are stored once, in the user event, where redaction and retention find them.
"""
from __future__ import annotations

from typing import Callable, Sequence

from bot.signals.question_sentences import questions

QUESTIONS_KEY = "vragen"
MAX_QUESTIONS = 5  # a message with more questions: the first five are read

Ranker = Callable[[str, int], Sequence[tuple[str, float]]]


def question_topics(rank: Ranker, text: str) -> list[dict]:
    """[{"intent": ..., "confidence": ...}] per question, in the message's order; [] for a message
    with fewer than two questions."""
    asked = questions(text or "")
    if len(asked) < 2:
        return []
    found = []
    for question in asked[:MAX_QUESTIONS]:
        ranking = rank(question, 1)
        if ranking:
            name, confidence = ranking[0]
            found.append({"intent": str(name), "confidence": round(float(confidence), 4)})
    return found


def read_question_topics(value: object) -> tuple[tuple[str, float], ...]:
    """The parse data's question topics as (intent, confidence) pairs; anything malformed is left out
    (the parse data comes from a tracker, which a hostile client may have written)."""
    if not isinstance(value, list):
        return ()
    pairs = []
    for item in value[:MAX_QUESTIONS]:
        if not isinstance(item, dict):
            continue
        name, confidence = item.get("intent"), item.get("confidence")
        if (isinstance(name, str) and 0 < len(name) <= 64 and isinstance(confidence, (int, float))
                and not isinstance(confidence, bool) and 0.0 <= float(confidence) <= 1.0):
            pairs.append((name, float(confidence)))
    return tuple(pairs)
