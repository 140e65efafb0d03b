"""Redaction round 4 (session 12, issue 18): birth dates, school names and phone numbers in the forms people
write them. Each form here was missed by the code before this round (41da5a5); the texts that must stay
show that dates of events, amounts, reference numbers, organisations and kinds of school stay readable."""
from __future__ import annotations

import time

import pytest

from tests.support.redaction_checks import LINEAR_CPU_SECONDS
from bot.privacy.redaction import find_personal_data, redact


def masked(text: str, piece: str, kind: str) -> bool:
    """Every letter and digit of ``piece`` lies inside a finding of ``kind``."""
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


BIRTH_DATES = [
    # written-out days and years
    ("ze is geboren op veertien mei tweeduizend dertien", "veertien mei tweeduizend dertien"),
    ("geboren eenentwintig juni tweeduizend elf", "eenentwintig juni tweeduizend elf"),
    ("hij is geboren op zevenentwintig september 2012", "zevenentwintig september 2012"),
    ("geboren de eerste van mei 2012", "eerste van mei 2012"),
    # the year after a birthday, the year before a day
    ("hij is jarig 9 april, geboren 2012", "9 april, geboren 2012"),
    ("ze is van 2013, van 2 juni", "2 juni"),
    # a list of birth dates after one cue
    ("geboren 12 maart 2012 en 9 mei", "9 mei"),
    ("geboren op 3 mei en 7 september", "7 september"),
    ("geb. 12 mrt, 3 jul en 30 okt", "30 okt"),
    # an identity document's date (also 1 January, which is otherwise skipped)
    ("op zijn paspoort staat 01-01-2012", "01-01-2012"),
    ("op haar verblijfspas staat 1 januari 2011", "1 januari 2011"),
    ("ze is geboren in 2012 op 5 mei", "5 mei"),
    # foreign word order, month names and cues
    ("córka ur. 2 lutego 2014", "2 lutego 2014"),
    ("mon fils, né le 17 février 2012, reste à la maison", "17 février 2012"),
    ("mein Sohn ist geboren am 3. März 2013", "3. März 2013"),
    ("nacida el 21 de marzo de 2013", "21 de marzo de 2013"),
    ("oğlum doğum tarihi 5 nisan 2012", "5 nisan 2012"),
]

SCHOOLS = [
    ("sinds ze van het Atheneum Noord is gestuurd", "Atheneum Noord"),
    ("hij is van het Gymnasium Zuid gestuurd", "Gymnasium Zuid"),
    ("door het St. Ignatius College geschorst", "St. Ignatius College"),
    ("hij zit op mbo Koning Willem College", "mbo Koning Willem College"),
    ("mijn school (vmbo het rivierduin) belt steeds", "vmbo het rivierduin"),
    ("ze zit op havo de brink in Emmen", "havo de brink"),
    ("ik zat op de wilgenroos school in klas 2", "wilgenroos school"),
    ("naar de Nour basisschool in Rotterdam", "Nour basisschool"),
    ("school: Joodse basisschool Beth Shalom", "Joodse basisschool Beth Shalom"),
    ("hij ging naar de Evangelische basisschool De Ark", "Evangelische basisschool De Ark"),
    ("zit op de Montessorischool Aan de Amstel", "Montessorischool Aan de Amstel"),
    ("mijn dochter zit op Jenaplanschool In de Wolken", "Jenaplanschool In de Wolken"),
    ("het montessori college flevoland belt niet terug", "montessori college flevoland"),
    ("De Vlieger Zaandam wil haar niet toelaten", "De Vlieger Zaandam"),
    ("Het Kompas locatie West stuurde hem naar huis", "Het Kompas locatie West"),
    ("Het Baken zegt dat hij niet terug mag", "Het Baken"),
    ("De Klimop belt ons steeds op", "De Klimop"),
    ("hij zit op het Comenius College locatie Hilversum", "Comenius College locatie Hilversum"),
    ("ze gaat naar Campus Hoogvliet", "Campus Hoogvliet"),
    ("hij zit op MBO Rijnland", "MBO Rijnland"),
]

