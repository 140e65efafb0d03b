"""Redaction round 8 (session 13, issue 18): school names without a school word. Own examples, not from a test
set; the look-alikes are organisations, places, regions, surnames, months and kinds of education that must stay."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data


def masked(text: str, piece: str, kind: str | None = "school") -> bool:
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if kind is None or s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


def schools(text: str) -> list[str]:
    return [s.text for s in find_personal_data(text) if s.kind == "school"]


@pytest.mark.parametrize("text,piece", [
    # a capitalised name after a preposition and an article, in a message about school
    ("mijn zoon is afgewezen door de Zonnewijzer en zit nu thuis", "Zonnewijzer"),
    ("ze staat op de wachtlijst bij het Kompasveld, al maanden", "Kompasveld"),
    ("vorig jaar zat ze op t Hooghuys, nu nergens", "t Hooghuys"),
    ("de juf zegt dat hij beter naar de Zeester kan, een sbo", "Zeester"),
    ("de mentor van de Wilgenhoek belt niet terug", "Wilgenhoek"),
    ("ingeschreven bij de Boomgaard in Lelystad, maar ze wil niet", "Boomgaard"),
    # no article: a word Dutch does not know right before a place
    ("hij zat op het vmbo, bij Zandhovestede Ermelo, en is gestopt", "Zandhovestede"),
])
def test_names_after_an_article_in_a_school_message(text, piece):
    assert masked(text, piece), find_personal_data(text)


@pytest.mark.parametrize("text,pieces", [
    ("afgewezen door de Zandloper, de Regenboogschool en Het Anker", ("Zandloper", "Het Anker")),
    ("we kijken naar cluster 4: de Wingerd of het Vlinderhofcollege", ("de Wingerd", "Vlinderhofcollege")),
])
def test_the_other_items_of_a_list_that_holds_a_school(text, pieces):
    for piece in pieces:
        assert masked(text, piece), (piece, find_personal_data(text))


def test_a_school_named_after_a_person_is_masked():
    text = "hij is van het Hendrika van Tussenbroek geschopt"   # as a name or as a school: masked either way
    assert masked(text, "Hendrika van Tussenbroek", None), find_personal_data(text)


@pytest.mark.parametrize("text", [
    "hij zat op school, toen heb ik geklaagd bij de Inspectie",
    "de school weigert; kunt u naar de Geschillencommissie passend onderwijs?",
    "zit op school, ik heb het Samenwerkingsverband gebeld en de GGD",
    "ze is geschorst, daarna naar het College voor de Rechten van de Mens",
    "volgens artikel 2 van de Leerplichtwet moet hij naar school",
    "mijn dochter wil naar de Kunstacademie na het mbo",
    "zat op school in Utrecht, daarna verhuisd naar de Veluwe",
    "hij zat op school, ik vroeg het aan de Wegwijzer",
    "mijn zoon zit op school, hij is van de Molukse gemeenschap",
    "ik heb een school gevonden aan de Lijsterbesdreef",
    "ingeschreven bij de Stichting Leerrecht voor onderwijs",
    "zit op school, wil volgend jaar terug naar Kyiv",
])
def test_organisations_places_and_kinds_stay(text):
    assert schools(text) == [], find_personal_data(text)


def test_a_surname_after_a_title_is_no_school():
    text = "hij werd van school gestuurd door mevrouw van 't Hof, de teamleider"
    assert not any("Hof" in s for s in schools(text)), find_personal_data(text)


def test_a_name_after_a_first_name_stays_one_name():
    text = "de juf van onze zoon, juf Marieke van de Beek (OBS De Beek), zegt dat hij naar het SBO moet"
    assert masked(text, "Marieke van de Beek", "naam"), find_personal_data(text)


def test_a_rare_compound_after_a_kind_and_a_head_word_is_the_name():
    text = "hij zat op t openbaar lyceum heidewaardpark, toen kwam de schorsing"
    assert masked(text, "t openbaar lyceum heidewaardpark"), find_personal_data(text)


def test_a_common_word_after_a_kind_and_a_head_word_stays():
    text = "ze zit op het christelijk college schoolplein is te klein"
    assert not any("schoolplein" in s for s in schools(text)), find_personal_data(text)
