"""The tracker a turn saved, for code that runs right after Rasa's ``handle_message`` in the same turn.

``bot.live.paused_safety`` checks after every turn whether the conversation is paused and the message
a danger signal. It used to load the conversation from the tracker store again for that (a second
full load per turn, about 2 ms: bench/RESULTS.md, session 13), although Rasa had just saved exactly
that tracker as the last step of ``handle_message``. Our tracker store (``bot.rasa_runtime.tracker_store``)
now records each tracker it saves here, and the hook reads it back.

Plain Python, no Rasa. The record lives in a ``ContextVar`` that only ``collecting()`` opens, for one
turn: each request is its own asyncio task with its own context, so one conversation's turn never sees
another's tracker, and outside ``collecting()`` (training, the HTTP API, tests) nothing is kept.
Within a turn trackers are keyed by sender id. A reader that finds nothing (another tracker store
configured, or nothing saved) loads the tracker as before.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator, Optional

_saved: ContextVar[Optional[dict]] = ContextVar("wegwijzer_turn_trackers", default=None)


@contextmanager
def collecting() -> Iterator[None]:
    """Keep the trackers saved inside this block (this task and the tasks it starts), for this block only."""
    token = _saved.set({})
    try:
        yield
    finally:
        _saved.reset(token)


def record(tracker: Any) -> None:
    """Called by the tracker store after a save; a no-op outside ``collecting()``."""
    saved = _saved.get()
    if saved is not None:
        saved[tracker.sender_id] = tracker


def saved_tracker(sender_id: str) -> Optional[Any]:
    """The tracker of ``sender_id`` saved last inside the current ``collecting()`` block, or None."""
    saved = _saved.get()
    return None if saved is None else saved.get(sender_id)
