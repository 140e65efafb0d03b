"""The fixed day of the test session and Dutch phrases relative to it.

``WEGWIJZER_TEST_VANDAAG=YYYY-MM-DD`` picks another day (``scripts/test`` does, for its second-date
run); the default is a Tuesday in November, the day most unit tests were written for.
"""
from __future__ import annotations

import os
from datetime import date, timedelta

DEFAULT_TEST_DAY = date(2026, 11, 24)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def _test_today() -> date:
    value = os.environ.get("WEGWIJZER_TEST_VANDAAG", "").strip()
    return date.fromisoformat(value) if value else DEFAULT_TEST_DAY


TEST_TODAY = _test_today()


def days_ago(days: int) -> date:
    return TEST_TODAY - timedelta(days=days)


def day_and_month(day: date) -> str:
    """'2 november': how a parent writes a recent date, without the year."""
    return f"{day.day} {MONTHS[day.month - 1]}"
