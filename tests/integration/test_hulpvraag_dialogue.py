"""A help request by chat on the real stack: offer, form, summary, confirmation, stored row, withdrawal.

Real Rasa server (trained model) + action server + SQLite help-request database (temporary).
"""
from __future__ import annotations

import pytest

from bot.hulpvraag.store import HelpRequestStore
from hulpvraag_steps import REFERENCE, answer_form

pytestmark = pytest.mark.integration

def _store(stack) -> HelpRequestStore:
    return HelpRequestStore.from_env({"WEGWIJZER_DATABASE_URL": stack.database_url})

def _all_text(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)

def test_parent_sends_a_help_request_and_withdraws_it(stack):
    sender = stack.new_sender()
    offer = stack.say(sender, "kan iemand mij bellen over mijn zoon")
    assert "0800-5010" in _all_text(offer)
    assert any(b["payload"] == "/hulpvraag_starten" for m in offer for b in m.get("buttons") or [])

    first = stack.texts(sender, "/hulpvraag_starten")
    joined = "\n".join(first)
    assert "stop" in joined.lower() and "Wie bent u?" in joined

    reference = answer_form(stack, sender)

    row = _store(stack).get(reference)
    assert row is not None
    assert row["gemeente_code"] == "GM0479"
    assert row["telefoon"] == "+31612345678"
    assert row["rol"] == "ouder" and row["leeftijd"] == 13
    assert row["status"] == "nieuw" and row["toestemming"] is True
    assert "school reageert niet" in row["hulpvraag"]
    assert "leerplicht" in row["geprobeerd"]

    withdrawn = "\n".join(stack.texts(sender, f"ik wil {reference.lower()} intrekken"))
    assert "ingetrokken" in withdrawn
    assert _store(stack).get(reference)["status"] == "ingetrokken"

def test_stop_midway_stores_nothing(stack):
    sender = stack.new_sender()
    stack.say(sender, "ik wil een hulpvraag indienen")
    stack.say(sender, "ouder")
    stopped = "\n".join(stack.texts(sender, "laat maar"))
    assert "0800-5010" in stopped
    after = "\n".join(stack.texts(sender, "wat is een tlv"))
    assert "TLV" in after  # back to normal answers, the form is gone

def test_danger_inside_the_form_comes_first(stack):
    sender = stack.new_sender()
    stack.say(sender, "ik wil een hulpvraag indienen")
    texts = stack.texts(sender, "mijn vader slaat me")
    assert "112" in texts[0]

def test_question_mid_form_is_answered_and_the_form_goes_on(stack):
    sender = stack.new_sender()
    stack.say(sender, "ik wil een hulpvraag indienen")
    texts = stack.texts(sender, "wat is een onderwijsconsulent eigenlijk?")
    joined = "\n".join(texts)
    assert "onderwijsconsulent" in joined.lower()
    assert "Wie bent u?" in texts[-1]

def test_no_offer_declined_then_normal(stack):
    sender = stack.new_sender()
    stack.say(sender, "ik wil een mens spreken")
    declined = "\n".join(stack.texts(sender, "nee hoor"))
    assert "niets door" in declined


def test_what_the_parent_already_told_is_not_asked_again(stack):
    """Issue 16: the story before the wish for contact fills age, school type, since when and what
    was tried; the form skips those questions and the stored request has them."""
    from tests.support.dates import day_and_month, days_ago

    sender = stack.new_sender()
    stack.say(sender, f"Onze zoon van 12 zit sinds {day_and_month(days_ago(22))} thuis. Hij zit op de "
                      "basisschool in groep 8. We hebben met de juf gepraat en leerplicht gebeld, maar er "
                      "gebeurt niks.")
    offer = stack.say(sender, "kan iemand van de gemeente mij bellen?")
    assert any(b["payload"] for m in offer for b in m.get("buttons") or [])
    first = "\n".join(stack.texts(sender, "ja"))
    assert "neem ik over" in first and "Wie bent u?" in first
    assert "gemeente" in "\n".join(stack.texts(sender, "ouder")).lower()
    # straight from the municipality to the help wanted: age, school, since when, tried are known
    after_place = "\n".join(stack.texts(sender, "we wonen in zaandam"))
    assert "hulp" in after_place.lower() and "oud" not in after_place.lower()
    for answer, expected in [("Hij moet een passende plek krijgen, school reageert niet.", "bereiken"),
                             ("06 12345678", "bellen"), ("ochtend", "doorsturen")]:
        texts = stack.texts(sender, answer)
        assert any(expected in t.lower() for t in texts), (answer, texts)
    summary = "\n".join(stack.texts(sender, "ja"))
    assert "12 jaar" in summary and "leerplicht" in summary and "basisschool" in summary, summary
    done = "\n".join(stack.texts(sender, "ja"))
    reference = REFERENCE.search(done).group(0)
    row = _store(stack).get(reference)
    assert row["leeftijd"] == 12 and row["schooltype"] == "basisschool"
    assert {"school", "leerplicht"} <= set(row["geprobeerd"] if isinstance(row["geprobeerd"], list)
                                           else str(row["geprobeerd"]).replace(",", " ").split())
    assert row["thuis_sinds"]
