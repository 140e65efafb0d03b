"""Redaction round 6 (session 13, issue 18): a birth year told before the day and month belongs to the birth date
(bot/privacy/birth_dates.py, _YEAR_BEFORE). Examples written for these tests; on the code before this round
(d402b34) the year stayed readable."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data


def dates(text: str) -> list[str]:
    return [s.text.rstrip(".") for s in find_personal_data(text) if s.kind == "geboortedatum"]


@pytest.mark.parametrize("text,date", [
    ("mijn zoon is geboren in 2013, op 14 februari", "2013, op 14 februari"),
    ("ze is in 2015 geboren op 30 juni en zit thuis", "2015 geboren op 30 juni"),
    ("hij is geboren in 2012 op 2 november.", "2012 op 2 november"),
])
def test_the_year_before_the_day_and_month_is_masked(text, date):
    assert dates(text) == [date]


@pytest.mark.parametrize("text", [
    "in 2019 op 3 maart was het eerste gesprek met school",
    "sinds 2023, op 1 september, zit hij thuis",
])
def test_an_event_date_with_a_year_first_stays(text):
    assert dates(text) == []


def test_a_year_alone_stays():
    assert dates("hij is in 2012 geboren en zit nu thuis") == []
