"""Times as a Dutch helpdesk reads them: in Dutch time (Europe/Amsterdam, summer and winter time),
"07-12-2026 08:08". The stores keep UTC (Rasa's timestamps, PostgreSQL's ``timestamptz``, naive
values that mean UTC); every page, export and text of the console shows times through here.
"""
from __future__ import annotations

from datetime import date, datetime

from bot.clock import in_dutch_time


def date_and_time(value) -> str:
    """"07-12-2026 08:08" for a datetime; a date as "07-12-2026"; anything else as text."""
    if isinstance(value, datetime):
        return in_dutch_time(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value or "")


def day(value) -> str:
    """"07-12-2026": the Dutch calendar day of a datetime (23:30 UTC on 6 December is 7 December)."""
    if isinstance(value, datetime):
        return in_dutch_time(value).strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value or "")
