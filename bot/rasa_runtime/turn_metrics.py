"""Inside the Rasa server: every user message counted as a turn, with its duration and whether it was
understood (a thin adapter over bot.counters.turns; applied by bot.rasa_runtime.install).

``apply()`` wraps two methods of Rasa's ``MessageProcessor``, leaving their results untouched:
``handle_message`` (one turn, from any channel: time, outcome) and ``log_message`` (the user message
is parsed and, after our intent override, logged on the tracker: the intent says whether it was
understood). The warm-up at start calls neither, so it is not counted.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import time

from bot.counters import turns

log = logging.getLogger(__name__)
_MARK = "_wegwijzer_metrics"


def _safely(fn, *args) -> None:
    try:
        fn(*args)
    except Exception:  # counting must never break a conversation
        log.exception("metriek niet bijgewerkt")


def _wrap_handle_message(original):
    @functools.wraps(original)
    async def handle_message(self, message):
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await original(self, message)
            outcome = "answered"
            return result
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        finally:
            _safely(turns.record_turn, getattr(message, "input_channel", None), time.perf_counter() - started,
                    outcome)
    return handle_message


def _wrap_log_message(original):
    @functools.wraps(original)
    async def log_message(self, message, should_save_tracker=True):
        tracker = await original(self, message, should_save_tracker)
        latest = getattr(tracker, "latest_message", None)
        _safely(turns.record_understanding, getattr(message, "input_channel", None),
                getattr(latest, "intent", None))
        return tracker
    return log_message


def apply() -> None:
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor, _MARK, False):
        return
    MessageProcessor.handle_message = _wrap_handle_message(MessageProcessor.handle_message)
    MessageProcessor.log_message = _wrap_log_message(MessageProcessor.log_message)
    setattr(MessageProcessor, _MARK, True)
