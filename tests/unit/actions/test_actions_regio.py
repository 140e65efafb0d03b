"""The region adapters on real rasa_sdk trackers, with the real content and region directory."""
import asyncio
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import content_library
from actions.turn import ActionAnswer
from actions.turn import ActionFallback
from actions.turn import ActionRegio
from actions.turn import ActionSafety

CONTENT = Path(__file__).resolve().parents[3] / "content" / "antwoorden"


@pytest.fixture(autouse=True)
def real_content(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_CONTENT_DIR", str(CONTENT))
    content_library.library.cache_clear()
    yield
    content_library.library.cache_clear()


def tracker(text, intent, slots=None, entities=(), first=False, channel="rest", ranking=()):
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
        "entities": [{"entity": e, "value": v} for e, v in entities],
        "metadata": {},
    }
    events = [{"event": "session_started"}, {"event": "action", "name": "action_listen"}]
    if not first:
        events.append({"event": "bot", "text": "eerder"})
    events.append({"event": "user", "text": text, "input_channel": channel, "parse_data": latest})
    return Tracker("s1", {"doelgroep": "ouder", **(slots or {})}, latest, events, False, None, {}, "action_listen")


def run(action, trk):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_contact_question_asks_for_place():
    messages, slots = run(ActionRegio(), tracker("wie kan ik bellen", "vraag_contact"))
    assert "postcode" in messages[-1]["text"]
    assert messages[-1]["buttons"][0]["title"] == "Liever niet zeggen"
    assert slots == {"regio_vraag": "plaats"}


def test_place_answer_fills_slot_and_gives_contacts():
    messages, slots = run(ActionRegio(), tracker("Zaandam", "woonplaats_noemen", slots={"regio_vraag": "plaats"}))
    assert messages[0]["text"].startswith("In Zaanstad kunt u terecht bij:")
    assert slots == {"gemeente": "GM0479", "regio_vraag": None}


def test_button_choice_payload_entity():
    messages, slots = run(ActionRegio(), tracker('/woonplaats_noemen{"plaats": "GM0373"}', "woonplaats_noemen",
                                                slots={"regio_vraag": "keuze"}, entities=[("plaats", "GM0373")]))
    assert slots["gemeente"] == "GM0373" and messages[0]["text"].startswith("In Bergen (Noord-Holland)")


def test_story_answer_gets_regional_line_and_slot():
    text = "wij wonen in Zaandam en onze dochter zit al 6 weken thuis, school doet niks"
    messages, slots = run(ActionAnswer(), tracker(text, "situatie_thuiszitten"))
    assert slots["gemeente"] == "GM0479"
    assert any(m["text"].startswith("In Zaanstad kunt u terecht bij leerplicht") for m in messages)


def test_known_place_adds_regional_line_to_leerplicht_answer():
    messages, slots = run(ActionAnswer(), tracker("wat doet een leerplichtambtenaar", "vraag_leerplichtambtenaar",
                                                 slots={"gemeente": "GM0150"}))
    assert messages[-1]["text"].startswith("In Deventer is dat")
    assert "gemeente" not in slots


def test_fallback_after_place_question_reads_the_place():
    messages, slots = run(ActionFallback(), tracker("Amstrdam", "nlu_fallback", slots={"regio_vraag": "plaats"}))
    assert slots["gemeente"] == "GM0363" and messages[0]["text"].startswith("In Amsterdam")


def test_safety_stays_first_and_place_is_remembered():
    messages, slots = run(ActionSafety(), tracker("ik woon in Zaandam en mijn vader slaat mij", "veiligheid"))
    assert "112" in messages[0]["text"]
    assert slots.get("gemeente") == "GM0479"


def test_first_turn_region_answer_has_intro():
    messages, _ = run(ActionRegio(), tracker("ik woon in Deventer", "woonplaats_noemen", first=True))
    assert "computerprogramma" in messages[0]["text"]
    assert "Deventer" in messages[1]["text"]


def test_voice_channel_is_voice_safe():
    from bot.content.check import voice_problems
    messages, _ = run(ActionRegio(), tracker("wie kan ik bellen", "vraag_contact", slots={"gemeente": "GM0479"},
                                             channel="twilio_voice"))
    assert voice_problems(messages[0]["text"]) == [] and not messages[0].get("buttons")


def test_gibberish_classified_as_place_gets_the_fallback_reply():
    messages, slots = run(ActionRegio(), tracker("asdfkj", "woonplaats_noemen"))
    fallback = content_library.library().get("nlu_fallback").tekst["ouder"].strip()
    assert fallback in messages[0]["text"] and slots == {}


def _with_metadata(trk, metadata):
    trk.latest_message["metadata"] = metadata
    return trk


def test_page_region_from_widget_metadata_fills_the_slot():
    trk = _with_metadata(tracker("wie kan ik bellen", "vraag_contact"), {"gemeente": "GM0479"})
    messages, slots = run(ActionRegio(), trk)
    assert "Zaanstad" in messages[0]["text"]
    assert slots.get("gemeente") == "GM0479"


@pytest.mark.parametrize("value", ["GM9999", "<script>", 479, "gm0479; drop table"])
def test_page_region_ignores_unknown_or_hostile_codes(value):
    trk = _with_metadata(tracker("wie kan ik bellen", "vraag_contact"), {"gemeente": value})
    messages, slots = run(ActionRegio(), trk)
    assert "postcode" in messages[-1]["text"]  # still asks for the place
