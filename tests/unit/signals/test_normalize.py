"""Spelling normalisation for NLU features (and, through normalize_for_matching, safety/audience)."""
from __future__ import annotations

import pytest

from bot.signals.normalize import (
    fold,
    load_spelling,
    normalize_for_matching,
    normalize_text,
    normalize_token,
    unstretch,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("nie", "niet"),
        ("Nie", "niet"),
        ("mn", "mijn"),
        ("m'n", "mijn"),
        ("m\u2019n", "mijn"),
        ("zn", "zijn"),
        ("z'n", "zijn"),
        ("ff", "even"),
        ("effe", "even"),
        ("ipv", "in plaats van"),
        ("wrm", "waarom"),
        ("wnr", "wanneer"),
        ("idd", "inderdaad"),
        ("k", "ik"),
        ("'k", "ik"),
        ("'t", "het"),
        ("egt", "echt"),
        ("echt", "echt"),
        ("nx", "niets"),
        ("niks", "niets"),
        ("nix", "niets"),
        ("tog", "toch"),
        ("dr", "er"),
        ("d'r", "er"),
        ("wa", "wat"),
        ("da", "dat"),
        ("kzit", "ik zit"),
        ("kwil", "ik wil"),
        ("kweenie", "ik weet het niet"),
        ("gwn", "gewoon"),
        ("mss", "misschien"),
        ("sws", "sowieso"),
        ("pls", "alsjeblieft"),
        ("w8", "wacht"),
        ("jij", "jij"),
        ("je", "je"),
        ("u", "u"),
        ("school", "school"),
        ("Coördinator", "coordinator"),
        ("suïcide", "suicide"),
        ("één", "een"),
        ("nieeee", "niet"),
        ("neeeee", "nee"),
        ("jaaaa", "ja"),
        ("doooood", "dood"),
        ("leeeeven", "leven"),
        ("zelfmoooord", "zelfmoord"),
        ("1000", "1000"),
        ("'s", "'s"),
        ("", ""),
    ],
)
def test_normalize_token(token: str, expected: str) -> None:
    assert normalize_token(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik wil nie", "ik wil niet"),
        ("Nie, mn mentor zegt ff wachten!", "niet, mijn mentor zegt even wachten!"),
        ("kzit thuis ipv op school", "ik zit thuis in plaats van op school"),
        ("wrm mag ik nie naar skool???", "waarom mag ik niet naar school???"),
        ("(mn moeder) zegt da het nie kan", "(mijn moeder) zegt dat het niet kan"),
        ("'k weet het nie", "ik weet het niet"),
        ("m'n zoon zit al 3 weken thuis.", "mijn zoon zit al 3 weken thuis."),
        ("  veel   spaties  ", "veel spaties"),
        ("...", "..."),
        ("", ""),
        ("Café één", "cafe een"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mn vader, slaat me!!", "mijn vader slaat me ."),
        ("k wil nie meer... echt nie", "ik wil niet meer . echt niet"),
        ("m'n zoon (14) zit thuis", "mijn zoon 14 zit thuis"),
        ("wat_is dit", "wat is dit"),
        ("Suïcide?", "suicide ."),
    ],
)
def test_normalize_for_matching(text: str, expected: str) -> None:
    assert normalize_for_matching(text) == expected


def test_fold() -> None:
    assert fold("ÉÉN Reünie m\u2019n") == "een reunie m'n"


def test_unstretch_prefers_known_single_letters() -> None:
    known = frozenset({"leven"})
    assert unstretch("leeeeven", known) == "leven"
    assert unstretch("doooood", known) == "dood"
    assert unstretch("boek", known) == "boek"


def test_spelling_data_is_clean() -> None:
    spelling = load_spelling()
    assert load_spelling() is spelling
    for key, value in spelling.mapping.items():
        assert key == fold(key) and key.strip() == key, key
        assert value and value == value.strip().lower(), key
        assert " " not in key, key
    assert "niet" in spelling.known_words


def test_mapped_values_are_stable() -> None:
    """Normalising twice changes nothing (the lemma of a lemma is itself)."""
    for value in load_spelling().mapping.values():
        assert normalize_text(value) == value
