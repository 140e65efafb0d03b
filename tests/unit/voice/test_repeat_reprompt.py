"""bot.voice.repeat, bot.voice.reprompt and bot.voice.events."""
import pytest

from bot.content.check import voice_problems
from bot.voice.events import has_spoken, last_bot_turn, last_user_intent
from bot.voice.repeat import is_repeat_request
from bot.voice.reprompt import after_silence, silences_so_far
from bot.voice.texts import load_texts


@pytest.mark.parametrize("text", [
    "herhaal", "Herhaal.", "wat zei je", "Wat zei u?", "nog een keer", "Kunt u dat nog een keer zeggen?",
    "sorry, kun je dat herhalen", "pardon?", "nog eens alstublieft", "ik verstond het niet",
    "mag ik het nummer nog een keer", "eh wat zegt u",
])
def test_repeat_requests(text):
    assert is_repeat_request(text)


@pytest.mark.parametrize("text", [
    "", "ja", "ik heb nog een vraag", "ik wil opnieuw naar school", "mijn zoon zit al weken thuis",
    "wat is een opp", "wat zei de leerplichtambtenaar over verzuim",
    "herhaal " * 11,
    "nog een keer, ik wil dood",  # more than repeat words: goes to the assistant (safety first)
])
def test_not_repeat_requests(text):
    assert not is_repeat_request(text)


EVENTS = [
    {"event": "action", "name": "action_session_start"},
    {"event": "session_started"},
    {"event": "user", "text": "/groet", "parse_data": {"intent": {"name": "groet", "confidence": 1.0}}},
    {"event": "bot", "text": "Hallo.", "data": {}},
    {"event": "user", "text": "doei", "parse_data": {"intent": {"name": "afscheid", "confidence": 0.93}}},
    {"event": "action", "name": "action_answer"},
    {"event": "bot", "text": "Tot ziens.", "data": {"buttons": None}},
    {"event": "bot", "text": "Nog iets?", "data": {"buttons": [{"title": "Ja", "payload": "/ja"}]}},
    {"event": "action", "name": "action_listen"},
]


def test_last_bot_turn_is_everything_said_after_the_last_user_message():
    assert last_bot_turn(EVENTS) == [
        {"text": "Tot ziens.", "buttons": []},
        {"text": "Nog iets?", "buttons": [{"title": "Ja", "payload": "/ja"}]},
    ]
    assert last_bot_turn(EVENTS[:3]) == []
    assert last_bot_turn([]) == [] and last_bot_turn(["garbage", None]) == []


def test_has_spoken_and_last_user_intent():
    assert has_spoken(EVENTS) and not has_spoken(EVENTS[:3])
    assert last_user_intent(EVENTS) == ("afscheid", 0.93)
    assert last_user_intent([]) == ("", 0.0)


@pytest.mark.parametrize("value, count", [(None, 0), ("0", 0), ("1", 1), ("9", 5), ("-1", 0),
                                          ("x", 0), ("1e3", 0), ("999", 0), (" 2 ", 2)])
def test_silence_count_from_the_url_is_robust(value, count):
    assert silences_so_far(value) == count


def test_first_silence_reprompts_in_dutch_second_says_goodbye():
    texts = load_texts()
    first = after_silence(0, texts, max_silences=2)
    assert not first.hang_up and first.silences == 1
    assert first.turn.parts == (texts.stilte,) and first.turn.prompt.endswith("?")
    assert "herhaal" in first.turn.prompt
    second = after_silence(1, texts, max_silences=2)
    assert second.hang_up and second.turn.parts == (texts.stilte_afscheid,)
    assert voice_problems(second.turn.parts[0]) == []
    assert after_silence(0, texts, max_silences=1).hang_up
