"""Dutch date and duration expressions, resolved against an explicit ``today``.

Understands, in chat spelling too: "2 september", "2 sept", "2e spetember", "2-9-2026", "2/9",
"begin oktober", "in oktober", "sinds maandag", "vorige week", "vorige maand", "gisteren",
"al 6 weken", "al zes weken", "3 weken geleden", "een half jaar", "sinds de kerstvakantie",
"na de herfstvakantie", "in de herfstvakantie", "sinds het begin van het schooljaar".

A date without a year is the most recent such date on or before ``today``. Exact days get precision
``dag``; everything else (durations, months, holidays, "vorige maand") is ``ongeveer``. Holiday dates
are estimates from ``content/stappenplan/vakanties.yml`` (schools choose their own dates).

Works on ``prepare(text)``: folded (lower case, no accents), youth spelling mapped by
``bot.signals.normalize``, punctuation kept so "2-9-2026" survives.
"""
from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.signals.normalize import normalize_text
from bot.stappenplan.situation import ESTIMATE, EXACT, DateFact

HOLIDAYS_FILE = Path(__file__).resolve().parents[2] / "content" / "stappenplan" / "vakanties.yml"
MAX_TEXT = 3000  # longer input is cut: enough for any description, bounded work for hostile input

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4]
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6}
NUMBER_WORDS = {
    "een": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "paar": 2, "anderhalve": 1.5, "anderhalf": 1.5, "enkele": 2, "aantal": 2,
}
UNIT_DAYS = {"dag": 1, "dagen": 1, "dgn": 1, "week": 7, "weken": 7, "wk": 7, "wkn": 7, "weekjes": 7,
             "maand": 30, "maanden": 30, "mnd": 30, "mndn": 30, "jaar": 365}

_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?:" + "|".join(sorted(UNIT_DAYS, key=len, reverse=True)) + r")"
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"

_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?(?![\d/-]|\.\d)")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH})(?:\s+('?\d{{4}}|'\d{{2}}))?\b")
_PART_MONTH = re.compile(
    rf"\b(begin|eind|einde|half|halverwege|midden|medio|eind van|begin van|in|sinds|vanaf|per|na)\s+"
    rf"(?:(?:de maand|maand)\s+)?({_MONTH})(?:\s+(\d{{4}}))?\b")
_RELATIVE = re.compile(
    r"\b(?:(vorige|afgelopen|verleden) (week|maand|schooljaar|jaar)(?: (" + "|".join(WEEKDAYS) + r"))?"
    r"|(eergisteren|gisteren|vandaag|vanochtend|vanmorgen))\b")
_WEEKDAY_RE = re.compile(rf"\b(sinds|vanaf|op|afgelopen|vorige|sinds afgelopen|sinds vorige)\s+({_WEEKDAY})\b")
_DURATION = re.compile(
    rf"\b(?P<pre>al ruim|al bijna|al meer dan|al zo'?n|al ongeveer|al|nu al|inmiddels|sinds|ruim|bijna|"
    rf"ongeveer|zo'?n|meer dan|nu)\s+(?:een\s+)?(?P<num>{_NUM}|half)\s*(?P<unit>{_UNIT})\b"
    rf"|\b(?P<num2>{_NUM}|een half)\s*(?P<unit2>{_UNIT})\s+(?P<post>geleden|terug|thuis|niet naar school|"
    rf"niet meer naar school|lang)\b")
_HALF_YEAR = re.compile(r"\b(?:al|sinds|ruim|bijna)?\s*(?:een|1)\s+half\s+jaar\b")


@dataclass(frozen=True)
class DateMention:
    start: int  # position in the prepared text
    end: int
    fact: DateFact
    kind: str  # "datum" (a point in time) | "duur" (a duration back from today)


def prepare(text: str) -> str:
    """Folded, youth spelling mapped, punctuation kept, month typos corrected."""
    text = normalize_text((text or "")[:MAX_TEXT])
    text = text.replace("\u2019", "'")
    return _fix_month_typos(text)


