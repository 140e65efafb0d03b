"""Region routing over Rasa's REST channel with the trained model and the real action server."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.content import contacts

pytestmark = pytest.mark.integration


def joined(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def content_text(stack, answer_id: str, variant: str = "ouder") -> str:
    data = yaml.safe_load((Path(stack.content_dir) / f"{answer_id}.yml").read_text(encoding="utf-8"))
    # as the user gets it: contact keys filled in from the stack's copy of content/regio/landelijk.yml
    return contacts.fill(data["tekst"][variant], variant, Path(stack.regio_dir) / "landelijk.yml").strip()


def test_place_first_then_who_to_call_mentions_zaanstad(stack):
    sender = stack.new_sender()
    first = joined(stack.say(sender, "ik woon in Zaandam"))
    assert "Zaanstad" in first
    reply = joined(stack.say(sender, "wie kan ik bellen"))
    assert "Zaanstad" in reply


def test_contact_question_asks_for_place_then_postcode_gives_groningen(stack):
    sender = stack.new_sender()
    asked = stack.say(sender, "bij welke instantie moet ik zijn")
    assert "postcode" in joined(asked)
    assert any(b["title"] == "Liever niet zeggen" for m in asked for b in m.get("buttons") or [])
    reply = joined(stack.say(sender, "postcode 9712"))
    assert "In Groningen kunt u terecht bij:" in reply
    assert "volgens gegevens uit 2015; kijk ook in de schoolgids" in reply


def test_ambiguous_bergen_asks_and_button_chooses(stack):
    sender = stack.new_sender()
    stack.say(sender, "wie kan ik bellen")
    asked = stack.say(sender, "Bergen")
    assert "Bedoelt u Bergen (Noord-Holland) of Bergen (Limburg)?" in joined(asked)
    buttons = [b for m in asked for b in m.get("buttons") or []]
    limburg = next(b for b in buttons if b["title"] == "Bergen (Limburg)")
    reply = joined(stack.say(sender, limburg["payload"]))
    assert "In Bergen (Limburg) kunt u terecht bij:" in reply


def test_correction_switches_the_municipality(stack):
    sender = stack.new_sender()
    stack.say(sender, "ik woon in Zaandam")
    reply = joined(stack.say(sender, "nee, ik bedoel Deventer"))
    assert "Deventer" in reply and "In Deventer kunt u terecht bij:" in reply
    later = joined(stack.say(sender, "wie kan ik bellen"))
    assert "In Deventer" in later and "Zaanstad" not in later


def test_skip_gives_national_contacts(stack):
    sender = stack.new_sender()
    asked = stack.say(sender, "wie kan ik bellen")
    skip = next(b for m in asked for b in m.get("buttons") or [] if b["title"] == "Liever niet zeggen")
    reply = joined(stack.say(sender, skip["payload"]))
    assert "Ouders & Onderwijs" in reply and "0800-5010" in reply


def test_place_in_a_story_adds_regional_line_and_keeps_national_text(stack):
    sender = stack.new_sender()
    # a story without dates or steps gets the general answer (with dates it gets the step plan)
    texts = stack.texts(sender, "wij wonen in Zaandam en onze zoon kan niet meer naar school, wat nu")
    assert any(content_text(stack, "situatie_thuiszitten") in t for t in texts)
    assert any(t.startswith("In Zaanstad") for t in texts)


def test_municipality_override_is_live_without_retraining(stack):
    """A municipality adds its own leerplicht contact in content/regio/overrides: next message uses it."""
    override = Path(stack.regio_dir) / "overrides" / "GM0153.yml"
    override.write_text(yaml.safe_dump({
        "gebied": "GM0153",
        "naam": "Testbeheer Enschede",
        "gecontroleerd": "2026-11-24",
        "contacten": {"leerplicht": {"naam": "Team Leerplicht Testwijk Enschede"}},
    }, allow_unicode=True), encoding="utf-8")
    try:
        sender = stack.new_sender()
        stack.say(sender, "wij wonen in Enschede")
        reply = joined(stack.say(sender, "wie kan ik bellen"))
        assert "Team Leerplicht Testwijk Enschede" in reply
    finally:
        override.unlink()
