"""Redaction round 7 (session 13, issue 18): birth dates written year first and address tails. Own examples,
not from a test set; the look-alikes are events and counts that must stay."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data


def masked(text: str, piece: str, kind: str) -> bool:
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


def kinds(text: str) -> set[str]:
    return {s.kind for s in find_personal_data(text)}


@pytest.mark.parametrize("text,piece", [
    ("mijn dochter is van 2012, 9 juni en zit thuis", "2012, 9 juni"),
    ("geboortedatum zoon 2013 11 02 (jaar maand dag)", "2013 11 02"),
    ("geboortedatum volgens paspoort 01-01-2011.", "01-01-2011"),
])
def test_birth_dates_year_first(text, piece):
    assert masked(text, piece, "geboortedatum"), find_personal_data(text)


@pytest.mark.parametrize("text", [
    "sinds 2023, 4 mei zit hij thuis",
    "in 2024, 3 maart kregen we een brief",
    "op 1 januari 2012 ging de wet in",
])
def test_event_dates_stay(text):
    assert "geboortedatum" not in kinds(text)


@pytest.mark.parametrize("text,piece", [
    ("wij wonen op de Havenkade 12-hoog-voor, 1013 AB Amsterdam", "Havenkade 12-hoog-voor, 1013 AB"),
    ("wij wonen op de Markt 4-rood, daar", "Markt 4-rood"),
    ("ons adres is Spoorlaan-Noord 18 a. Bel maar", "Spoorlaan-Noord 18 a"),
    ("adres: Laan van Poot en Wolfskamp 7, 2566 AB", "Laan van Poot en Wolfskamp 7, 2566 AB"),
])
def test_address_tails_and_heads(text, piece):
    assert masked(text, piece, "postcode_huisnummer"), find_personal_data(text)


@pytest.mark.parametrize("text", [
    "hij zit in groep 8 en is 12 jaar",
    "we zijn al 3 keer gebeld",
    "de Ringbaan-Oost is afgesloten",
])
def test_counts_and_streets_without_number_stay(text):
    assert "postcode_huisnummer" not in kinds(text)
