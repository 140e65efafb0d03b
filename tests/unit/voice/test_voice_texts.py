"""bot/voice/texts.yml: the phone channel's own texts follow the voice and readability rules."""
import pytest
import yaml

from bot.content.check import voice_problems
from bot.content.readability import avg_sentence_length, flesch_douma
from bot.voice.texts import TEXTS_FILE, VoiceTexts, load_texts, parse_texts

SPOKEN = ["kennismaking", "stilte", "stilte_vraag", "stilte_afscheid", "standaardvraag", "herhaal_leeg",
          "fout", "ongeldig"]


@pytest.mark.parametrize("key", SPOKEN)
def test_spoken_texts_are_voice_safe_and_plain_dutch(key):
    text = getattr(load_texts(), key)
    assert voice_problems(text) == []
    assert avg_sentence_length(text) <= 15
    assert flesch_douma(text) >= 65, f"{key}: {flesch_douma(text):.0f}"


def test_the_disclosure_says_it_is_a_computer_program():
    assert "computerprogramma" in load_texts().kennismaking


def test_error_and_goodbye_name_emergency_or_a_person():
    texts = load_texts()
    assert "1 1 2" in texts.fout and "0 8 0 0, 5 0 1 0" in texts.fout
    assert "0 8 0 0, 5 0 1 0" in texts.stilte_afscheid


def test_hints_are_words_for_speech_recognition():
    hints = load_texts().hints
    assert "thuiszitten" in hints and "herhaal" in hints
    assert all(len(h) < 40 for h in hints)


def test_missing_or_wrong_texts_are_reported():
    data = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    assert isinstance(parse_texts(data), VoiceTexts)
    with pytest.raises(ValueError, match="fout"):
        parse_texts({**data, "fout": "  "})
    with pytest.raises(ValueError, match="hints"):
        parse_texts({**data, "hints": "thuiszitten"})
    with pytest.raises(ValueError):
        parse_texts(["geen", "mapping"])
