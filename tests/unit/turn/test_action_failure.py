"""The message users get when the assistant cannot answer (bot.turn.action_failure, content/antwoorden/storing.yml)."""
from __future__ import annotations

import re

from bot.turn.action_failure import LAST_RESORT, failure_text, failure_variant
from bot.content.loader import ContentLibrary


def test_variant_follows_channel_metadata_and_slot():
    assert failure_variant(None, {}, "rest") == "ouder"
    assert failure_variant("jongere", {}, "socketio") == "jongere"
    assert failure_variant("jongere", {"doelgroep": "ouder"}, "rest") == "ouder"
    assert failure_variant(None, {"spraak": True}, "rest") == "spraak"
    assert failure_variant("jongere", None, "twilio_voice_nl") == "spraak"
    assert failure_variant(["raar"], "geen dict", {"ook": "raar"}) == "ouder"


def test_parents_hear_how_to_reach_a_person_and_112():
    text = failure_text("ouder")
    assert "Ouders & Onderwijs" in text and "0800-5010" in text and "112" in text
    assert "Traceback" not in text and "Exception" not in text


def test_young_people_get_the_je_form():
    text = failure_text("jongere")
    assert "Kindertelefoon" in text and "112" in text and " u " not in text


def test_the_voice_variant_has_no_digit_runs_or_source_line():
    text = failure_text("spraak")
    assert "0 8 0 0, 5 0 1 0" in text
    assert not re.search(r"\d{2}", text) and "Bron" not in text


def test_a_missing_content_file_still_gives_a_message(tmp_path):
    assert failure_text("ouder", ContentLibrary(tmp_path)) == LAST_RESORT
