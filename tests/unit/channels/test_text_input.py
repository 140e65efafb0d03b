"""Cleaning of user text before any channel passes it on (bot.channels.text_input)."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings, strategies as st

from bot.channels.text_input import clean_message, clean_text, without_command
from bot.turn.regio_replies import CONTACT_PAYLOAD, SKIP_PAYLOAD


def test_control_characters_become_single_spaces():
    assert clean_text("wat\x00is\teen\r\n\x1b[31mopp") == "wat is een [31mopp"


def test_lone_surrogates_and_invisible_characters_are_removed():
    assert clean_text("op\ud800p") == "opp"
    assert clean_text("\u202egnitset\u200b") == "gnitset"


def test_emoji_sequences_keep_their_joiner():
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert clean_text(family) == family


def test_the_assistants_own_button_payloads_stay_commands():
    assert without_command("/vraag_tlv") == "/vraag_tlv"
    assert without_command(CONTACT_PAYLOAD) == CONTACT_PAYLOAD
    assert without_command(SKIP_PAYLOAD) == SKIP_PAYLOAD
    assert without_command('/woonplaats_noemen{"plaats": "GM0373"}') == '/woonplaats_noemen{"plaats": "GM0373"}'


def test_other_commands_lose_their_slashes():
    assert without_command('/veiligheid{"gemeente": ["x", {"y": 1}]}') == 'veiligheid{"gemeente": ["x", {"y": 1}]}'
    assert without_command("//  /groet") == "groet"
    assert without_command("/VRAAG_TLV") == "VRAAG_TLV"
    assert without_command("gewone tekst / met slash") == "gewone tekst / met slash"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaned_text_has_no_control_or_surrogate_characters_and_is_utf8(text):
    cleaned = clean_message(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in cleaned)
    cleaned.encode("utf-8")  # never raises
    assert cleaned == cleaned.strip()
    assert len(cleaned) <= len(text)
