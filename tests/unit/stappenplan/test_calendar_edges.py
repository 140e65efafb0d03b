"""The step plan and the help-request form on the calendar's edges: a weekend, New Year and the
summer holiday. Each test fixes its own day; none reads the real calendar."""
from __future__ import annotations

from datetime import date

import pytest

from bot.hulpvraag_form.when import parse_since
from bot.stappenplan import build_plan, extract_situation, render_plan
from bot.stappenplan.extract_dates import find_dates
from bot.stappenplan.rules import add_school_days, load_rules
from bot.stappenplan.spoken import spoken_date, written_date

SATURDAY = date(2027, 7, 31)       # also the last day of the school year (1 August starts the next)
NEW_YEARS_DAY = date(2027, 1, 1)   # a Friday, in the Christmas holiday
BACK_TO_SCHOOL = date(2027, 1, 4)  # the Monday after New Year


def first_date(text: str, today: date) -> date:
    found = find_dates(text, today)
    assert found, text
    return found[0].fact.value


@pytest.mark.parametrize("text,today,expected", [
    # a weekend day: weekdays count back strictly before today
    ("sinds gisteren", SATURDAY, date(2027, 7, 30)),
    ("sinds maandag", SATURDAY, date(2027, 7, 26)),
    ("sinds zaterdag", SATURDAY, date(2027, 7, 24)),
    ("sinds zondag", date(2027, 8, 1), date(2027, 7, 25)),
    ("vorige week maandag", SATURDAY, date(2027, 7, 19)),
    # around New Year: a date without a year is the last one that is not in the future
    ("sinds gisteren", NEW_YEARS_DAY, date(2026, 12, 31)),
    ("sinds 20 december", BACK_TO_SCHOOL, date(2026, 12, 20)),
    ("sinds 2 januari", BACK_TO_SCHOOL, date(2027, 1, 2)),
    ("sinds 2 januari", NEW_YEARS_DAY, date(2026, 1, 2)),
    ("vorige week maandag", BACK_TO_SCHOOL, date(2026, 12, 28)),
    ("vorige maand", BACK_TO_SCHOOL, date(2026, 12, 15)),
    ("eind december", BACK_TO_SCHOOL, date(2026, 12, 25)),
    ("al 6 weken", BACK_TO_SCHOOL, date(2026, 11, 23)),
    # the summer holiday and the turn of the school year
    ("sinds 1 augustus", SATURDAY, date(2026, 8, 1)),
    ("sinds 1 augustus", date(2027, 8, 1), date(2027, 8, 1)),
    ("sinds 31 juli", SATURDAY, date(2027, 7, 31)),
])
def test_dates_on_the_calendars_edges(text, today, expected):
    assert first_date(text, today) == expected


@pytest.mark.parametrize("today", [date(2026, 12, 31), NEW_YEARS_DAY, BACK_TO_SCHOOL])
def test_since_the_christmas_holiday_just_after_it_is_this_holiday_not_last_years(today):
    # The estimate of the first school day is 5 January; on the 4th that day has not come yet, and
    # the parent means the holiday that just began, not the one of a year ago.
    assert first_date("sinds de kerstvakantie", today) == date(2026, 12, 29)
    assert first_date("sinds de kerstvakantie", date(2027, 1, 12)) == date(2027, 1, 5)


@pytest.mark.parametrize("today", [date(2026, 12, 31), date(2027, 1, 2), BACK_TO_SCHOOL])
def test_the_previous_school_year_does_not_jump_at_new_year(today):
    assert first_date("sinds het vorige schooljaar", today) == date(2025, 9, 1)


def test_start_of_the_school_year_in_the_summer_holiday_is_last_september():
    assert first_date("sinds het begin van het schooljaar", date(2027, 8, 1)) == date(2026, 9, 1)
    assert first_date("sinds de zomervakantie", date(2027, 8, 15)) == date(2027, 8, 1)


def test_school_days_skip_the_weekend_around_a_saturday_start():
    # a suspension that starts on a Saturday: Monday is its first school day
    assert add_school_days(SATURDAY, 5) == date(2027, 8, 6)
    assert add_school_days(date(2027, 7, 30), 5) == date(2027, 8, 5)  # Friday + 5 school days


def test_six_weeks_over_new_year_lands_in_the_next_year():
    assert load_rules().period("besluit").add_to(date(2026, 12, 18)) == date(2027, 1, 29)


def test_dutch_weekday_names_on_the_edges():
    assert written_date(SATURDAY) == "zaterdag 31 juli 2027"
    assert written_date(NEW_YEARS_DAY) == "vrijdag 1 januari 2027"
    assert written_date(date(2026, 12, 31)) == "donderdag 31 december 2026"
    # spoken: the year only when it is not this year
    assert spoken_date(date(2027, 1, 29), date(2026, 12, 18)).endswith("tweeduizend zevenentwintig")
    assert "tweeduizend" not in spoken_date(date(2027, 1, 29), BACK_TO_SCHOOL)


@pytest.mark.parametrize("today,renew", [
    (date(2027, 6, 30), date(2027, 7, 1)),
    (date(2027, 7, 1), date(2028, 7, 1)),   # on 1 July the "before 1 July" of this year is gone
    (SATURDAY, date(2028, 7, 1)),
    (NEW_YEARS_DAY, date(2027, 7, 1)),
])
def test_vrijstelling_renewal_date_around_the_summer(today, renew):
    situation = extract_situation("hij heeft een vrijstelling", today, None)
    plan = build_plan(situation, today, gemeente_code=None)
    dates = {d.id: d.datum for d in plan.termijnen}
    assert dates["vrijstelling_verlengen"] == renew


@pytest.mark.parametrize("today", [SATURDAY, NEW_YEARS_DAY, BACK_TO_SCHOOL, date(2026, 12, 31)])
def test_a_whole_plan_on_an_edge_day_renders_in_every_variant(today):
    story = ("hij zit sinds 20 december thuis. op 18 december heb ik hem schriftelijk aangemeld "
             "bij een nieuwe school en we hebben met school gepraat")
    plan = build_plan(extract_situation(story, today, None), today, gemeente_code=None)
    for variant in ("ouder", "jongere", "spraak"):
        text = render_plan(plan, variant)
        assert text.strip()
    assert written_date(today) in render_plan(plan, "ouder")
    # 18 December + 6 weeks: the decision date, open or passed depending on the day
    decision = next(d for d in plan.termijnen if d.id == "besluit")
    assert decision.datum == date(2027, 1, 29) and decision.verstreken is (today > date(2027, 1, 29))


@pytest.mark.parametrize("text,today,expected", [
    ("25 december", BACK_TO_SCHOOL, "2026-12-25"),
    ("25 december", date(2026, 12, 24), "2025-12-25"),
    ("sinds gisteren", NEW_YEARS_DAY, "2026-12-31"),
    ("1 januari", NEW_YEARS_DAY, "2027-01-01"),
])
def test_help_request_since_answers_around_new_year(text, today, expected):
    result = parse_since(text, text.lower(), today)
    assert result.error is None and result.datum == date.fromisoformat(expected), result


def test_help_request_rejects_a_date_after_today():
    result = parse_since("5 januari 2027", "5 januari 2027", NEW_YEARS_DAY)
    assert result.error == "toekomst"
