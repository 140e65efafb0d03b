"""bot.voice.speech_text: what the phone reads aloud."""
import pytest

from bot.content.check import voice_problems
from bot.voice.speech_text import group_numbers, speak_turn, speakable, spoken_choices, split_question


@pytest.mark.parametrize("written, spoken", [
    ("Bel 0800-5010.", "Bel 0 8 0 0, 5 0 1 0."),
    ("Bel 0800 - 0113 nu", "Bel 0 8 0 0, 0 1 1 3 nu"),
    ("Bel 08005010.", "Bel 0 8 0 0, 5 0 1 0."),
    ("Bel 020 123 45 67.", "Bel 0 2 0, 1 2 3, 4 5, 6 7."),
    ("Bel 0201234567.", "Bel 0 2 0, 1 2 3, 4 5, 6 7."),
    ("Bel 0612345678.", "Bel 0 6, 1 2 3 4, 5 6 7 8."),
    ("Bel +31 20 123 4567.", "Bel plus 3 1, 2 0, 1 2 3, 4 5 6 7."),
    ("Bel 112 of 113.", "Bel 1 1 2 of 1 1 3."),
    ("Bel 14 020.", "Bel 1 4, 0 2 0."),
])
def test_phone_numbers_are_read_as_digits_in_groups(written, spoken):
    assert group_numbers(written) == spoken


@pytest.mark.parametrize("text", [
    "Sinds 2016 telt het ministerie.",
    "Na 4 weken en 16 jaar.",
    "Het nummer is 0 8 0 0, 5 0 1 0.",
    "Op 24 november 2026.",
])
def test_other_numbers_and_already_grouped_numbers_stay(text):
    assert group_numbers(text) == text


def test_grouping_is_idempotent():
    once = group_numbers("Bel Veilig Thuis: 0800-2000 of 112.")
    assert group_numbers(once) == once == "Bel Veilig Thuis: 0 8 0 0, 2 0 0 0 of 1 1 2."


def test_chat_text_becomes_speakable():
    chat = (
        "Wat een **lastige** situatie 😟. Lees meer op [de site](https://www.example.nl/info) of "
        "onderwijsconsulenten.nl/contact.\n"
        "- Bel Ouders & Onderwijs: 0800-5010\n"
        "- Mail vraag@oudersonderwijs.nl\n\n"
        "Bron: Ouders & Onderwijs. Gecontroleerd op 24 november 2026."
    )
    spoken = speakable(chat)
    assert voice_problems(spoken) == []
    assert "Bron" not in spoken and "Gecontroleerd" not in spoken
    assert "lastige situatie." in spoken
    assert "Lees meer op de site of de website." in spoken
    assert "Bel Ouders en Onderwijs: 0 8 0 0, 5 0 1 0." in spoken
    assert "Mail het e-mailadres op de website." in spoken


@pytest.mark.parametrize("hostile", [
    "<script>alert('x')</script> & <img src=x onerror=alert(1)>",
    "tekst\x00met\x07controle\u202etekens\ufeff en 👍🏽 duim",
    "# Kop\n`code` _nadruk_ ~~weg~~ | tabel |",
])
def test_hostile_or_markup_text_is_plain_speech(hostile):
    spoken = speakable(hostile)
    assert voice_problems(spoken) == []
    assert not any(ch in spoken for ch in "<>`*#_|\x00\x07\u202e\ufeff")


def test_voice_variant_from_content_is_left_as_written():
    text = "Ik ben Wegwijzer, een computerprogramma. Een mens spreken kan bij Ouders en Onderwijs, op 0 8 0 0, 5 0 1 0."
    assert speakable(text) == text


def test_closing_question_is_split_off_but_a_question_inside_stays():
    assert split_question("Is er gevaar? Bel dan 1 1 2.") == ("Is er gevaar? Bel dan 1 1 2.", None)
    assert split_question("Dat is lastig. Wilt u meer weten?") == ("Dat is lastig.", "Wilt u meer weten?")


def test_buttons_are_read_as_short_spoken_choices():
    assert spoken_choices(["Schorsing", "Verwijdering"]) == "Zeg: schorsing, of: verwijdering."
    assert spoken_choices(["Wie ben ik?", "OPP", "TLV", "Vierde"]) == "Zeg: wie ben ik, OPP, of: TLV."
    assert spoken_choices(["Schorsing"]) == "Zeg: schorsing."
    assert spoken_choices(["", "🙂"]) == ""


def test_turn_asks_one_question_last_after_the_choices():
    messages = [
        {"text": "Ik ben een computerprogramma. Wilt u iets weten?"},
        {"text": "U mag bezwaar maken. Zie https://x.nl.\n\nWat wilt u doen?",
         "buttons": [{"title": "Schorsing", "payload": "/vraag_schorsing"},
                     {"title": "Verwijdering", "payload": "/vraag_verwijdering"}]},
    ]
    turn = speak_turn(messages, "Wat wilt u nog weten?")
    assert turn.parts == ("Ik ben een computerprogramma.", "U mag bezwaar maken. Zie de website.")
    assert turn.prompt == "Zeg: schorsing, of: verwijdering. Wat wilt u doen?"
    assert turn.own_question
    assert all("?" not in part for part in turn.parts)


def test_turn_without_question_ends_with_the_default_question():
    turn = speak_turn([{"text": "Uw kind heeft recht op onderwijs."}], "Wat wilt u nog weten?")
    assert turn.prompt == "Wat wilt u nog weten?" and not turn.own_question


def test_turn_ignores_garbage_messages_and_caps_length():
    long = "Dit is een zin. " * 400
    turn = speak_turn([None, {"text": None}, {"text": long}, {"buttons": "x"}], "Vraag?")
    assert sum(len(p) for p in turn.parts) <= 3000
    assert turn.parts and turn.parts[0].endswith(".")
