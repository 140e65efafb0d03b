"""The Rasa SDK actions, run on real rasa_sdk trackers against the fixture content."""
import asyncio
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import content_library
from actions.turn import ActionAnswer
from actions.turn import ActionFallback
from actions.turn import ActionSafety

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "content"


@pytest.fixture(autouse=True)
def fixture_content(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_CONTENT_DIR", str(FIXTURES))
    content_library.library.cache_clear()
    yield
    content_library.library.cache_clear()


def tracker(text, intent, ranking=(), events=None, slots=None, channel="rest", metadata=None):
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
        "entities": [],
        "metadata": metadata or {},
    }
    events = events if events is not None else [
        {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "input_channel": channel, "parse_data": latest},
    ]
    return Tracker("s1", slots or {}, latest, events, False, None, {}, "action_listen")


def run(action, trk):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, {}))
    return dispatcher.messages, events


def test_answer_first_turn_sends_intro_and_answer_and_sets_audience():
    messages, events = run(ActionAnswer(), tracker("wat is een opp", "vraag_opp"))
    assert [m["text"].split("\n")[0] for m in messages] == ["Ouder kennismaking.", "Ouder vraag_opp."]
    assert messages[-1]["buttons"] == [{"title": "Knop vraag_tlv", "payload": "/vraag_tlv"}]
    assert events == [{"event": "slot", "timestamp": None, "name": "doelgroep", "value": "ouder"},
                      {"event": "slot", "timestamp": None, "name": "onderwerp", "value": "vraag_opp"}]


def test_answer_after_a_bot_turn_has_no_intro_and_keeps_slot():
    evts = [{"event": "session_started"}, {"event": "bot", "text": "eerder"},
            {"event": "user", "text": "tlv?", "input_channel": "rest"}]
    messages, events = run(ActionAnswer(), tracker("tlv?", "vraag_tlv", events=evts,
                                                   slots={"doelgroep": "ouder", "onderwerp": "vraag_tlv"}))
    assert len(messages) == 1 and events == []


def test_safety_action_puts_emergency_first():
    messages, _ = run(ActionSafety(), tracker("mijn man slaat mij en mijn zoon is geschorst", "veiligheid",
                                              ranking=[("vraag_schorsing", 0.7)]))
    assert messages[0]["text"].startswith("Ouder veiligheid.")
    assert messages[1]["text"].startswith("Ouder vraag_schorsing.")


def test_voice_channel_gets_voice_variant():
    messages, _ = run(ActionAnswer(), tracker("wat is een tlv", "vraag_tlv", channel="twilio_voice"))
    assert messages[-1]["text"] == "Spraak vraag_tlv."


def test_button_payload_text_is_not_analysed_as_user_words():
    messages, _ = run(ActionAnswer(), tracker("/vraag_tlv", "vraag_tlv", metadata={"doelgroep": "jongere"}))
    assert messages[-1]["text"].startswith("Jongere vraag_tlv.")


def test_fallback_offers_suggestions():
    messages, _ = run(ActionFallback(), tracker("blabla", "nlu_fallback"))
    assert messages[-1]["text"].startswith("Ouder nlu_fallback.")
    assert messages[-1]["buttons"]


def test_widget_channel_gets_the_sources_as_data_and_other_channels_do_not():
    widget, _ = run(ActionAnswer(), tracker("wat is een opp", "vraag_opp", channel="socketio"))
    answer = widget[-1]
    assert answer["text"].endswith(answer["custom"]["wegwijzer_bronnen"]["regel"])  # the plain line stays
    assert answer["custom"]["wegwijzer_bronnen"]["bronnen"][0]["url"].startswith("https://")
    rest, _ = run(ActionAnswer(), tracker("wat is een opp", "vraag_opp", channel="rest"))
    assert all(not m.get("custom") for m in rest)
    assert [m["text"] for m in rest] == [m["text"] for m in widget]