def find_dates(text: str, today: date, prepared: bool = False) -> list[DateMention]:
    """All date and duration mentions in ``text``, in order, without overlaps."""
    t = text if prepared else prepare(text)
    found: list[DateMention] = []
    for finder in (_numeric, _day_month, _holidays, _durations, _part_month, _relative, _weekdays):
        for m in finder(t, today):
            if m and not any(m.start < o.end and o.start < m.end for o in found) and m.fact.value <= today:
                found.append(m)
    return sorted(found, key=lambda m: m.start)


# ---- finders -------------------------------------------------------------------------------------

def _numeric(t: str, today: date):
    for m in _NUMERIC.finditer(t):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if m.group(3) is None and "." in m.group(0):
            continue  # "9.30" is a time, not a date
        value = _make_date(day, month, _year(year), today)
        if value:
            yield DateMention(m.start(), m.end(), DateFact(value, EXACT, m.group(0)), "datum")


def _day_month(t: str, today: date):
    for m in _DAY_MONTH.finditer(t):
        month = MONTHS[m.group(2).rstrip(".")]
        value = _make_date(int(m.group(1)), month, _year(m.group(3)), today)
        if value:
            yield DateMention(m.start(), m.end(), DateFact(value, EXACT, m.group(0)), "datum")


def _part_month(t: str, today: date):
    for m in _PART_MONTH.finditer(t):
        part, month = m.group(1), MONTHS[m.group(2).rstrip(".")]
        year = _year(m.group(3))
        day = {"half": 15, "halverwege": 15, "midden": 15, "medio": 15, "eind": 25, "einde": 25,
               "eind van": 25}.get(part, 1)
        value = _make_date(day, month, year, today)
        if value and value > today and year is None:
            value = None
        if value is None and year is None and month == today.month:
            value = date(today.year, month, 1)  # "begin deze maand"-like: this month's start
        if value:
            yield DateMention(m.start(), m.end(), DateFact(value, ESTIMATE, m.group(0)), "datum")


def _relative(t: str, today: date):
    for m in _RELATIVE.finditer(t):
        word, unit, weekday = m.group(4), m.group(2), m.group(3)
        precision = EXACT
        if word:
            value = today - timedelta(days={"eergisteren": 2, "gisteren": 1}.get(word, 0))
        elif unit == "week" and weekday:
            monday = today - timedelta(days=today.weekday() + 7)
            value = monday + timedelta(days=WEEKDAYS[weekday])
        elif unit == "week":
            value, precision = today - timedelta(days=7), ESTIMATE
        elif unit == "maand":
            first = today.replace(day=1) - timedelta(days=1)
            value, precision = first.replace(day=15), ESTIMATE
        elif unit == "schooljaar":
            value, precision = _holiday_date("zomervakantie", "na", today, years_back=1), ESTIMATE
        else:
            value, precision = _minus_months(today, 12), ESTIMATE
        if value:
            yield DateMention(m.start(), m.end(), DateFact(value, precision, m.group(0)), "datum")


def _weekdays(t: str, today: date):
    for m in _WEEKDAY_RE.finditer(t):
        if re.match(r"\s*\d", t[m.end():]):
            continue  # "maandag 9 november": the date itself says which day
        target = WEEKDAYS[m.group(2)]
        back = (today.weekday() - target) % 7 or 7  # strictly before today
        value = today - timedelta(days=back)
        yield DateMention(m.start(), m.end(), DateFact(value, EXACT, m.group(0)), "datum")


def _durations(t: str, today: date):
    for m in _HALF_YEAR.finditer(t):
        yield DateMention(m.start(), m.end(), DateFact(_minus_months(today, 6), ESTIMATE, m.group(0).strip()), "duur")
    for m in _DURATION.finditer(t):
        num = m.group("num") or m.group("num2")
        unit = m.group("unit") or m.group("unit2")
        if m.group("pre") == "nu" and unit.startswith("dag"):
            continue
        amount = 0.5 if num in ("half", "een half") else (
            NUMBER_WORDS[num] if num in NUMBER_WORDS else int(num))
        if amount <= 0 or amount > 400:
            continue
        if unit.startswith(("maand", "mnd")):
            whole = int(amount)
            value = _minus_months(today, whole) - timedelta(days=round((amount - whole) * 30))
        elif unit == "jaar":
            value = _minus_months(today, int(amount * 12))
        else:
            value = today - timedelta(days=round(amount * UNIT_DAYS[unit]))
        yield DateMention(m.start(), m.end(), DateFact(value, ESTIMATE, m.group(0)), "duur")


