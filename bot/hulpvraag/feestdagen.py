"""Working days for the reply term of a help request: Monday to Friday, without the algemeen erkende
feestdagen of the Algemene termijnenwet (art. 3: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide
Kerstdagen, Hemelvaartsdag, Koningsdag, 5 mei; Goede Vrijdag is gelijkgesteld). The days the government
adds once every three years by decree (bridge days) are not included: a contact point that closes on
them promises a day too early, never a day too late for the law's own list.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@lru_cache(maxsize=64)
def feestdagen(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    koningsdag = date(year, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday the King's birthday is celebrated the day before
        koningsdag = date(year, 4, 26)
    return frozenset({
        date(year, 1, 1),                 # Nieuwjaarsdag
        easter - timedelta(days=2),       # Goede Vrijdag (gelijkgesteld, art. 3 lid 2)
        easter + timedelta(days=1),       # tweede Paasdag
        koningsdag,
        date(year, 5, 5),                 # Bevrijdingsdag
        easter + timedelta(days=39),      # Hemelvaartsdag
        easter + timedelta(days=50),      # tweede Pinksterdag
        date(year, 12, 25),
        date(year, 12, 26),
    })


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5 and day not in feestdagen(day.year)
