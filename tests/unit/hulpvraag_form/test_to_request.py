"""From confirmed form answers to the stored HelpRequest (bot.hulpvraag_form.to_request)."""
from bot.hulpvraag.request import HelpRequest
from bot.hulpvraag_form.to_request import MAX_PLAN_CHARS, help_request

FIELDS = {
    "rol": "ouder", "gemeente_code": "GM0479", "gemeente_naam": "Zaanstad", "leeftijd": 13,
    "schoolfase": None, "schooltype": "havo", "thuis_sinds": "al 6 weken", "geprobeerd": ["leerplicht", "school"],
    "hulpvraag": "Hij zit thuis.", "telefoon": "+31612345678", "email": None, "voorkeurstijd": None,
    "toestemming": True,
}


def test_skipped_answers_become_empty_strings():
    req = help_request(FIELDS, gesprek_id="s1", kanaal="chat")
    assert isinstance(req, HelpRequest)
    assert req.email == "" and req.voorkeurstijd == "" and req.schoolfase == ""
    assert req.leeftijd == 13 and req.toestemming is True and req.gesprek_id == "s1"


def test_only_known_steps_in_fixed_order():
    req = help_request(dict(FIELDS, geprobeerd=["nog niets", "jeugdhulp", "school", "<script>"]), "s1", "chat")
    assert req.geprobeerd == ["school", "jeugdhulp"]
    assert help_request(dict(FIELDS, geprobeerd=None), "s1", "chat").geprobeerd == []


def test_consent_must_be_exactly_true():
    assert help_request(dict(FIELDS, toestemming="ja"), "s1", "chat").toestemming is False


def test_age_must_be_a_whole_number():
    assert help_request(dict(FIELDS, leeftijd="13"), "s1", "chat").leeftijd is None
    assert help_request(dict(FIELDS, leeftijd=True), "s1", "chat").leeftijd is None


def test_plan_is_attached_and_bounded():
    req = help_request(FIELDS, "s1", "spraak", stappenplan="x" * (MAX_PLAN_CHARS + 50))
    assert len(req.stappenplan) == MAX_PLAN_CHARS and req.kanaal == "spraak"
    assert help_request(FIELDS, "s1", "chat", stappenplan={"niet": "tekst"}).stappenplan == ""
