"""Since when the child has been at home: a duration or a start moment.

"al 6 weken", "drie maanden", "een half jaar", "sinds 2 september", "2-9", "vorige maand",
"sinds de zomervakantie", "na de herfstvakantie", "sinds groep 6".
The answer is kept as the understood text; a date is added when it is clear (a named day, or a
duration counted back from today, marked ``ongeveer``). School holidays differ per region, so
"sinds de zomervakantie" is kept without a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from bot.hulpvraag_form.age import NUMBER_WORDS

MAX_YEARS = 18  # a start date further back is not about a child's school time
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # typos
    "feburari": 2, "febuari": 2, "agustus": 8, "augusts": 8, "septembr": 9, "setember": 9,
    "oktobre": 10, "novmber": 11, "desember": 12, "januarie": 1,
}
UNIT_DAYS = {"dag": 1, "dagen": 1, "week": 7, "weken": 7, "wk": 7, "weekjes": 7,
             "maand": 30, "maanden": 30, "mnd": 30, "maandjes": 30, "jaar": 365, "jaren": 365, "jr": 365}
_FRACTIONS = {"een half": 0.5, "half": 0.5, "anderhalf": 1.5, "een paar": 3, "paar": 3,
              "enkele": 3, "een aantal": 3, "twee en een half": 2.5, "tweeenhalf": 2.5}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_UNITS = "|".join(sorted(UNIT_DAYS, key=len, reverse=True))
_AMOUNT = r"(\d{1,3}(?:[.,]5)?|" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r"|een|ruim een|bijna een)"
_DURATION = re.compile(rf"\b{_AMOUNT}\s*({_UNITS})\b")
_DAY_MONTH = re.compile(rf"\b([0-3]?\d)\s*(?:e|ste|de)?\s*({_MONTH_NAMES})\b\.?(?:\s*((?:19|20)\d\d))?")
_NUMERIC_DATE = re.compile(r"(?<![\d.,/\-])([0-3]?\d)[\-/.]([01]?\d)(?:[\-/.]((?:19|20)?\d\d))?(?![\d.,/\-])")
_MONTH_ONLY = re.compile(rf"\b(?:sinds|vanaf|begin|eind|half|halverwege|in|na|rond)?\s*({_MONTH_NAMES})\b(?:\s*((?:19|20)\d\d))?")
_YEAR_ONLY = re.compile(r"\b(?:sinds|vanaf|in|begin|eind|midden)\s*((?:19|20)\d\d)\b")
_RELATIVE = {
    r"\bgisteren\b": 1, r"\beergisteren\b": 2, r"\bvorige week\b": 7, r"\bafgelopen week\b": 7,
    r"\bvorige maand\b": 30, r"\bafgelopen maand\b": 30, r"\bvorig jaar\b": 365,
    r"\bvorig schooljaar\b": 365, r"\bdeze week\b": 3, r"\bvandaag\b": 0,
}
_VAGUE = re.compile(
    r"\b(?:zomer|herfst|kerst|voorjaars|krokus|carnavals|mei|pasen|paas)vakantie\b|\bzomer\b|"
    r"\bbegin (?:van )?(?:het |dit )?schooljaar\b|\bstart (?:van )?het schooljaar\b|\bnieuwe schooljaar\b|"
    r"\bsinds groep\b|\bsinds de brugklas\b|\bsinds de verhuizing\b|\bal (?:heel )?lang\b|\bjaren\b|"
    r"\bnooit\b|\baltijd al\b|\bsinds (?:de|het) (?:corona|lockdown|ziekte|ongeluk|schorsing)\w*\b|"
    r"\bna de (?:schorsing|verwijdering|operatie|ziekenhuisopname)\b|\b(?:dit|het) (?:hele )?schooljaar\b|"
    r"\bsinds (?:de )?(?:zomer|herfst|winter|lente|kerst|pasen)\b"
)


@dataclass(frozen=True)
class Since:
    tekst: Optional[str] = None
    datum: Optional[date] = None
    ongeveer: bool = False
    error: Optional[str] = None  # onbekend | toekomst | te_lang

    def as_slot(self) -> dict:
        return {"tekst": self.tekst, "datum": self.datum.isoformat() if self.datum else None,
                "ongeveer": self.ongeveer}


def _amount(raw: str) -> float:
    raw = raw.strip()
    if raw in _FRACTIONS:
        return _FRACTIONS[raw]
    if raw in ("een", "ruim een", "bijna een"):
        return 1
    return float(raw.replace(",", "."))


def _with_words_as_digits(folded: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return str(NUMBER_WORDS[word]) if word in NUMBER_WORDS and word not in ("een", "één") else word
    return re.sub(r"[a-z]+", swap, folded)


def _year_for(day: int, month: int, year: Optional[str], today: date) -> Optional[date]:
    """The most recent such date not after today when no year is given."""
    try:
        if year:
            full = int(year) if len(year) == 4 else 2000 + int(year)
            return date(full, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate <= today else date(today.year - 1, month, day)
    except ValueError:
        return None


def _check(found: Since, today: date) -> Since:
    if found.datum and found.datum > today:
        return Since(error="toekomst")
    if found.datum and (today - found.datum).days > MAX_YEARS * 365:
        return Since(error="te_lang")
    return found


def parse_since(original: str, folded: str, today: date) -> Since:
    """Read a duration or start date; ``original`` is kept as the understood text."""
    text = _with_words_as_digits(folded)
    tekst = " ".join(original.split())[:120]
    match = _DAY_MONTH.search(text)
    if match:
        day = _year_for(int(match.group(1)), MONTHS[match.group(2)], match.group(3), today)
        if day:
            return _check(Since(tekst=tekst, datum=day), today)
    match = _NUMERIC_DATE.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        day = _year_for(int(match.group(1)), int(match.group(2)), match.group(3), today)
        if day:
            return _check(Since(tekst=tekst, datum=day), today)
    match = _DURATION.search(text)
    if match:
        days = round(_amount(match.group(1)) * UNIT_DAYS[match.group(2)])
        if days > MAX_YEARS * 365:
            return Since(error="te_lang")
        return _check(Since(tekst=tekst, datum=today - timedelta(days=days), ongeveer=True), today)
    for pattern, days in _RELATIVE.items():
        if re.search(pattern, text):
            return Since(tekst=tekst, datum=today - timedelta(days=days), ongeveer=days >= 7)
    if _VAGUE.search(text):
        return Since(tekst=tekst)
    match = _YEAR_ONLY.search(text)
    if match:
        year = int(match.group(1))
        if year > today.year:
            return Since(error="toekomst")
        return Since(error="te_lang") if today.year - year > MAX_YEARS else Since(tekst=tekst)
    match = _MONTH_ONLY.search(text)
    if match:
        day = _year_for(1, MONTHS[match.group(1)], match.group(2), today)
        if day:
            return _check(Since(tekst=tekst, datum=day, ongeveer=True), today)
    return Since(error="onbekend")
