"""The reply deadline of a help request, in Dutch working days (Monday to Friday).

The user was promised a reply within the request's ``reactietermijn_werkdagen``: the region's own term
(``content/regio/overrides/*.yml``, ``hulpverzoek.reactietermijn_werkdagen``) or the default
``bot.hulpvraag.config.Settings.reactietermijn_werkdagen`` (5, ``WEGWIJZER_REACTIETERMIJN_WERKDAGEN``),
stored on the request when it was made. The confirmation the user saw ("binnen 5 werkdagen",
``bot.hulpvraag_form.finish.term_text``) counts with ``bot.hulpvraag.request.werkdagen_later``; the
console counts with the same function, from the day the request came in (Dutch calendar day), so the
deadline in the inbox is the day the user was told. Public holidays are not skipped, as in the promise.

A request is overdue when it is still waiting for a first reply (nieuw, in behandeling) and today is
after its deadline.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from bot.clock import DUTCH_TIME
from bot.hulpvraag.config import Settings
from bot.hulpvraag.request import werkdagen_later
from bot.hulpvraag.schema import STATUS_IN_BEHANDELING, STATUS_NIEUW

DEFAULT_WERKDAGEN = Settings().reactietermijn_werkdagen
WAITING = (STATUS_NIEUW, STATUS_IN_BEHANDELING)   # no reply yet: these can be overdue


def dutch_day(moment: datetime) -> date:
    """The Dutch calendar day of a naive-UTC (or aware) timestamp."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(DUTCH_TIME).date()


def term_of(werkdagen) -> int:
    """The request's promised term; the default when the stored value is missing or not sensible."""
    return werkdagen if isinstance(werkdagen, int) and 1 <= werkdagen <= 60 else DEFAULT_WERKDAGEN


def reply_deadline(aangemaakt_op: datetime, werkdagen) -> date:
    return werkdagen_later(dutch_day(aangemaakt_op), term_of(werkdagen))


def werkdagen_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    d = start + timedelta(days=weeks * 7)
    for _ in range(rest):
        d += timedelta(days=1)
        if d.weekday() < 5:
            count += 1
    return count


@dataclass(frozen=True)
class Deadline:
    uiterlijk: date
    te_laat: bool
    werkdagen_over: int      # working days left (0 on the day itself); 0 when overdue
    werkdagen_te_laat: int   # working days past the deadline; 0 when not overdue
    wacht: bool              # still waiting for a first reply

    @property
    def tekst(self) -> str:
        """In words, for the inbox: never by colour alone."""
        if not self.wacht:
            return "beantwoord of gesloten"
        if self.te_laat:
            n = self.werkdagen_te_laat
            return f"te laat: {n} werkdag{'en' if n != 1 else ''} over de termijn" if n else "te laat"
        if self.werkdagen_over == 0:
            return "vandaag"
        n = self.werkdagen_over
        return f"nog {n} werkdag{'en' if n != 1 else ''}"


def deadline_of(row: dict, today: date) -> Deadline:
    uiterlijk = reply_deadline(row["aangemaakt_op"], row.get("reactietermijn_werkdagen"))
    wacht = row.get("status") in WAITING
    late = wacht and today > uiterlijk
    return Deadline(uiterlijk, late, 0 if late else werkdagen_between(today, uiterlijk),
                    werkdagen_between(uiterlijk, today) if late else 0, wacht)
