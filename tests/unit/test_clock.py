"""bot.clock: the product's day is the Dutch calendar day, or the day WEGWIJZER_VANDAAG fixes."""
from __future__ import annotations

import logging
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from bot import clock

REPO = Path(__file__).resolve().parents[2]


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_fixed_day_wins():
    assert clock.today({"WEGWIJZER_VANDAAG": "2027-07-31"}) == date(2027, 7, 31)
    assert clock.today({"WEGWIJZER_VANDAAG": " 2027-01-04 "}) == date(2027, 1, 4)


@pytest.mark.parametrize("value", ["morgen", "2027-02-30", "31-07-2027", "2027-7-31x"])
def test_a_bad_fixed_day_is_ignored_with_a_warning(value, caplog):
    now = utc(2027, 3, 10, 12, 0)
    with caplog.at_level(logging.WARNING, logger="bot.clock"):
        assert clock.today({"WEGWIJZER_VANDAAG": value}, now=now) == date(2027, 3, 10)
    assert clock.fixed_day({"WEGWIJZER_VANDAAG": value}) is None


def test_empty_fixed_day_means_the_real_day():
    assert clock.today({"WEGWIJZER_VANDAAG": ""}, now=utc(2027, 3, 10, 12, 0)) == date(2027, 3, 10)
    assert clock.today({}, now=utc(2027, 3, 10, 12, 0)) == date(2027, 3, 10)


@pytest.mark.parametrize("moment,day", [
    (utc(2026, 12, 31, 22, 59), date(2026, 12, 31)),  # 23:59 in Amsterdam (winter time, UTC+1)
    (utc(2026, 12, 31, 23, 30), date(2027, 1, 1)),    # already New Year in the Netherlands
    (utc(2027, 7, 31, 21, 59), date(2027, 7, 31)),    # 23:59 summer time (UTC+2)
    (utc(2027, 7, 31, 22, 30), date(2027, 8, 1)),     # after midnight in summer time
])
def test_the_day_is_the_dutch_calendar_day_not_the_servers(moment, day):
    assert clock.today({}, now=moment) == day


def test_the_real_day_without_a_fixed_day_is_today_in_the_netherlands():
    assert clock.today({}) == datetime.now(clock.DUTCH_TIME).date()


# Code that reasons in days asks bot.clock; these files compare content check dates with the real
# calendar on purpose (a check date in the future is an error in the real world, not on a demo day).
REAL_CALENDAR_ON_PURPOSE = {"bot/clock.py", "bot/content/check.py", "bot/hulpvraag_form/check_texts.py"}


def test_no_product_code_reads_the_calendar_behind_the_clocks_back():
    offenders = []
    for folder in ("bot", "actions"):
        for path in (REPO / folder).rglob("*.py"):
            rel = path.relative_to(REPO).as_posix()
            if rel in REAL_CALENDAR_ON_PURPOSE:
                continue
            if re.search(r"\bdate\.today\(\)", path.read_text(encoding="utf-8")):
                offenders.append(rel)
    assert offenders == [], f"gebruik bot.clock.today() in plaats van date.today(): {offenders}"


def test_dutch_date_and_time_for_people_who_read_it():
    from bot.clock import dutch_date_and_time

    assert dutch_date_and_time("2026-12-07T07:08:00+00:00") == "07-12-2026 08:08"
    assert dutch_date_and_time("2026-07-01T10:00:00") == "01-07-2026 12:00"  # naive is UTC; summer time
    assert dutch_date_and_time(datetime(2026, 12, 6, 23, 30)) == "07-12-2026 00:30"
    assert dutch_date_and_time("niet een tijd") == "niet een tijd"
