"""Counting for the insight page (issue 20, item 4), plain Python: no database, no web server.

- A *miss* is a user message classified as ``nlu_fallback`` that was not an answer to a form's question
  (bot.console.form_turns).
- Per topic (intent): the conversations with at least one message recognised as that topic, how many of
  those also had a miss (the not-understood rate), and the widget's answer feedback ("Had u hier iets
  aan?") Ja/Nee for that topic.
- A trend per day or per ISO week (Monday first): messages, misses, share of misses, Ja, Nee.
Days are Dutch calendar days (Europe/Amsterdam), like the feedback's ``dag``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from datetime import date, datetime, timedelta, timezone

from bot.clock import DUTCH_TIME
from bot.console.form_turns import form_answer_ids

FALLBACK = "nlu_fallback"
BUCKETS = ("dag", "week")


@dataclass(frozen=True)
class UserTurn:
    sender_id: str
    event_id: int
    timestamp: float
    intent: str
    form_answer: bool = False

    @property
    def miss(self) -> bool:
        return self.intent == FALLBACK and not self.form_answer


@dataclass(frozen=True)
class Feedback:
    onderwerp: str
    dag: date
    ja: int
    nee: int


@dataclass
class TopicRow:
    onderwerp: str
    gesprekken: int = 0
    met_gemist: int = 0
    ja: int = 0
    nee: int = 0
    redenen: dict[str, int] = field(default_factory=dict)

    @property
    def gemist_procent(self) -> int | None:
        return round(100 * self.met_gemist / self.gesprekken) if self.gesprekken else None

    @property
    def ja_procent(self) -> int | None:
        total = self.ja + self.nee
        return round(100 * self.ja / total) if total else None


@dataclass
class Bucket:
    begin: date
    bucket: str
    berichten: int = 0
    gemist: int = 0
    ja: int = 0
    nee: int = 0

    @property
    def label(self) -> str:
        if self.bucket == "week":
            return f"week {self.begin.isocalendar()[1]} ({self.begin.strftime('%d-%m')})"
        return self.begin.strftime("%d-%m")

    @property
    def kort(self) -> str:
        """A short label for a chart axis."""
        return f"wk {self.begin.isocalendar()[1]}" if self.bucket == "week" else self.begin.strftime("%d-%m")

    @property
    def gemist_procent(self) -> int | None:
        return round(100 * self.gemist / self.berichten) if self.berichten else None


@dataclass
class Totals:
    gesprekken: int = 0
    berichten: int = 0
    gemist: int = 0
    formulierantwoorden: int = 0   # fallback messages left out because a form asked for them
    gesprekken_met_gemist: int = 0


def dutch_day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).astimezone(DUTCH_TIME).date()


def bucket_start(day: date, bucket: str) -> date:
    if bucket not in BUCKETS:
        raise ValueError(bucket)
    return day - timedelta(days=day.weekday()) if bucket == "week" else day


def split_misses(fallbacks: Iterable[tuple[int, str, float]], form_events: Iterable[tuple]) -> tuple[list, list]:
    """``fallbacks``: (event id, sender, time) of the ``nlu_fallback`` messages; ``form_events``: (sender, event id,
    type_name, action_name, value) of the form-state events (bot.console.form_turns). Returns (misses, form
    answers), each a list of (event id, sender, time)."""
    fallbacks = list(fallbacks)
    rows = [(sender, event_id, "user", None, None) for event_id, sender, _ts in fallbacks]
    rows += form_events
    rows.sort(key=itemgetter(1))
    answers = form_answer_ids(rows)
    return ([f for f in fallbacks if f[0] not in answers], [f for f in fallbacks if f[0] in answers])


def totals(turns: Iterable[UserTurn], extra: Totals | None = None) -> Totals:
    """Totals of ``turns``, plus ``extra`` counted elsewhere (the database) over other conversations."""
    out = Totals()
    senders: set[str] = set()
    missed: set[str] = set()
    for t in turns:
        senders.add(t.sender_id)
        out.berichten += 1
        if t.miss:
            out.gemist += 1
            missed.add(t.sender_id)
        elif t.intent == FALLBACK:
            out.formulierantwoorden += 1
    out.gesprekken, out.gesprekken_met_gemist = len(senders), len(missed)
    if extra is not None:
        out.gesprekken += extra.gesprekken
        out.berichten += extra.berichten
        out.gemist += extra.gemist
        out.formulierantwoorden += extra.formulierantwoorden
        out.gesprekken_met_gemist += extra.gesprekken_met_gemist
    return out


def per_topic(turns: Iterable[UserTurn], feedback: Iterable[Feedback] = (),
              reasons: Iterable[tuple[str, str, int]] = (),
              extra: Iterable[tuple[str, int, int]] = ()) -> list[TopicRow]:
    """One row per topic, most conversations first (then by name). A message counts for the topic it was
    recognised as (also when a form asked for it); a conversation has a miss when one of its messages is a
    miss. A topic with only feedback (its conversation gone or outside the period) still gets a row.
    ``extra``: (topic, conversations, of which with a miss) counted elsewhere (the database)."""
    topics: dict[str, set[str]] = defaultdict(set)
    missed: set[str] = set()
    for t in turns:
        if t.intent == FALLBACK:
            if not t.form_answer:
                missed.add(t.sender_id)
        elif t.intent:
            topics[t.intent].add(t.sender_id)
    rows = {name: TopicRow(name, len(senders), len(senders & missed)) for name, senders in topics.items()}
    for name, n, m in extra:
        if name == FALLBACK or not name:
            continue
        row = rows.setdefault(name, TopicRow(name))
        row.gesprekken += n
        row.met_gemist += m
    for f in feedback:
        row = rows.setdefault(f.onderwerp, TopicRow(f.onderwerp))
        row.ja += f.ja
        row.nee += f.nee
    for onderwerp, reden, n in reasons:
        row = rows.setdefault(onderwerp, TopicRow(onderwerp))
        row.redenen[reden] = row.redenen.get(reden, 0) + n
    return sorted(rows.values(), key=lambda r: (-r.gesprekken, -(r.ja + r.nee), r.onderwerp))


def bucket_starts(first: date, last: date, bucket: str) -> list[date]:
    """The first day of every day (or week) from ``first`` to ``last`` inclusive."""
    step = timedelta(days=7 if bucket == "week" else 1)
    out, day = [], bucket_start(first, bucket)
    while day <= last:
        out.append(day)
        day += step
    return out


def day_start(day: date) -> float:
    """Midnight at the start of a Dutch calendar day, as epoch seconds (the unit of the tracker's timestamps)."""
    return datetime.combine(day, datetime.min.time(), tzinfo=DUTCH_TIME).timestamp()


def trend(turns: Iterable[UserTurn], feedback: Iterable[Feedback], first: date, last: date,
          bucket: str, extra: dict[date, tuple[int, int]] | None = None) -> list[Bucket]:
    """Every day (or week) from ``first`` to ``last`` inclusive, also the empty ones, oldest first.
    ``extra``: bucket start → (messages, misses) counted elsewhere over other conversations."""
    start = bucket_start(first, bucket)
    step = timedelta(days=7 if bucket == "week" else 1)
    buckets: dict[date, Bucket] = {}
    day = start
    while day <= last:
        buckets[day] = Bucket(day, bucket)
        day += step
    for t in turns:
        b = buckets.get(bucket_start(dutch_day(t.timestamp), bucket))
        if b is None:
            continue
        b.berichten += 1
        b.gemist += t.miss
    for f in feedback:
        b = buckets.get(bucket_start(f.dag, bucket))
        if b is not None:
            b.ja += f.ja
            b.nee += f.nee
    for begin, (berichten, gemist) in (extra or {}).items():
        b = buckets.get(begin)
        if b is not None:
            b.berichten += berichten
            b.gemist += gemist
    return list(buckets.values())
