"""The date of a source itself (``datum`` of an item in ``bronnen``), parsed and said in Dutch.

A source's date is the date of the page or document (a page of 2019 says so), not the date someone
looked at it; that is ``gecontroleerd``. Allowed values: a year (``2019``), a month (``2018-11``), a
day (``2025-10-03``) or ``onbekend`` when the page shows no date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

UNKNOWN = "onbekend"
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTH = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")


def normalise(value: Any) -> str | None:
    """'2019', '2018-11', '2025-10-03' or 'onbekend'; None if ``value`` is none of these."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text == UNKNOWN or _YEAR.match(text) or _MONTH.match(text):
        return text
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def latest_day(normalised: str) -> dt.date | None:
    """The last day the date can mean (for 'not in the future'); None for 'onbekend'."""
    if normalised == UNKNOWN:
        return None
    if _YEAR.match(normalised):
        return dt.date(int(normalised), 12, 31)
    month = _MONTH.match(normalised)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        following = dt.date(year + number // 12, number % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date.fromisoformat(normalised)


def in_words(normalised: str) -> str:
    """'3 oktober 2025', 'november 2018', '2019'; '' for 'onbekend' or an empty value."""
    if not normalised or normalised == UNKNOWN:
        return ""
    if _YEAR.match(normalised):
        return normalised
    month = _MONTH.match(normalised)
    if month:
        return f"{_MONTHS[int(month.group(2)) - 1]} {month.group(1)}"
    day = dt.date.fromisoformat(normalised)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def source_label(naam: str, datum: str) -> str:
    """'Metro, pagina van 2019' or 'Ouders & Onderwijs, Over ons, pagina zonder datum'; just the
    name when no date was recorded at all."""
    if datum == UNKNOWN:
        return f"{naam}, pagina zonder datum"
    words = in_words(datum)
    return f"{naam}, pagina van {words}" if words else naam
