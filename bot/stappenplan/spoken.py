"""Dates and durations in Dutch: written ("dinsdag 14 oktober 2025", "6 weken") and spoken
("dinsdag veertien oktober", "zes weken"; the year only when it is not this year)."""
from __future__ import annotations

from datetime import date

from babel.dates import format_date

_UNITS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
          "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
_TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig", 8: "tachtig",
         9: "negentig"}
UNIT_WORDS = {"dagen": ("dag", "dagen"), "weken": ("week", "weken"), "maanden": ("maand", "maanden"),
              "schooldagen": ("schooldag", "schooldagen")}


def number_words(n: int) -> str:
    """0..9999 in Dutch words: 14 -> 'veertien', 22 -> 'tweeëntwintig', 2026 -> 'tweeduizend zesentwintig'."""
    if not 0 <= n <= 9999:
        raise ValueError("number out of range")
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens]
        word = _UNITS[unit]
        joiner = "ën" if word.endswith("e") else "en"
        return f"{word}{joiner}{_TENS[tens]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "honderd" if hundreds == 1 else f"{_UNITS[hundreds]}honderd"
        return head + (number_words(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "duizend" if thousands == 1 else f"{number_words(thousands)}duizend"
    return head + (f" {number_words(rest)}" if rest else "")


def written_date(day: date) -> str:
    """'dinsdag 14 oktober 2025' (Babel, nl_NL, weekday included)."""
    return format_date(day, format="EEEE d MMMM y", locale="nl_NL")


def spoken_date(day: date, today: date) -> str:
    """'dinsdag veertien oktober' (+ year in words when it is not today's year)."""
    weekday_month = format_date(day, format="EEEE|MMMM", locale="nl_NL").split("|")
    day_word = "één" if day.day == 1 else number_words(day.day)
    text = f"{weekday_month[0]} {day_word} {weekday_month[1]}"
    if day.year != today.year:
        text += f" {number_words(day.year)}"
    return text


def duration(amount: int, unit: str, spoken: bool = False) -> str:
    """'6 weken' / 'zes weken'; 'één week' spoken for 1."""
    singular, plural = UNIT_WORDS.get(unit, (unit, unit))
    word = singular if amount == 1 else plural
    if spoken:
        return f"{'één' if amount == 1 else number_words(amount)} {word}"
    return f"{amount} {word}"


def elapsed(start: date, today: date, spoken: bool = False) -> str:
    """How long since ``start``: days under two weeks, weeks under 13 weeks, then months."""
    days = (today - start).days
    if days < 14:
        return duration(max(days, 0), "dagen", spoken)
    if days < 91:
        return duration(days // 7, "weken", spoken)
    return duration(days // 30, "maanden", spoken)
