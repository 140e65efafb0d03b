"""Filling in the help-request form over REST, shared by the dialogue tests."""
from __future__ import annotations

import re

REFERENCE = re.compile(r"WW-[0-9A-Z]{4}-[0-9A-Z]{4}")

# (answer, a word the next question must contain) for a parent in Zaandam
PARENT_ANSWERS = [
    ("ouder", "gemeente"),
    ("we wonen in zaandam", "oud"),
    ("hij is 13", "school"),
    ("havo", "thuis"),
    ("al 6 weken", "geprobeerd"),
    ("met school gepraat en leerplicht gebeld", "hulp"),
    ("Hij zit thuis en school reageert niet meer. Wij zoeken een passende plek.", "bereiken"),
    ("06 12345678", "bellen"),
    ("ochtend", "doorsturen"),
]


def answer_form(stack, sender, answers=PARENT_ANSWERS) -> str:
    """Answers every question, gives consent and confirms; returns the reference number."""
    for answer, expected in answers:
        texts = stack.texts(sender, answer)
        assert any(expected.lower() in t.lower() for t in texts), (answer, texts)
    summary = "\n".join(stack.texts(sender, "ja"))  # consent
    assert "Zaanstad" in summary, summary
    done = "\n".join(stack.texts(sender, "ja"))  # confirm the summary
    match = REFERENCE.search(done)
    assert match, done
    return match.group(0)
