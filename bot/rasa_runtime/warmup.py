"""Warms the Rasa server up before the first user: one parse and one next-action prediction for a
few typical messages, on a throw-away tracker that is never stored.

The first turn after a start took 430-510 ms against about 30 ms for the next ones: TensorFlow
traces DIET's and TED's predict functions on first use, and the graph's components fill their
caches. Every restart and every extra replica would hand that wait to a parent. The REST channel
(always configured) runs :func:`warm_up_app` when the server has started; WEGWIJZER_OPWARMEN=0
skips it.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any, Optional

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import settings

log = logging.getLogger(__name__)

SENDER = "wegwijzer-opwarmen"
MESSAGES = (
    "hallo",
    "onze zoon van 12 zit sinds september thuis, wat moet ik doen",
    "wat is een tlv",
)


def enabled(env=os.environ) -> bool:
    return settings.read("WEGWIJZER_OPWARMEN", env)


async def warm_up_agent(agent: Any) -> Optional[float]:
    """Seconds it took, or None when there is no ready agent. Nothing is written anywhere."""
    if agent is None or not agent.is_ready():
        return None
    started = time.perf_counter()
    for text in MESSAGES:
        parse = await agent.parse_message(text)
        tracker = DialogueStateTracker.from_events(
            SENDER,
            [ActionExecuted(ACTION_LISTEN_NAME),
             UserUttered(text, parse.get("intent"), parse.get("entities"), parse)],
            slots=agent.domain.slots,
        )
        agent.predict_next_with_tracker(tracker)
    seconds = time.perf_counter() - started
    log.info("Rasa-server opgewarmd in %.0f ms", seconds * 1000)
    return seconds


async def warm_up_app(app: Any) -> None:
    if not enabled():
        return
    try:
        await warm_up_agent(getattr(app.ctx, "agent", None))
    except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first turn
        log.exception("opwarmen van de Rasa-server mislukt")
