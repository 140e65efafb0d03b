"""Data for the insight page (issue 20, item 4), region-scoped like every console view.

Reads Rasa's tracker store (user messages, form state, regions) and the project database (answer feedback,
handled misses); the counting is plain Python in bot.console.insight_counts, the form rule in
bot.console.form_turns. A conversation is in scope by the same rule as the conversation list
(bot.console.conversation_regions); feedback counts only for conversations in scope (feedback whose
conversation is gone has no region: all-regions accounts only).

What is read, so it stays fast on many conversations: every user message of the period without its JSON
(id, sender, time, intent); the form-state events of the period (with the requested slot's value taken
out of the JSON by the database); the JSON (text) only of the misses that are shown or exported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.engine import Engine

from bot.clock import DUTCH_TIME
from bot.console.conversation_query import json_text
from bot.console.conversation_regions import RequestRegionsSource
from bot.console.conversations import ConversationStore, in_scope, key_of
from bot.console.form_turns import ACTIVE_LOOP, REQUESTED_SLOT, RESETS, form_answer_ids
from bot.console.insight_counts import (Bucket, Feedback, TopicRow, Totals, UserTurn, dutch_day, per_topic,
                                        totals, trend)
from bot.console.misses import HandledMisses
from bot.console.roles import Scope
from bot.console.tracker_events import FALLBACK_INTENT, events, parse
from bot.feedback.schema import JA, NEE, antwoord_feedback

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
    def _turns(self, scope: Scope, since: float) -> tuple[list[UserTurn], dict[str, tuple[str, ...]]]:
        dialect = self.engine.dialect.name
        with self.engine.connect() as conn:
            regions = self.conversations.regions(conn)
            users = conn.execute(select(events.c.sender_id, events.c.id, events.c.timestamp, events.c.intent_name)
                                 .where(and_(events.c.type_name == "user", events.c.timestamp >= since))).all()
            form = conn.execute(select(events.c.sender_id, events.c.id, events.c.type_name, events.c.action_name,
                                       json_text(dialect, "value").label("value"))
                                .where(and_(events.c.timestamp >= since - FORM_SLACK,
                                            or_(events.c.type_name.in_((ACTIVE_LOOP, *RESETS)),
                                                and_(events.c.type_name == "slot",
                                                     events.c.action_name == REQUESTED_SLOT))))).all()
        visible = {}
        rows = []
        for r in users:
            ok = visible.get(r.sender_id)
            if ok is None:
                ok = visible[r.sender_id] = in_scope(scope, regions.get(r.sender_id, ()))
            if ok:
                rows.append((r.sender_id, r.id, "user", None, None))
        rows += [(r.sender_id, r.id, r.type_name, r.action_name, r.value) for r in form if visible.get(r.sender_id)]
        rows.sort(key=lambda row: row[1])
        answers = form_answer_ids(rows)
        turns = [UserTurn(r.sender_id, r.id, r.timestamp or 0.0, r.intent_name or "", r.id in answers)
                 for r in users if visible.get(r.sender_id)]
        return turns, regions

    def _feedback(self, scope: Scope, regions, first) -> tuple[list[Feedback], list[tuple[str, str, int]]]:
        if self.store_engine is None or not inspect(self.store_engine).has_table(antwoord_feedback.name):
            return [], []
        t = antwoord_feedback
        query = select(t.c.onderwerp, t.c.dag, t.c.gesprek_id, t.c.oordeel, t.c.reden).where(t.c.dag >= first)
        counts: dict[tuple, list[int]] = {}
        reasons: dict[tuple[str, str], int] = {}
        with self.store_engine.connect() as conn:
            for r in conn.execute(query):
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
        since = datetime.combine(first, time.min, tzinfo=DUTCH_TIME).timestamp()
        turns, regions = self._turns(scope, since)
        feedback, reasons = self._feedback(scope, regions, first)
        result = Insight(dagen, indeling, toon, totals(turns), per_topic(turns, feedback, reasons),
                         trend(turns, feedback, first, last, indeling))
        misses = sorted((t for t in turns if t.miss), key=lambda t: t.event_id, reverse=True)
        handled = self.handled.handled(t.event_id for t in misses) if self.handled else {}
        result.open_totaal = sum(1 for t in misses if t.event_id not in handled)
        chosen = [t for t in misses if toon == "alle" or (t.event_id in handled) == (toon == "afgehandeld")]
        result.gemist_totaal = len(chosen)
        result.gemist = [Miss(t.event_id, t.sender_id, _dt(t.timestamp), "", *handled.get(t.event_id, ("", None)))
                         for t in (chosen if limit is None else chosen[:limit])]
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