def _holidays(t: str, today: date):
    for pattern, name in _holiday_patterns():
        for m in pattern.finditer(t):
            prep = m.group(1)
            when = "tijdens" if prep in ("in", "tijdens", "in de", "tijdens de") else "na"
            if "schooljaar" in m.group(0) or name == "zomervakantie" and "na" == when:
                when = "na"
            value = _holiday_date(name, when, today, holiday_named="schooljaar" not in m.group(0))
            if value:
                holiday = name if when == "tijdens" else ""
                yield DateMention(m.start(), m.end(), DateFact(value, ESTIMATE, m.group(0), holiday), "datum")


# ---- helpers -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_holidays(path: Path = HOLIDAYS_FILE) -> dict:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return raw.get("vakanties") or {}


@lru_cache(maxsize=1)
def _holiday_patterns() -> tuple:
    out = []
    for name, data in load_holidays().items():
        words = sorted((str(w) for w in data.get("woorden") or ()), key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words)
        pattern = re.compile(
            rf"\b(sinds|na|vanaf|sinds na|vlak na|direct na|meteen na|in|tijdens|in de|tijdens de)\s+"
            rf"(?:de |het |deze |die |afgelopen |vorige )?(?:{alternation})\b")
        out.append((pattern, name))
    return tuple(out)


def _holiday_date(name: str, when: str, today: date, years_back: int = 0,
                  holiday_named: bool = True) -> Optional[date]:
    """The latest ``when`` day of the holiday on or before today, or ``years_back`` years before it.

    In or just after a holiday whose "after" day has not come yet ("sinds de kerstvakantie" on
    4 January, when the estimate says school starts on the 5th), the latest "after" day is a year
    old; the holiday meant is the one that just began, so its "during" day is the estimate. Not
    when the phrase names the school year ("sinds het begin van het schooljaar" in August: the
    school year that began last September).
    """
    data = load_holidays().get(name)
    if not data or when not in data:
        return None
    value = _latest_on_or_before(str(data[when]), today)
    if value is None:
        return None
    if years_back:
        return _latest_on_or_before(str(data[when]), date(value.year - years_back, 12, 31))
    if holiday_named and when == "na" and "tijdens" in data:
        during = _latest_on_or_before(str(data["tijdens"]), today)
        if during is not None and during > value:
            return during
    return value


def _latest_on_or_before(month_day: str, today: date) -> Optional[date]:
    month, day = (int(x) for x in month_day.split("-"))
    for year in (today.year, today.year - 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if value <= today:
            return value
    return None


def _fix_month_typos(text: str) -> str:
    """'spetember' -> 'september', 'oktobr' -> 'oktober' (only words of 5+ letters after a number
    or a date word, so ordinary words are left alone)."""
    def fix(m: re.Match[str]) -> str:
        word = m.group(2)
        if word in MONTHS or word in WEEKDAYS:
            return m.group(0)
        close = difflib.get_close_matches(word, _FULL_MONTHS, n=1, cutoff=0.75)
        return f"{m.group(1)}{close[0]}" if close else m.group(0)
    return re.sub(r"(\b(?:\d{1,2}(?:e|ste|de)?|begin|eind|half|medio|in|sinds|vanaf) )([a-z]{5,10})\b", fix, text)


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    digits = text.strip("'")
    year = int(digits)
    return year + 2000 if year < 100 else year


def _make_date(day: int, month: int, year: Optional[int], today: date) -> Optional[date]:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        if not 1990 <= year <= today.year + 1:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for y in (today.year, today.year - 1):
        try:
            value = date(y, month, day)
        except ValueError:
            continue
        if value <= today:
            return value
    return None


def _minus_months(day: date, months: int) -> date:
    month0 = day.month - 1 - months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_months(day: date, months: int) -> date:
    return _minus_months(day, -months)
