"""bot.hulpvraag_form.from_story: the story told before the form fills the fields it surely answers."""
from datetime import date

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.from_story import story_fields
from bot.hulpvraag_form.questions import ask
from bot.hulpvraag_form.context import FormContext

TODAY = date(2026, 11, 24)


def test_age_school_since_and_tried_from_a_story():
    found = story_fields(["Mijn dochter van 14 zit op het vmbo en is sinds 3 november thuis. "
                          "We hebben de mentor gesproken en het samenwerkingsverband gemaild.",
                          "kan iemand mij bellen"], TODAY)
    assert found[F.LEEFTIJD]["leeftijd"] == 14
    assert found[F.SCHOOLTYPE] == "vmbo"
    assert found[F.THUIS_SINDS]["datum"] == "2026-11-03"
    assert found[F.GEPROBEERD] == ["samenwerkingsverband", "school"]


def test_nothing_told_fills_nothing_and_button_payloads_are_not_stories():
    assert story_fields(["wat is een tlv", "/mens_spreken"], TODAY) == {}
    assert story_fields([], TODAY) == {}


def test_a_number_that_is_not_an_age_is_not_taken():
    assert F.LEEFTIJD not in story_fields(["mijn moeder van 67 helpt ons, de kleine zit al 5 weken thuis"], TODAY)


def test_no_school_place_is_not_a_school_type():
    assert F.SCHOOLTYPE not in story_fields(["onze zoon heeft geen plek op een school"], TODAY)


def test_the_first_question_says_the_story_was_taken_over():
    ctx = FormContext(audience="ouder", voice=False, gemeente_code=None, gemeente_naam=None,
                      contactpunt_naam="het contactpunt", today=TODAY)
    filled = {F.LEEFTIJD: {"leeftijd": 12, "schoolfase": None}, F.POGINGEN: {F.FROM_STORY: [F.LEEFTIJD]}}
    text = ask(F.ROL, filled, ctx)[0].text
    assert "neem ik over" in text and "Wie bent u?" in text
    assert "neem ik over" not in ask(F.ROL, {}, ctx)[0].text
