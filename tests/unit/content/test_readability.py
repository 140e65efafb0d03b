from __future__ import annotations

import pytest

from bot.content.readability import (
    avg_sentence_length,
    count_syllables,
    flesch_douma,
    split_sentences,
    words,
)

PLAIN_B1 = (
    "Uw kind zit thuis. Dat is niet goed. Bel eerst de school. "
    "Vraag om een gesprek. Zet uw vraag ook in een mail. De school moet u helpen."
)
BUREAUCRATIC = (
    "Overeenkomstig de toepasselijke wettelijke bepalingen inzake de leerplichtwetgeving "
    "dient het bevoegd gezag van de onderwijsinstelling, onverminderd de "
    "verantwoordelijkheden van het samenwerkingsverband, zorg te dragen voor een "
    "passende onderwijsvoorziening ten behoeve van de desbetreffende leerling."
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("school", 1), ("ouders", 2), ("onderwijs", 3), ("leerplichtambtenaar", 5), ("2014", 1)],
)
def test_count_syllables(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_count_syllables_is_at_least_one() -> None:
    assert count_syllables("a") == 1
    assert count_syllables("0800-5010") == 1


def test_count_syllables_ignores_case() -> None:
    assert count_syllables("Onderwijs") == count_syllables("onderwijs")


def test_split_sentences_on_end_marks_and_line_breaks() -> None:
    text = "Eén zin. Twee zinnen! Drie? Let op: vier\n- een lijstje\n\nnog een"
    assert split_sentences(text) == [
        "Eén zin.",
        "Twee zinnen!",
        "Drie?",
        "Let op:",
        "vier",
        "- een lijstje",
        "nog een",
    ]


def test_split_sentences_keeps_decimals_abbreviations_and_addresses() -> None:
    text = "Het duurt 3.5 week, o.a. bij de school, bijv. om 12:30 op oudersonderwijs.nl. Klaar."
    assert len(split_sentences(text)) == 2


def test_split_sentences_numbered_list_marker_is_not_a_sentence() -> None:
    assert split_sentences("1. Bel de school.\n2. Schrijf een mail.") == [
        "1. Bel de school.",
        "2. Schrijf een mail.",
    ]


def test_words_drops_punctuation() -> None:
    assert words("Bel (gratis) 0800-5010, of mail: vraag@oudersonderwijs.nl!") == [
        "Bel",
        "gratis",
        "0800-5010",
        "of",
        "mail",
        "vraag@oudersonderwijs.nl",
    ]


def test_avg_sentence_length() -> None:
    assert avg_sentence_length("Een twee drie. Vier vijf.") == pytest.approx(2.5)
    assert avg_sentence_length("") == 0.0


def test_flesch_douma_formula() -> None:
    # 4 words, 2 sentences, 5 syllables (school=1, ouders=2, kind=1, thuis=1).
    expected = 206.835 - 0.93 * (4 / 2) - 77 * (5 / 4)
    assert flesch_douma("School ouders. Kind thuis.") == pytest.approx(expected)


def test_flesch_douma_empty_text() -> None:
    assert flesch_douma("") == 0.0
    assert flesch_douma("...") == 0.0


def test_plain_b1_scores_higher_than_bureaucratic_text() -> None:
    plain, dense = flesch_douma(PLAIN_B1), flesch_douma(BUREAUCRATIC)
    assert plain > dense
    assert plain >= 70
    assert dense < 30
