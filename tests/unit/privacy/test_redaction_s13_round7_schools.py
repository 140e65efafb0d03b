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
