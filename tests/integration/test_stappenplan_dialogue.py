"""The personal step plan on the real stack: from a story with dates and steps to a plan with Dutch
dates and the regional contact; a missing fact asked first; the plan attached to a help request."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration
DUTCH_DATE = re.compile(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} "
                        r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}")


def test_story_with_dates_and_steps_gets_a_personal_plan(stack):
    sender = stack.new_sender()
    texts = stack.texts(sender, "we wonen in zaandam. onze zoon zit sinds 2 september thuis, we hebben met "
                                "school gepraat en leerplicht gebeld. wat is de volgende stap?")
    joined = "\n".join(texts)
    assert DUTCH_DATE.search(joined), joined
    assert "Zaanstad" in joined


def test_plan_request_without_facts_asks_one_question_then_shows_the_plan(stack):
    sender = stack.new_sender()
    first = stack.texts(sender, "maak een stappenplan voor mij")
    assert first and first[-1].rstrip().endswith("?"), first
    answer = "\n".join(stack.texts(sender, "sinds 2 september"))
    # either the next question or the plan; within a few answers the plan must come
    for reply in ("met school gepraat", "weet ik niet"):
        if DUTCH_DATE.search(answer):
            break
        answer = "\n".join(stack.texts(sender, reply))
    assert DUTCH_DATE.search(answer), answer


def test_plan_is_shown_again_later(stack):
    sender = stack.new_sender()
    stack.say(sender, "hij zit sinds 2 september thuis en we hebben leerplicht gebeld en met school gepraat")
    stack.say(sender, "wat is een tlv")
    again = "\n".join(stack.texts(sender, "laat mijn stappenplan nog eens zien"))
    assert DUTCH_DATE.search(again), again
