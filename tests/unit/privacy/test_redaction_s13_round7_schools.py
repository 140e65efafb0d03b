"""Redaction round 7 (session 13, issue 18): school names by structure (bot/privacy/school_round7.py).
Own examples, not from a test set; look-alikes taken from the kinds of false findings the rules first made
on the product's texts ("de school belt", "naar school ngl")."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data


def schools(text: str) -> list[str]:
    return [s.text for s in find_personal_data(text) if s.kind == "school"]


@pytest.mark.parametrize("text,piece", [
    ("hij zat op het atheneum college bergwijckx tot de zomer", "atheneum college bergwijckx"),
    ("ze gaat naar het Lyceum Veldhovenaar", "Lyceum Veldhovenaar"),
    ("mijn dochter zat op de Turkse school Gulbahar", "Turkse school Gulbahar"),
    ("ik zit op t amersfoorts stedelijk gymnasuim", "amersfoorts stedelijk gymnasuim"),
    ("ze moet naar so de klimboomtje", "so de klimboomtje"),
    ("wachtlijst bij obs t zonnewijzertje", "obs t zonnewijzertje"),
    ("aangemeld bij kbs st. gerardus", "kbs st. gerardus"),
])
def test_school_names_by_structure_are_masked(text, piece):
    assert any(piece in s or s in piece and len(s) >= len(piece) - 1 for s in schools(text)), schools(text)


@pytest.mark.parametrize("text", [
    "de school belt mij elke dag",
    "de school hem niet meer wil",
    "ik wil gewoon weer naar school ngl",
    "verwijderd omdat de school handelingsverlegen is",
    "moet de school verrijkingsstof geven",
    "ik zit thuis en ga niet naar schoool",
    "op de gewone school verzuipt hij",
    "so de rest is goed",
    "op het college van bestuur",
])
def test_ordinary_sentences_about_school_stay(text):
    assert schools(text) == []


def masked(text: str, piece: str, kind: str) -> bool:
    """Every letter and digit of ``piece`` lies inside a finding of ``kind``."""
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


@pytest.mark.parametrize("text,piece", [
    # a place or region adjective before a college or a compound on a head word
    ("hij zat op het goudse vakcollege tot de zomer", "goudse vakcollege"),
    ("ze gaat naar de twentse techniekschool", "twentse techniekschool"),
    # a kind compound after a name or a title
    ("aangemeld bij Ds. Verhoeff Praktijkschool, nog geen antwoord", "Ds. Verhoeff Praktijkschool"),
    ("op de wachtlijst van De Zandhaven Vakschool. Nu thuis", "De Zandhaven Vakschool"),
    ("hij zat op de Jan van Tongerenschool in groep 6", "Jan van Tongerenschool"),
    ("ze zit op het Veldzijder Technasium", "Veldzijder Technasium"),
    # a name after a naming verb
    ("haar school heette De Kolibrietuin, nu is die dicht", "De Kolibrietuin"),
    # an abbreviation with its name in brackets, and the initials of a school found elsewhere
    ("nu wil het rwl (rijnwaard lyceum) hem niet", "rwl"),
    ("School: Kromhout Lyceum Oost, iedereen zegt het KLO", "KLO"),
    # a correction
    ("hij zat op het gaardestein? nee op het Voorlandt College", "gaardestein"),
    # a head word, then the name after a capitalised article
    ("hij kwam van Kindercampus De Vier Winden af", "Kindercampus De Vier Winden"),
    ("hij kwam van Mgr. Bekkerscollege af", "Mgr. Bekkerscollege"),
])
def test_more_school_names_by_structure(text, piece):
    assert masked(text, piece, "school"), schools(text)


@pytest.mark.parametrize("text", [
    "ze zit op de vakschool.",
    "hij gaat naar de praktijkschool in Ede",
    "mijn zoon zit op het vmbo (vakschool)",
    "zit ze op school? nee, ze zit thuis",
    "de school heet gewoon basisschool",
    "hij zit op een Praktijkschool.",
    "op het vmbo? nee, op de havo",
])
def test_kinds_and_questions_stay(text):
    assert schools(text) == []
