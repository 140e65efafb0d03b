"""Stop, skip, yes and no: recognised as (nearly) the whole message, not inside an answer."""
import pytest

from bot.signals.control_words import is_skip, is_stop, starts_with_no, yes_no


@pytest.mark.parametrize("text", [
    "stop", "STOP", "Stop!", "stoppen", "stopppp", "laat maar", "Laat maar zitten", "nee laat maar",
    "ik wil niet meer", "Ik wil niet meer.", "hou op", "houd op", "hou op met die vragen", "ok stop maar",
    "kap ermee", "annuleren", "ik wil stoppen", "nee joh laat maar", "vergeet het", "ik stop",
    "sorry, ik wil stoppen", "laat ook maar", "cancel", "toch niet",
    # a stop word with a reason to pause, before or after it
    "ik wil stoppen, ik denk er nog even over na", "stop maar, ik kom er later op terug",
    "laat maar, misschien later", "ik wil stoppen want ik moet het eerst overleggen met mijn man",
    "ik denk er nog even over na dus stop maar", "nee laat maar ik heb nu geen tijd",
    "ik stop, ik bel zelf wel",
    # a word between the parts (session 12: found by the multi-turn test stories)
    "hou maar op", "houd er maar op", "ik wil hier nu mee stoppen", "ik wil er mee stoppen", "ik wil hiermee stoppen",
    "ik wil nu even stoppen",
])
def test_stop(text):
    assert is_stop(text)


@pytest.mark.parametrize("text", [
    "hij wil niet meer naar school", "ik wil niet meer naar school", "stop met pesten is wat hij nodig heeft",
    "de school zegt laat maar", "we willen dat de school ophoudt met schorsen", "", "ja", "nee",
    "sla over", "stop" + " x" * 200,
    # a reason to pause on its own may be an answer; a stop word inside a story is not a stop
    "ik denk er nog even over na", "misschien later", "later", "ik kom er later op terug",
    "stop met pesten, ik denk er nog even over na wat we doen",
    "hij houdt nu op met school", "ik wil dat de school ermee stopt",
])
def test_not_stop(text):
    assert not is_stop(text)


@pytest.mark.parametrize("text", [
    "sla over", "Sla maar over", "overslaan", "skip", "weet ik niet", "kweenie", "geen idee", "liever niet",
    "zeg ik liever niet", "geen", "volgende", "n.v.t.", "idk", "ik weet het niet", "weet niet", "pas",
])
def test_skip(text):
    assert is_skip(text)


@pytest.mark.parametrize("text", ["vmbo", "ik weet niet of hij terug wil", "geen school", "stop", "ja", ""])
def test_not_skip(text):
    assert not is_skip(text)


@pytest.mark.parametrize("text", [
    "ja", "Ja!", "jaaa", "ja hoor", "jep", "jeppp", "jup", "yes", "yess", "ja graag", "klopt", "dat klopt",
    "ok", "oké", "prima", "is goed", "doe maar", "ja, verstuur maar", "zeker", "ja zeker", "tuurlijk", "👍",
    "Ja, dat mag", "akkoord",
])
def test_yes(text):
    assert yes_no(text) is True


@pytest.mark.parametrize("text", [
    "nee", "Nee.", "neee", "nee joh", "nope", "nah", "no", "klopt niet", "dat klopt niet", "liever niet",
    "niet versturen", "nee hoor", "👎",
])
def test_no(text):
    assert yes_no(text) is False


@pytest.mark.parametrize("text", ["misschien", "ja maar het nummer klopt niet", "hij is 12", "", "jan@example.nl"])
def test_neither_yes_nor_no(text):
    assert yes_no(text) is None


@pytest.mark.parametrize("text, expected", [
    ("nee hij is 12", True), ("Nee, de mail klopt niet", True), ("klopt niet: hij is 13", True),
    ("het nummer klopt niet", False), ("neem contact op", False), ("ja", False),
])
def test_starts_with_no(text, expected):
    assert starts_with_no(text) is expected
