"""Opening hours for live chat, per region, from the region overrides (data, not code).

In ``content/regio/overrides/<GEBIED>.yml``::

    live_chat:
      openingstijden:
        ma: "09:00-17:00"
        di: "09:00-12:30, 13:30-17:00"
        vr: "09:00-12:00"

Days ``ma di wo do vr za zo``; a day that is not listed is closed. Times are Dutch local time
(Europe/Amsterdam). ``parse`` lists problems in Dutch (used by the override check); ``is_open`` answers for
one moment. An invalid spec is closed (fail closed: no colleague is promised).
"""
from __future__ import annotations

import re
from datetime import datetime, time
from typing import Mapping
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
LIVE_KEYS = {"openingstijden"}
_RANGE = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*-\s*([01]?\d|2[0-4])[:.]([0-5]\d)\s*$")

Ranges = dict[str, tuple[tuple[time, time], ...]]


def _ranges(text: str) -> tuple[tuple[time, time], ...] | None:
    out = []
    for part in text.split(","):
        m = _RANGE.match(part)
        if not m:
            return None
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h2 == 24 and m2:
            return None
        start = time(h1, m1)
        end = time.max if h2 == 24 else time(h2, m2)   # "24:00": to the end of the day
        if end <= start:
            return None
        out.append((start, end))
    return tuple(out)


def parse(spec: object) -> tuple[Ranges, list[str]]:
    """The opening hours per day, and the problems (Dutch) in ``spec`` (the ``live_chat`` mapping)."""
    if not isinstance(spec, Mapping):
        return {}, ["'live_chat' moet een mapping zijn met 'openingstijden'"]
    errors = [f"live_chat: onbekend veld '{k}'" for k in spec if k not in LIVE_KEYS]
    days = spec.get("openingstijden")
    if not isinstance(days, Mapping) or not days:
        return {}, errors + ["live_chat.openingstijden moet per dag (ma, di, ...) tijden hebben"]
    ranges: Ranges = {}
    for day, value in days.items():
        if day not in DAYS:
            errors.append(f"live_chat.openingstijden: onbekende dag '{day}' (kies uit {', '.join(DAYS)})")
            continue
        parsed = _ranges(value) if isinstance(value, str) else None
        if parsed is None:
            errors.append(f"live_chat.openingstijden.{day}: schrijf tijden als \"09:00-17:00\" "
                          "(meer blokken met een komma)")
            continue
        ranges[day] = parsed
    return ranges, errors


def is_open(spec: object, moment: datetime) -> bool:
    """True when ``moment`` (aware, any zone; naive = UTC) falls in the opening hours of ``spec``."""
    ranges, errors = parse(spec)
    if errors or not ranges:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    local = moment.astimezone(AMSTERDAM)
    now = local.time().replace(tzinfo=None)
    return any(start <= now < end for start, end in ranges.get(DAYS[local.weekday()], ()))
