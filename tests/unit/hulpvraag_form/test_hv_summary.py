"""The summary before sending and reading a correction of it."""
from datetime import date

import pytest

from bot.content.check import voice_problems
from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.flow import FormContext
from bot.hulpvraag_form.summary import parse_correction, summary_text

FILLED = {
    F.ROL: "ouder", F.GEMEENTE: {"code": "GM0479", "naam": "Zaanstad"},
    F.LEEFTIJD: {"leeftijd": 12, "schoolfase": "groep 8"}, F.SCHOOLTYPE: F.SKIPPED,
    F.THUIS_SINDS: {"tekst": "al 6 weken", "datum": "2026-10-13", "ongeveer": True},
    F.GEPROBEERD: ["school", "leerplicht"], F.HULPVRAAG: "Hij wil terug naar school.",
    F.CONTACT: {"telefoon": "+31612345678", "email": "jan.de-vries@example.nl"},
    F.VOORKEURSTIJD: "avond", F.TOESTEMMING: True,
}


def ctx(voice=False):
    return FormContext(audience="ouder", voice=voice, gemeente_code=None, gemeente_naam=None,
                       contactpunt_naam="Leerplicht Zaanstad", today=date(2026, 11, 24))


@pytest.mark.parametrize("text, slots", [
    ("het telefoonnummer klopt niet", [F.CONTACT]), ("verander mijn mail", [F.CONTACT]),
    ("mijn e-mail is fout", [F.CONTACT]), ("nee, jan@voorbeeld.nl", [F.CONTACT]),
    ("nee het is 0687654321", [F.CONTACT]), ("nee hij is 12", [F.LEEFTIJD]), ("de leeftijd klopt niet", [F.LEEFTIJD]),
    ("ze zit in groep 6", [F.LEEFTIJD]), ("verkeerde gemeente", [F.GEMEENTE]), ("we wonen in Zaandam", [F.GEMEENTE]),
    ("hij zit al 1 jaar thuis", [F.THUIS_SINDS]), ("verander de tijd", [F.VOORKEURSTIJD]),
    ("liever in de ochtend", [F.VOORKEURSTIJD]), ("ik wil mijn hulpvraag anders schrijven", [F.HULPVRAAG]),
    ("we hebben ook met leerplicht gepraat", [F.GEPROBEERD]), ("het is havo, geen vmbo", [F.SCHOOLTYPE]),
    ("mijn rol klopt niet", [F.ROL]), ("ik ben geen ouder", [F.ROL]),
    ("verander leeftijd", [F.LEEFTIJD]), ("verander contact", [F.CONTACT]), ("verander sinds", [F.THUIS_SINDS]),
    ("de leeftijd en het telefoonnummer", [F.LEEFTIJD, F.CONTACT]),
    ("nee", []), ("alles klopt niet", []), ("", []), ("x" * 5000, []),
])
def test_parse_correction(text, slots):
    assert parse_correction(text) == slots


def test_summary_lists_every_answer_in_chat():
    shown = summary_text(FILLED, ctx())
    assert shown.startswith("Dit stuur ik naar Leerplicht Zaanstad:")
    for part in ("ouder of verzorger", "Zaanstad", "12 jaar, groep 8", "al 6 weken", "school, leerplicht",
                 "Hij wil terug naar school.", "06 12345678", "jan.de-vries@example.nl", "avond",
                 "School: niet ingevuld"):
        assert part in shown


def test_summary_on_the_phone_is_voice_safe():
    shown = summary_text(FILLED, ctx(voice=True))
    assert voice_problems(shown) == []
    assert "0 6, 1 2 3, 4 5 6, 7 8" in shown
    assert "jan punt de streepje vries apenstaartje example punt n l" in shown
