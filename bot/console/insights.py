"""For content editors: where the assistant failed most (nlu_fallback and low-confidence user messages)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, select
from sqlalchemy.engine import Engine

from bot.console.conversation_regions import RequestRegionsSource
from bot.console.conversations import ConversationStore, in_scope, key_of
from bot.console.roles import Scope
from bot.console.tracker_events import FALLBACK_INTENT, events, parse

LOW_CONFIDENCE = 0.6


@dataclass
class Insight:
    dagen: int
    gebruikersberichten: int = 0
    niet_begrepen: int = 0
    laag_per_intent: list[tuple[str, int]] = field(default_factory=list)   # predicted intent, count
    voorbeelden: list[dict] = field(default_factory=list)                  # recent failed messages


class Insights:
    def __init__(self, engine: Engine, help_requests: RequestRegionsSource):
        self.engine = engine
        self.conversations = ConversationStore(engine, help_requests)

    def collect(self, scope: Scope, dagen: int = 30, voorbeelden: int = 50) -> Insight:
        since = (datetime.now(timezone.utc) - timedelta(days=dagen)).timestamp()
        with self.engine.connect() as conn:
            regions = self.conversations.regions(conn)
            rows = conn.execute(select(events.c.id, events.c.sender_id, events.c.intent_name, events.c.timestamp,
                                       events.c.data).where(and_(events.c.type_name == "user",
                                                                 events.c.timestamp >= since))
                                .order_by(events.c.id.desc())).all()
        result = Insight(dagen)
        low: Counter = Counter()
        for row in rows:
            if not in_scope(scope, regions.get(row.sender_id, ())):
                continue
            result.gebruikersberichten += 1
            data = parse(row.data)
            intent = (data.get("parse_data") or {}).get("intent") or {}
            confidence = intent.get("confidence") if isinstance(intent.get("confidence"), (int, float)) else None
            failed = row.intent_name == FALLBACK_INTENT
            if failed:
                result.niet_begrepen += 1
            elif confidence is not None and confidence < LOW_CONFIDENCE:
                low[row.intent_name or "?"] += 1
            else:
                continue
            if len(result.voorbeelden) < voorbeelden:
                text = data.get("text") if isinstance(data.get("text"), str) else ""
                result.voorbeelden.append({"tekst": text, "intent": row.intent_name or "", "zekerheid": confidence,
                                           "key": key_of(row.sender_id), "niet_begrepen": failed})
        result.laag_per_intent = low.most_common(25)
        return result
