"""Which user messages were answers to a form's question (issue 20, item 4).

A short reply while a form asks for a slot ("middag", "ouder", "al 6 weken") is often classified as
``nlu_fallback`` but is not a miss: the form reads it from the text. Rasa's tracker store shows the form
state as events: ``active_loop`` (``action_name`` is the form's name, empty when the form ends) and the slot
``requested_slot`` (``slot`` event, ``action_name`` "requested_slot", the value the slot it asks for). A user
message that arrives while a form is active and asks for a slot is a form answer. A restart or a new
session ends the form.
"""
from __future__ import annotations

from collections.abc import Iterable

ACTIVE_LOOP = "active_loop"
REQUESTED_SLOT = "requested_slot"
RESETS = ("restart", "session_started")
FORM_EVENT_TYPES = (ACTIVE_LOOP, "slot", *RESETS)   # the event types that change the form state


def form_answer_ids(rows: Iterable[tuple]) -> set[int]:
    """rows: (sender_id, event_id, type_name, action_name, value) in event-id order, ``value`` the slot's
    value for ``requested_slot`` events ('' or None when it asks for nothing). Returns the ids of the
    ``user`` events sent while a form asked for a slot."""
    loop: dict[str, str] = {}
    asked: dict[str, str] = {}
    out: set[int] = set()
    for sender, event_id, type_name, action_name, value in rows:
        if type_name == "user":
            if loop.get(sender) and asked.get(sender):
                out.add(event_id)
        elif type_name == ACTIVE_LOOP:
            loop[sender] = action_name or ""
            if not action_name:
                asked[sender] = ""
        elif type_name == "slot" and action_name == REQUESTED_SLOT:
            asked[sender] = value if isinstance(value, str) else ""
        elif type_name in RESETS:
            loop[sender], asked[sender] = "", ""
    return out
