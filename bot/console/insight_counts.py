"""Counting for the insight page (issue 20, item 4), plain Python: no database, no web server.

- A *miss* is a user message classified as ``nlu_fallback`` that was not an answer to a form's question
  (bot.console.form_turns).
- Per topic (intent): the conversations with at least one message on that topic (form answers do not
  count), how many of those also had a miss (the not-understood rate), and the widget's answer feedback
  ("Had u hier iets aan?") Ja/Nee for that topic.
- A trend per day or per ISO week (Monday first): messages, misses, share of misses, Ja, Nee.
Days are Dutch calendar days (Europe/Amsterdam), like the feedback's ``dag``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from bot.clock import DUTCH_TIME

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


def totals(turns: Iterable[UserTurn]) -> Totals:
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
    return out


def per_topic(turns: Iterable[UserTurn], feedback: Iterable[Feedback] = (),
              reasons: Iterable[tuple[str, str, int]] = ()) -> list[TopicRow]:
    """One row per topic, most conversations first (then by name). Form answers name no topic; a topic
    with only feedback (its conversation gone or outside the period) still gets a row."""
    topics: dict[str, set[str]] = defaultdict(set)
    missed: set[str] = set()
    for t in turns:
        if t.form_answer:
            continue
        if t.intent == FALLBACK:
            missed.add(t.sender_id)
        elif t.intent:
            topics[t.intent].add(t.sender_id)
    rows = {name: TopicRow(name, len(senders), len(senders & missed)) for name, senders in topics.items()}
    for f in feedback:
        row = rows.setdefault(f.onderwerp, TopicRow(f.onderwerp))
        row.ja += f.ja
        row.nee += f.nee
    for onderwerp, reden, n in reasons:
        row = rows.setdefault(onderwerp, TopicRow(onderwerp))
        row.redenen[reden] = row.redenen.get(reden, 0) + n
    return sorted(rows.values(), key=lambda r: (-r.gesprekken, -(r.ja + r.nee), r.onderwerp))


def trend(turns: Iterable[UserTurn], feedback: Iterable[Feedback], first: date, last: date,
          bucket: str) -> list[Bucket]:
    """Every day (or week) from ``first`` to ``last`` inclusive, also the empty ones, oldest first."""
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
    return list(buckets.values())
