"""bot.signals.placeholders: one compiler for the pattern files of safety and the wish for contact."""
import pytest

from bot.signals.placeholders import alternation, placeholder_compiler


def test_words_become_one_group_longest_first():
    assert alternation(["ma", "mama", "ma"]) == "(?:mama|ma)"


def test_placeholders_are_filled_and_an_unknown_one_names_its_file():
    compile_ = placeholder_compiler({"w": r"(?:\w+ )", "family": alternation(["vader", "stiefvader"])}, "x.yml")
    assert compile_(r"\b<family> <w>{0,3}slaat\b").search("mijn stiefvader wordt boos en slaat")
    with pytest.raises(ValueError, match=r"<nope> in x.yml"):
        compile_("<nope>")
