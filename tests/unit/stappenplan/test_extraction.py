"""Extraction from free text: dates (relative to a fixed today), steps (with negation), other facts.
More than 60 phrasings, including typos and youth spelling."""
from __future__ import annotations

from datetime import date

import pytest

from bot.stappenplan import Situation, extract_situation
from bot.stappenplan.extract_dates import find_dates
from bot.stappenplan.extract_steps import extract_steps
from bot.stappenplan.situation import ESTIMATE, EXACT

TODAY = date(2026, 11, 24)  # a Tuesday

# text -> (date, precision) of the first date mention
DATES = [
    ("hij zit sinds 2 september thuis", date(2026, 9, 2), EXACT),
    ("sinds 2 sept", date(2026, 9, 2), EXACT),
    ("sinds 2 sep.", date(2026, 9, 2), EXACT),
    ("vanaf 2e spetember", date(2026, 9, 2), EXACT),
    ("sinds 2 setember", date(2026, 9, 2), EXACT),
    ("op 14 oktobr aangemeld", date(2026, 10, 14), EXACT),
    ("sinds 3 novmber", date(2026, 11, 3), EXACT),
    ("2-9-2026", date(2026, 9, 2), EXACT),
    ("02/09/2026", date(2026, 9, 2), EXACT),
    ("2-9-26", date(2026, 9, 2), EXACT),
    ("op 2/9", date(2026, 9, 2), EXACT),
    ("sinds 14 oktober 2025", date(2025, 10, 14), EXACT),
    ("sinds 20 december", date(2025, 12, 20), EXACT),  # no year, in the future this year -> last year
    ("sinds maandag", date(2026, 11, 23), EXACT),
    ("sinds vrijdag", date(2026, 11, 20), EXACT),
    ("sinds dinsdag", date(2026, 11, 17), EXACT),  # today is a Tuesday: the one before
    ("vorige week dinsdag", date(2026, 11, 17), EXACT),
    ("gisteren", date(2026, 11, 23), EXACT),
    ("eergisteren", date(2026, 11, 22), EXACT),
    ("al 6 weken", date(2026, 10, 13), ESTIMATE),
    ("al zes weken thuis", date(2026, 10, 13), ESTIMATE),
    ("kzit al 3 wkn thuis", date(2026, 11, 3), ESTIMATE),
    ("3 weken geleden", date(2026, 11, 3), ESTIMATE),
    ("al 2 maanden", date(2026, 9, 24), ESTIMATE),
    ("al een maand", date(2026, 10, 24), ESTIMATE),
    ("al een half jaar", date(2026, 5, 24), ESTIMATE),
    ("al 10 dagen", date(2026, 11, 14), ESTIMATE),
    ("vorige maand", date(2026, 10, 15), ESTIMATE),
    ("vorige week", date(2026, 11, 17), ESTIMATE),
    ("begin oktober", date(2026, 10, 1), ESTIMATE),
    ("half oktober", date(2026, 10, 15), ESTIMATE),
    ("eind september", date(2026, 9, 25), ESTIMATE),
    ("sinds okt", date(2026, 10, 1), ESTIMATE),
    ("sinds de kerstvakantie", date(2026, 1, 5), ESTIMATE),
    ("na de herfstvakantie", date(2026, 10, 27), ESTIMATE),
    ("sinds de zomervakantie", date(2026, 9, 1), ESTIMATE),
    ("sinds het begin van het schooljaar", date(2026, 9, 1), ESTIMATE),
    ("na de meivakantie", date(2026, 5, 6), ESTIMATE),
    ("sinds de krokusvakantie", date(2026, 3, 2), ESTIMATE),
    ("in de herfstvakantie aangemeld", date(2026, 10, 20), ESTIMATE),
]


@pytest.mark.parametrize("text,expected,precision", DATES, ids=[d[0] for d in DATES])
def test_date_phrasings(text, expected, precision):
    found = find_dates(text, TODAY)
    assert found, text
    assert found[0].fact.value == expected
    assert found[0].fact.precision == precision


@pytest.mark.parametrize("text", ["om 9.30 uur", "16 uur in 4 weken", "artikel 5 onder a", "31-2-2026",
                                  "binnen 6 weken beslissen", "groep 7", "klas 2", ""])
def test_not_dates(text):
    assert find_dates(text, TODAY) == []


def test_holiday_date_carries_the_holiday_name():
    fact = find_dates("in de herfstvakantie aangemeld", TODAY)[0].fact
    assert fact.holiday == "herfstvakantie"


