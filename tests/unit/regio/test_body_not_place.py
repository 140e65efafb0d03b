"""'De gemeente' is often the body, not a place cue: "iemand van de gemeente belt" names no place
(Belt, Steenwijkerland), while "wij wonen in de gemeente best" still does."""
import pytest

from bot.regio.lookup import GEVONDEN, ONBEKEND, resolve_place


@pytest.mark.parametrize("text", [
    "eigenlijk wil ik toch dat iemand van de gemeente belt",
    "wanneer de regio belt weet ik het",
    "ik hoop dat die gemeente best snel reageert",
])
def test_the_body_then_an_ordinary_word_is_no_place(text):
    assert resolve_place(text).status == ONBEKEND


@pytest.mark.parametrize("text, gemeente", [
    ("wij wonen in de gemeente best", "Best"),
    ("gemeente best", "Best"),
    ("ik woon bij de gemeente Belt", "Steenwijkerland"),  # a capital still names the place
])
def test_a_place_after_the_word_gemeente_is_still_found(text, gemeente):
    r = resolve_place(text)
    assert r.status == GEVONDEN and r.gemeente == gemeente
