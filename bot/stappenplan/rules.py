"""Deadlines and the escalation ladder, read from ``content/stappenplan/regels.yml``.

No rule number lives in code: 6 weeks, 4 weeks, 10 weeks, 5 school days, 3 months are data, each
with its sources. Date arithmetic is explicit about what a period means:

* ``dagen``/``weken``/``maanden`` are calendar periods (weekends and holidays count), because the
  sources do not say otherwise;
* ``schooldagen`` skips Saturdays and Sundays (the source names school days). School holidays differ
  per school, so they are not skipped; the plan says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional

import yaml

from bot.content import source_dates
from bot.content.schema import Source  # noqa: F401 - re-exported: the one Source of answers and rules
from bot.stappenplan.extract_dates import add_months

RULES_FILE = Path(__file__).resolve().parents[2] / "content" / "stappenplan" / "regels.yml"
UNITS = ("dagen", "weken", "maanden", "schooldagen")


class RulesError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    id: str
    aantal: int
    eenheid: str
    betekenis: str
    bronnen: tuple[Source, ...]
    max_keer: Optional[int] = None
    te_laat_met_reden: bool = False
    geen_termijn: bool = False  # a goal or marker (the Thuiszitterspact's 3 months), not a deadline

    def add_to(self, start: dt.date, times: int = 1) -> dt.date:
        """``start`` plus this period (``times`` over)."""
        n = self.aantal * times
        if self.eenheid == "dagen":
            return start + dt.timedelta(days=n)
        if self.eenheid == "weken":
            return start + dt.timedelta(weeks=n)
        if self.eenheid == "maanden":
            return add_months(start, n)
        return add_school_days(start, n)


@dataclass(frozen=True)
class LadderStep:
    id: str
    bronnen: tuple[Source, ...]
    na: tuple[str, ...] = ()
    overslaan: str = ""
    niet_als: str = ""
    alleen_als: str = ""


@dataclass(frozen=True)
class Rules:
    gecontroleerd: dt.date
    periods: Mapping[str, Period]
    ladder: tuple[LadderStep, ...]
    implies: Mapping[str, tuple[str, ...]]
    ages: Mapping[str, int]
    age_sources: tuple[Source, ...]
    vrijstelling_renew: tuple[int, int]  # (month, day)
    vrijstelling_sources: tuple[Source, ...]
    safety_answer: str
    sources: Mapping[str, Source]

    def period(self, name: str) -> Period:
        return self.periods[name]

    def ladder_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.ladder)

    def step(self, name: str) -> LadderStep:
        for step in self.ladder:
            if step.id == name:
                return step
        raise KeyError(name)


def add_school_days(start: dt.date, n: int) -> dt.date:
    """The date ``n`` school days (Monday to Friday) after ``start``; a start day that is a school
    day counts as the first day ("5 school days from Monday" ends on Friday)."""
    day = start
    counted = 1 if day.weekday() < 5 else 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    while day.weekday() >= 5:  # a start in the weekend: the first school day counts
        day += dt.timedelta(days=1)
    return day


def school_days_between(start: dt.date, end: dt.date) -> int:
    """School days (Monday to Friday) from ``start`` up to and including ``end``."""
    if end < start:
        return 0
    days = (end - start).days + 1
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for i in range(rest):
        if (start + dt.timedelta(days=weeks * 7 + i)).weekday() < 5:
            count += 1
    return count


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> Rules:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    checked = raw.get("gecontroleerd")
    if not isinstance(checked, dt.date):
        raise RulesError(f"{path.name}: 'gecontroleerd' must be a date")
    sources = {}
    for key, s in (raw.get("bronnen") or {}).items():
        if not isinstance(s, Mapping) or not s.get("naam") or not str(s.get("url", "")).startswith(("https://", "http://")):
            raise RulesError(f"{path.name}: source {key} needs naam and url")
        datum = source_dates.normalise(s.get("datum"))
        if datum is None:
            raise RulesError(f"{path.name}: source {key} needs datum (year, YYYY-MM, YYYY-MM-DD or onbekend)")
        sources[key] = Source(str(s["naam"]), str(s["url"]), datum)

    def refs(item: Mapping, where: str) -> tuple[Source, ...]:
        keys = item.get("bronnen") or []
        if not keys:
            raise RulesError(f"{path.name}: {where} has no source")
        missing = [k for k in keys if k not in sources]
        if missing:
            raise RulesError(f"{path.name}: {where} names unknown sources {missing}")
        return tuple(sources[k] for k in keys)

    periods = {}
    for key, p in (raw.get("termijnen") or {}).items():
        if p.get("eenheid") not in UNITS or not isinstance(p.get("aantal"), int) or p["aantal"] <= 0:
            raise RulesError(f"{path.name}: termijn {key} needs a positive aantal and eenheid in {UNITS}")
        periods[key] = Period(key, p["aantal"], p["eenheid"], str(p.get("betekenis", "")), refs(p, key),
                              p.get("max_keer"), bool(p.get("te_laat_met_reden")), bool(p.get("geen_termijn")))
    ladder = tuple(
        LadderStep(s["id"], refs(s, f"ladder {s['id']}"), tuple(s.get("na") or ()), s.get("overslaan", ""),
                   s.get("niet_als", ""), s.get("alleen_als", ""))
        for s in raw.get("ladder") or ())
    ids = {s.id for s in ladder}
    implies = {k: tuple(v) for k, v in (raw.get("impliceert") or {}).items()}
    for k, v in implies.items():
        if k not in ids or not set(v) <= ids:
            raise RulesError(f"{path.name}: impliceert uses unknown ladder steps ({k}: {v})")
    ages_raw = raw.get("leeftijd") or {}
    ages = {k: int(v) for k, v in ages_raw.items() if k != "bronnen"}
    vr = raw.get("vrijstelling") or {}
    renew = vr.get("verlengen_voor") or {}
    safety = raw.get("veiligheid") or {}
    return Rules(checked, periods, ladder, implies, ages, refs(ages_raw, "leeftijd"),
                 (int(renew.get("maand", 7)), int(renew.get("dag", 1))), refs(vr, "vrijstelling"),
                 str(safety.get("antwoord", "veiligheid")), sources)