# text -> steps (exact dict)
STEPS = [
    ("we hebben met school gepraat", {"school": True}),
    ("gesprek gehad met de mentor", {"school": True}),
    ("met de zorgcoördinator gesproken", {"school": True}),
    ("leerplicht gebeld", {"leerplicht": True}),
    ("de leerplichtambtenaar is ingeschakeld", {"leerplicht": True}),
    ("leerplicht nog niet gebeld", {"leerplicht": False}),
    ("we hebben nog geen contact gehad met leerplicht", {"leerplicht": False}),
    ("er was een mdo", {"mdo": True}),
    ("we hebben een MDO gehad", {"mdo": True}),
    ("bij het swv aangeklopt", {"swv": True}),
    ("contact gehad met het ouder- en jeugdsteunpunt", {"swv": True}),
    ("onderwijsconsulent ingeschakeld", {"onderwijsconsulent": True}),
    ("we hebben ons aangemeld bij de onderwijsconsulenten", {"onderwijsconsulent": True}),
    ("klacht ingediend", {"klacht": True}),
    ("we zitten bij de geschillencommissie", {"geschillencommissie": True}),
    ("een melding gedaan bij de inspectie", {"inspectie": True}),
    ("de kinderombudsman gemaild", {"kinderombudsman": True}),
    ("bezwaar gemaakt bij het bestuur", {"bezwaar": True, "school": True}),  # the bestuur is part of the school step
    ("met school en leerplicht gebeld", {"school": True, "leerplicht": True}),
    ("we hebben met school gepraat en leerplicht nog niet gebeld", {"school": True, "leerplicht": False}),
    ("we hebben met school gepraat maar leerplicht nog niet gebeld", {"school": True, "leerplicht": False}),
    ("leerplicht en school nog niet gebeld", {"leerplicht": False, "school": False}),
    ("school wil niet helpen", {"school": True}),
    ("mn mentor reageert nie", {"school": True}),
    ("leerplicht gebelt maar die deed niks", {"leerplicht": True}),
    ("hij gaat niet naar school en we hebben leerplicht gebeld", {"leerplicht": True}),
    ("we hebben alles geprobeerd met school, leerplicht en het samenwerkingsverband",
     {"school": True, "leerplicht": True, "swv": True}),
    ("School, leerplicht en swv hebben we allemaal gesproken", {"school": True, "leerplicht": True, "swv": True}),
    ("moeten we naar de kinderombudsman?", {}),
    ("we willen naar de geschillencommissie", {}),
    ("volgende week gaan we met leerplicht praten", {}),
    ("hij gaat niet naar school", {}),
    ("we hebben hem aangemeld bij een nieuwe school", {}),
]


@pytest.mark.parametrize("text,expected", STEPS, ids=[s[0] for s in STEPS])
def test_step_phrasings(text, expected):
    assert extract_steps(text) == expected


FACTS = [
    ("we hebben haar per mail aangemeld", {"aangemeld": True, "schriftelijk": True}),
    ("aanmeldformulier ingevuld en opgestuurd", {"aangemeld": True, "schriftelijk": True}),
    ("alleen telefonisch aangemeld", {"aangemeld": True, "schriftelijk": False}),
    ("we hebben alleen gebeld om hem aan te melden", {"aangemeld": True, "schriftelijk": False}),
    ("nog niet aangemeld", {"aangemeld": False}),
    ("de school heeft haar afgewezen", {"besluit": "afgewezen"}),
    ("nog geen besluit", {"besluit_ontvangen": False}),
    ("school heeft de termijn met 4 weken verlengd", {"verlenging": True}),
    ("hij staat nergens ingeschreven", {"ingeschreven": False}),
    ("hij staat nog ingeschreven", {"ingeschreven": True}),
    ("hij krijgt helemaal geen les", {"zonder_onderwijs": True}),
    ("ze krijgt wel online les", {"zonder_onderwijs": False}),
    ("ze heeft een vrijstelling 5a", {"vrijstelling": True}),
    ("geen vrijstelling", {"vrijstelling": False}),
    ("hij is 8 dagen geschorst", {"geschorst": True, "schorsing_dagen": 8}),
    ("ze is een week geschorst", {"geschorst": True, "schorsing_dagen": 5}),
    ("hij is van school gestuurd", {"verwijderd": True}),
    ("hij zit in groep 7", {"schooltype": "po"}),
    ("ze zit in de brugklas van het vmbo", {"schooltype": "vo"}),
    ("ik zit op het mbo", {"schooltype": "mbo"}),
    ("mijn zoon van 12", {"leeftijd": 12}),
    ("ze is 4 jaar", {"leeftijd": 4}),
    ("Mijn dochter (15) zit thuis", {"leeftijd": 15}),
    ("ik ben 19", {"leeftijd": 19}),
    ("hij is op 2 november verwijderd", {"leeftijd": None, "verwijderd": True}),
    ("hij zit al 3 weken thuis", {"leeftijd": None}),
]