PHONES = [
    ("bel me op 06-79123456", "06-79123456"),        # a mobile's shape, the range not in use (fail closed)
    ("Moeder: Salma 06 91 23 45 67.", "06 91 23 45 67"),
    ("nul zes twaalf vierendertig zesenvijftig achtenzeventig", "nul zes twaalf vierendertig zesenvijftig achtenzeventig"),
    ("nul zes tweeëntwintig drieëndertig 44 55", "nul zes tweeëntwintig drieëndertig 44 55"),
    ("bel 06\u201112345678 na vijven", "06\u201112345678"),   # a non-breaking hyphen (phones and word processors)
    ("mobiel: 6 12 34 56 78", "6 12 34 56 78"),              # the 0 left out after a word for a phone
]


@pytest.mark.parametrize("text, piece", BIRTH_DATES)
def test_birth_date_form_is_masked(text, piece):
    assert masked(text, piece, "geboortedatum"), (text, [(s.kind, s.text) for s in find_personal_data(text)])


@pytest.mark.parametrize("text, piece", SCHOOLS)
def test_school_form_is_masked(text, piece):
    assert masked(text, piece, "school"), (text, [(s.kind, s.text) for s in find_personal_data(text)])


@pytest.mark.parametrize("text, piece", PHONES)
def test_phone_form_is_masked(text, piece):
    assert masked(text, piece, "telefoon"), (text, [(s.kind, s.text) for s in find_personal_data(text)])


@pytest.mark.parametrize("text", [
    # dates of events, years alone, amounts, reference numbers, service numbers
    "op 12 maart hebben we een gesprek op school",
    "sinds 3 maart zit hij thuis",
    "de brief van 14 februari 2025 kwam te laat",
    "hij is in 2012 geboren en zit in groep 8",
    "we gaan op 3 juni naar de rechter",
    "het kost 12,50 euro per maand",
    "het dossiernummer is WW-2026-01234",
    "bel de Kindertelefoon op 0800-0432",
    "ik heb nul zin en twaalf vragen",
    # kinds of school, organisations, media, adjectives of a country
    "hij zit op het vmbo en vindt het zwaar",
    "het atheneum is te zwaar voor hem",
    "de havo de laatste tijd is te zwaar",
    "het college van bestuur heeft nog niet besloten",
    "hij volgt lessen van Oekraïense school online",
    "moet hij naar Nederlandse school?",
    "in de kerstvakantie belt school niet",
    "een islamitische basisschool in de buurt zou fijn zijn",
    "het Juridisch Loket Utrecht gaf advies",
    "ik las het in Het Parool Amsterdam",
    "De Bascule Amsterdam heeft een wachtlijst",
    "Wegwijzer, kun je me helpen?",
    "De Wet zegt dat hij naar school moet",
    "De Kindertelefoon zegt dat het niet mag",
    "ze zit op de campus",
    "klantnummer nr 612345678",
    "hij doet MBO Niveau 2 Zorg",
    "hij zit op het mbo in Amsterdam",
    "hij is geboren in 2012 en op 3 maart kwam hij hier",
])
def test_stays(text):
    assert redact(text) == text, [(s.kind, s.text) for s in find_personal_data(text)]


@pytest.mark.parametrize("piece", ["geboren 3-5-2012 en ", "geboren op 3 mei, 4 mei en ", "nul zes twaalf ",
                                   "De Vlieger Zaandam ", "het St. Ignatius College ", "vmbo het rivierduin ",
                                   "de Al Amal basisschool ", "tweeëntwintig augustus "])
def test_round4_rules_stay_linear_on_long_hostile_text(piece):
    text = (piece * (100_000 // len(piece) + 1))[:100_000]
    t0 = time.process_time()
    find_personal_data(text)
    assert time.process_time() - t0 < LINEAR_CPU_SECONDS
