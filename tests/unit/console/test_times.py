"""bot.console.times: the console shows Dutch time, summer and winter, whatever the store keeps."""
from datetime import date, datetime, timezone

from bot.console.times import date_and_time, day


def test_winter_time_is_utc_plus_one_and_a_naive_value_is_utc():
    assert date_and_time(datetime(2026, 12, 7, 7, 8)) == "07-12-2026 08:08"
    assert date_and_time(datetime(2026, 12, 7, 7, 8, tzinfo=timezone.utc)) == "07-12-2026 08:08"


def test_summer_time_is_utc_plus_two():
    assert date_and_time(datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)) == "01-07-2026 12:00"


def test_the_day_is_the_dutch_calendar_day():
    assert day(datetime(2026, 12, 6, 23, 30)) == "07-12-2026"
    assert day(date(2026, 12, 6)) == "06-12-2026"


def test_other_values_are_shown_as_text():
    assert date_and_time(None) == "" and date_and_time("gisteren") == "gisteren"
    assert date_and_time(date(2026, 1, 2)) == "02-01-2026"