@pytest.mark.parametrize("text,expected", FACTS, ids=[f[0] for f in FACTS])
def test_fact_phrasings(text, expected):
    situation = extract_situation(text, TODAY)
    for field, value in expected.items():
        assert getattr(situation, field) == value, (field, situation.to_dict())


def test_dates_go_to_the_field_their_clause_is_about():
    s = extract_situation("Hij zit sinds 2 september thuis. Op 15 september hebben we hem per mail aangemeld. "
                          "Op 3 november is hij geschorst.", TODAY)
    assert s.thuis_sinds.value == date(2026, 9, 2)
    assert s.aangemeld_op.value == date(2026, 9, 15)
    assert s.schorsing_sinds.value == date(2026, 11, 3)


@pytest.mark.parametrize("text, expected", [
    # The time at home is the date nearest to its own keyword, not the first date in the clause.
    ("Mijn zoon van 14 staat op de wachtlijst sinds de zomer voor jeugdhulp en zit nu al 9 weken thuis.",
     date(2026, 9, 22)),
    ("onze dochter staat sinds de zomer op een wachtlijst, ze zit al 9 weken thuis", date(2026, 9, 22)),
    ("sinds de zomervakantie wacht hij op een plek op het SO. Hij is nu al 9 weken thuis.", date(2026, 9, 22)),
    ("we wachten sinds maart op een tlv en hij zit sinds 1 oktober thuis", date(2026, 10, 1)),
    # a date the time at home alone claims still counts
    ("sinds de zomer zit hij thuis en hij staat op een wachtlijst", date(2026, 9, 1)),
])
def test_a_waiting_list_date_is_not_the_time_at_home(text, expected):
    s = extract_situation(text, TODAY)
    assert s.thuis_sinds is not None and s.thuis_sinds.value == expected, s.to_dict()
    assert s.tlv_op is None  # waiting for a TLV since March is no TLV decision


def test_waiting_list_alone_gives_no_start_at_home():
    assert extract_situation("hij staat sinds de zomer op de wachtlijst", TODAY).thuis_sinds is None


def test_nearest_keyword_wins_when_two_dates_claim_one_field():
    s = extract_situation("ze is sinds oktober ziek, en zit sinds 2 november helemaal thuis", TODAY)
    assert s.thuis_sinds.value == date(2026, 11, 2)


def test_tlv_date_wins_over_the_word_besluit():
    s = extract_situation("Op 1 september kwam het besluit over de tlv, we zijn het er niet mee eens", TODAY)
    assert s.tlv_op.value == date(2026, 9, 1)
    assert s.tlv_oneens is True
    assert s.besluit_op is None


def test_bare_answer_fills_the_field_that_was_asked():
    before = extract_situation("we hebben haar schriftelijk aangemeld", TODAY)
    after = extract_situation("15 september", TODAY, before, expecting="aangemeld_op")
    assert after.aangemeld_op.value == date(2026, 9, 15)
    assert after.thuis_sinds is None
    yes = extract_situation("ja", TODAY, Situation(), expecting="ingeschreven")
    assert yes.ingeschreven is True
    no = extract_situation("nee hoor", TODAY, Situation(), expecting="schriftelijk")
    assert no.schriftelijk is False


def test_merge_keeps_earlier_facts_and_newer_wins():
    first = extract_situation("hij zit sinds 2 september thuis, leerplicht nog niet gebeld", TODAY)
    second = extract_situation("nu hebben we leerplicht gebeld", TODAY, first)
    assert second.thuis_sinds.value == date(2026, 9, 2)
    assert second.stappen["leerplicht"] is True


def test_safety_signal_is_detected_and_sticks():
    first = extract_situation("ik wil niet meer leven", TODAY)
    assert first.veiligheid
    later = extract_situation("we hebben met school gepraat", TODAY, first)
    assert later.veiligheid == first.veiligheid


@pytest.mark.parametrize("bad", [None, "", "   ", 42, "\x00" * 50, "a" * 20000, "{{{{ ]]]] $$$ 99-99-9999"])
def test_hostile_input_never_crashes(bad):
    result = extract_situation(bad, TODAY)  # type: ignore[arg-type]
    assert isinstance(result, Situation)
