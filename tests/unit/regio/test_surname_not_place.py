"""A title before a name makes it a surname, not a place: "mevrouw De Boer" signs a letter, Boer is also a village
(found in an independent writer's story, session 17). After a residence cue the place is still found."""
import pytest

from bot.regio.lookup import ONBEKEND, resolve_place


@pytest.mark.parametrize("text", [
    "Met vriendelijke groet, mevrouw De Boer",
    "groetjes van meneer Van Dam",
    "namens de familie de Vries",
])
def test_a_surname_after_a_title_is_no_place(text):
    assert resolve_place(text).status == ONBEKEND


@pytest.mark.parametrize("text, place", [
    ("wij wonen in Boer", "Boer"),
    ("familie de Vries uit Assen", "Assen"),
    ("mevrouw Jansen uit Zwolle", "Zwolle"),
])
def test_a_place_after_the_name_is_still_found(text, place):
    found = resolve_place(text)
    assert found.status != ONBEKEND and found.matched_text == place
