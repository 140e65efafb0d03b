"""The outbox as Prometheus sees it, read from the database when it scrapes (not counted by a process,
so the numbers are right whichever worker runs, and also when none runs).

- ``wegwijzer_outbox_pending``: deliveries waiting to go out (status wachtend, not the inbox)
- ``wegwijzer_outbox_oldest_pending_age_seconds``: how long the oldest of them has waited (0: none)
- ``wegwijzer_outbox_dead``: deliveries that failed for good and wait for a person (``cli retry``)
- ``wegwijzer_outbox_scrape_ok``: 1 when the database answered, 0 when not (then the others are absent)
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator, Optional

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import and_, func, select
from sqlalchemy.engine import Engine

from bot.hulpvraag.db import utcnow
from bot.hulpvraag.schema import DOEL_INBOX, DOOD, WACHTEND, bezorging

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxState:
    pending: int
    oldest_pending_seconds: float
    dead: int


def outbox_state(engine: Engine, now: Optional[datetime] = None) -> OutboxState:
    """Counts in the outbox table (naive UTC times, as the outbox stores them)."""
    now = now or utcnow()
    outgoing = bezorging.c.doel != DOEL_INBOX
    with engine.connect() as conn:
        pending, oldest = conn.execute(select(func.count(), func.min(bezorging.c.aangemaakt_op)).where(
            and_(outgoing, bezorging.c.status == WACHTEND))).one()
        dead = conn.execute(select(func.count()).select_from(bezorging).where(
            and_(outgoing, bezorging.c.status == DOOD))).scalar()
    age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0
    return OutboxState(int(pending or 0), age, int(dead or 0))


class OutboxCollector:
    """prometheus-client collector over ``outbox_state`` (a thin adapter)."""

    def __init__(self, engine_factory: Callable[[], Engine]):
        self._engine_factory = engine_factory
        self._engine: Optional[Engine] = None

    def collect(self) -> Iterator[GaugeMetricFamily]:
        ok = GaugeMetricFamily("wegwijzer_outbox_scrape_ok", "1 when the help-request database answered the "
                               "exporter, 0 when not")
        try:
            if self._engine is None:
                self._engine = self._engine_factory()
            state = outbox_state(self._engine)
        except Exception as exc:  # a database that is down is a metric, not a crash
            log.warning("outbox niet gelezen: %s", exc.__class__.__name__)
            ok.add_metric([], 0)
            yield ok
            return
        ok.add_metric([], 1)
        yield ok
        yield GaugeMetricFamily("wegwijzer_outbox_pending", "Help-request deliveries waiting to go out",
                                value=state.pending)
        yield GaugeMetricFamily("wegwijzer_outbox_oldest_pending_age_seconds", "Seconds the oldest waiting "
                                "delivery has waited since the request was stored (0 when none waits)",
                                value=state.oldest_pending_seconds)
        yield GaugeMetricFamily("wegwijzer_outbox_dead", "Deliveries that failed for good (dead letters) and "
                                "wait for a person", value=state.dead)

    def describe(self):  # no describe at registration time: that would query the database
        return []
