"""Today's date as the product sees it: the calendar day in the Netherlands.

Everything that reasons in days (the step plan's deadlines and "voorbij"/"open", the help-request
form's "vorige week", the warm-up) asks this module, never ``date.today()``: the server may run in
UTC, and between 23:00 and 01:00 that is another day than the parent's.

``WEGWIJZER_VANDAAG=YYYY-MM-DD`` fixes the day for demos and for the test suite (``tests/conftest.py``
sets it, so no test depends on the real calendar). A value that is not a date stops a process at start
(``bot.settings``); should one reach a running process anyway, it is ignored with a warning: the product
then uses the real day rather than refusing to answer.
"""
from __future__ import annotations

import logging
import os
from datetime import date, datetime, timezone
from typing import Mapping, Optional
from zoneinfo import ZoneInfo

from bot import settings

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
ENV_VAR = "WEGWIJZER_VANDAAG"

log = logging.getLogger(__name__)
_warned: set[str] = set()


def fixed_day(env: Mapping[str, str]) -> Optional[date]:
    """The day ``WEGWIJZER_VANDAAG`` fixes, or None when it is unset or not a date."""
    try:
        return settings.read(ENV_VAR, env)
    except settings.SettingsError:
        value = (env.get(ENV_VAR) or "").strip()
        if value not in _warned:
            _warned.add(value)
            log.warning("%s=%r is geen datum (JJJJ-MM-DD); de echte datum wordt gebruikt", ENV_VAR, value)
        return None


def today(env: Optional[Mapping[str, str]] = None, now: Optional[datetime] = None) -> date:
    """The calendar day in the Netherlands (or the fixed day). ``now`` is for tests: an aware datetime."""
    fixed = fixed_day(os.environ if env is None else env)
    if fixed is not None:
        return fixed
    moment = now if now is not None else datetime.now(DUTCH_TIME)
    return moment.astimezone(DUTCH_TIME).date()


def in_dutch_time(value: datetime) -> datetime:
    """``value`` in Dutch time (summer and winter time); a naive value is UTC, as the stores keep it."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(DUTCH_TIME)


def dutch_date_and_time(value) -> str:
    """"07-12-2026 08:08" in Dutch time for a datetime or an ISO text; other values as they are."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return in_dutch_time(value).strftime("%d-%m-%Y %H:%M")
    return str(value or "")
