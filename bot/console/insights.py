"""Data for the insight page (issue 20, item 4), region-scoped like every console view.

Reads Rasa's tracker store (user messages, form state, regions) and the project database (answer feedback,
handled misses); the counting is plain Python in bot.console.insight_counts, the form rule in
bot.console.form_turns. A conversation is in scope by the same rule as the conversation list
(bot.console.conversation_regio); feedback counts only for conversations in scope (feedback whose
conversation is gone has no region: all-regions accounts only).

What is read, so it stays fast on many conversations (bot.console.insight_query): the database counts messages
per day/week, conversations and topics; Python gets only the ``nlu_fallback`` messages and the form-state events
(ids, no text) to tell misses from form answers, and the JSON (text) only of the misses shown or exported.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, inspect, or_, select, true
from sqlalchemy.engine import Engine

from bot.console.conversation_query import json_text
from bot.console.conversation_regio import RequestRegionsSource
from bot.console.conversations import ConversationStore, in_scope, key_of
from bot.console.form_turns import ACTIVE_LOOP, REQUESTED_SLOT, RESETS, form_answer_ids
from bot.console.insight_counts import (Bucket, Feedback, TopicRow, Totals, bucket_starts, day_start, dutch_day,
                                        per_topic, split_misses, trend)
from bot.console.insight_query import (conversations_query, fallbacks_and_form_state, in_senders, topics_query,
                                       trend_query, user_messages)
from bot.console.misses import HandledMisses
from bot.console.roles import Scope
from bot.console.tracker_events import FALLBACK_INTENT, events, parse
from bot.feedback.schema import JA, NEE, antwoord_feedback
from bot.feedback.store import counts_per_topic_per_day, reasons_per_topic

PERIODS = (7, 30, 90)
SHOW = ("open", "afgehandeld", "alle")
FORM_SLACK = 86400          # form-state events up to a day before the period (a form started just before)


@dataclass
class Miss:
    event_id: int
    sender_id: str
    tijd: datetime
    tekst: str = ""
    afgehandeld_door: str = ""
    afgehandeld_op: datetime | None = None

    @property
    def key(self) -> str:
        return key_of(self.sender_id)


@dataclass
class Counted:
    """What _count found."""
    totals: Totals = field(default_factory=Totals)
    buckets: dict[int, tuple[int, int]] = field(default_factory=dict)      # bucket index → (messages, misses)
    topics: list[tuple[str, int, int]] = field(default_factory=list)       # topic, conversations, with a miss
    misses: list[tuple[int, str, float]] = field(default_factory=list)     # event id, sender, time
    answers: list[tuple[int, str, float]] = field(default_factory=list)    # form answers (nlu_fallback, not misses)


@dataclass
class Insight:
    dagen: int
    indeling: str
    toon: str
    totaal: Totals = field(default_factory=Totals)
    onderwerpen: list[TopicRow] = field(default_factory=list)
    trend: list[Bucket] = field(default_factory=list)
    gemist: list[Miss] = field(default_factory=list)     # the work list (open, handled or all), newest first
    gemist_totaal: int = 0                               # before the limit
    open_totaal: int = 0


def _dt(ts: float | None) -> datetime:
    return datetime.fromtimestamp(ts or 0, tz=timezone.utc).replace(tzinfo=None)


class Insights:
    def __init__(self, engine: Engine, help_requests: RequestRegionsSource, store_engine: Engine | None = None):
        self.engine = engine                     # Rasa's tracker store
        self.store_engine = store_engine         # the project database (feedback, handled misses)
        self.conversations = ConversationStore(engine, help_requests)
        self.handled = HandledMisses(store_engine) if store_engine is not None else None

    # -- reading -------------------------------------------------------------------------------------
    def _count(self, scope: Scope, since: float, starts: list[float]) -> Counted:
        """Counts by the database; misses told from form answers in Python (bot.console.insight_counts)."""
        dialect = self.engine.dialect.name
        result = Counted()
        with self.engine.connect() as conn:
            if scope.alle:
                scope_cond = true()
            else:   # the conversations in scope once (the list's rule), then one parameter for every query
                regions = self.conversations.regions(conn)
                scope_cond = in_senders(dialect, [s for s, codes in regions.items() if in_scope(scope, codes)])
            cond = user_messages(since, scope_cond)
            fallbacks, form = [], []
            for sender, event_id, type_name, action_name, value, ts in conn.execute(
                    fallbacks_and_form_state(dialect, since, since - FORM_SLACK, scope_cond)):
                if type_name == "user":
                    fallbacks.append((event_id, sender, ts or 0.0))
                else:
                    form.append((sender, event_id, type_name, action_name, value))
            result.misses, result.answers = split_misses(fallbacks, form)
            missed = {sender for _id, sender, _ts in result.misses}
            buckets = {int(i): (int(n), int(f)) for i, n, f in conn.execute(trend_query(cond, starts))}
            conversations = conn.execute(conversations_query(cond)).scalar_one()
            result.topics = [(t, int(n), int(m)) for t, n, m in conn.execute(topics_query(dialect, cond, missed))]
        answered = [0] * len(starts)
        for _id, _sender, ts in result.answers:
            answered[max(bisect_right(starts, ts) - 1, 0)] += 1
        result.buckets = {i: (n, f - answered[i]) for i, (n, f) in buckets.items() if 0 <= i < len(starts)}
        result.totals = Totals(int(conversations or 0), sum(n for n, _f in buckets.values()), len(result.misses),
                               len(result.answers), len(missed))
        return result

    def _feedback(self, scope: Scope, first) -> tuple[list[Feedback], list[tuple[str, str, int]]]:
        """Answer feedback of the period: for all regions the counts of bot.feedback.store; for some regions
        only the feedback of conversations in scope (feedback whose conversation is gone has no region)."""
        if self.store_engine is None or not inspect(self.store_engine).has_table(antwoord_feedback.name):
            return [], []
        if scope.alle:
            return ([Feedback(d.onderwerp, d.dag, d.ja, d.nee) for d in counts_per_topic_per_day(self.store_engine, first)],
                    reasons_per_topic(self.store_engine, first))
        t = antwoord_feedback
        query = select(t.c.onderwerp, t.c.dag, t.c.gesprek_id, t.c.oordeel, t.c.reden).where(t.c.dag >= first)
        counts: dict[tuple, list[int]] = {}
        reasons: dict[tuple[str, str], int] = {}
        with self.store_engine.connect() as conn:
            rows = conn.execute(query).all()
        senders = {r.gesprek_id for r in rows if r.gesprek_id}
        with self.engine.connect() as conn:
            regions = self.conversations.regions(conn, senders) if senders else {}
        for r in rows:
            if not in_scope(scope, regions.get(r.gesprek_id, ()) if r.gesprek_id else ()):
                continue
            c = counts.setdefault((r.onderwerp, r.dag), [0, 0])
            c[0] += r.oordeel == JA
            c[1] += r.oordeel == NEE
            if r.oordeel == NEE and r.reden:
                reasons[(r.onderwerp, r.reden)] = reasons.get((r.onderwerp, r.reden), 0) + 1
        return ([Feedback(o, d, ja, nee) for (o, d), (ja, nee) in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0]))],
                [(o, reden, n) for (o, reden), n in sorted(reasons.items())])

    def _texts(self, misses: list[Miss]) -> None:
        ids = [m.event_id for m in misses]
        texts: dict[int, str] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                for event_id, data in conn.execute(select(events.c.id, events.c.data)
                                                   .where(events.c.id.in_(ids[start:start + 500]))):
                    text = parse(data).get("text")
                    texts[event_id] = text if isinstance(text, str) else ""
        for m in misses:
            m.tekst = texts.get(m.event_id, "")

    # -- the page, the export, one miss ------------------------------------------------------------------
    def collect(self, scope: Scope, dagen: int = 30, indeling: str = "dag", toon: str = "open",
                limit: int | None = 50, now: datetime | None = None) -> Insight:
        """Everything the page shows; ``limit`` None gives the whole work list (the export).

        The period is the last ``dagen`` Dutch calendar days up to and including the day of ``now`` (the real
        clock: the tracker's timestamps are real times, so WEGWIJZER_VANDAAG does not move this window)."""
        if dagen not in PERIODS or indeling not in ("dag", "week") or toon not in SHOW:
            raise ValueError("onbekende periode, indeling of keuze")
        last = dutch_day((now or datetime.now(timezone.utc)).timestamp())
        first = last - timedelta(days=dagen - 1)
        since = day_start(first)
        begins = bucket_starts(first, last, indeling)
        counted = self._count(scope, since, [day_start(b) for b in begins])
        feedback, reasons = self._feedback(scope, first)
        result = Insight(dagen, indeling, toon, counted.totals, per_topic((), feedback, reasons, counted.topics),
                         trend((), feedback, first, last, indeling,
                               {begins[i]: v for i, v in counted.buckets.items()}))
        misses = counted.misses
        misses.sort(key=lambda m: (m[2], m[0]), reverse=True)
        handled = self.handled.all() if self.handled else {}
        result.open_totaal = sum(1 for m in misses if m[0] not in handled)
        chosen = [m for m in misses if toon == "alle" or (m[0] in handled) == (toon == "afgehandeld")]
        result.gemist_totaal = len(chosen)
        result.gemist = [Miss(event_id, sender, _dt(ts), "", *handled.get(event_id, ("", None)))
                         for event_id, sender, ts in (chosen if limit is None else chosen[:limit])]
        self._texts(result.gemist)
        return result

    def miss(self, scope: Scope, event_id: int) -> Miss | None:
        """One miss in scope (a not-understood user message that was no form answer), else None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(events.c.sender_id, events.c.timestamp, events.c.type_name, events.c.intent_name)
                               .where(events.c.id == event_id)).first()
            if row is None or row.type_name != "user" or row.intent_name != FALLBACK_INTENT:
                return None
            if not in_scope(scope, self.conversations.regions(conn, [row.sender_id]).get(row.sender_id, ())):
                return None
            form = conn.execute(select(events.c.sender_id, events.c.id, events.c.type_name, events.c.action_name,
                                       json_text(self.engine.dialect.name, "value").label("value"))
                                .where(and_(events.c.sender_id == row.sender_id, events.c.id < event_id,
                                            or_(events.c.type_name.in_((ACTIVE_LOOP, *RESETS)),
                                                and_(events.c.type_name == "slot",
                                                     events.c.action_name == REQUESTED_SLOT))))).all()
        rows = sorted([(r.sender_id, r.id, r.type_name, r.action_name, r.value) for r in form], key=lambda r: r[1])
        if event_id in form_answer_ids(rows + [(row.sender_id, event_id, "user", None, None)]):
            return None
        return Miss(event_id, row.sender_id, _dt(row.timestamp))

    def mark_handled(self, scope: Scope, event_id: int, door: str) -> tuple[Miss, bool] | None:
        """Mark a miss in scope as handled: (the miss, newly marked), or None when there is no such miss."""
        found = self.miss(scope, event_id)
        if found is None or self.handled is None:
            return None
        return found, self.handled.mark(event_id, found.sender_id, door)
