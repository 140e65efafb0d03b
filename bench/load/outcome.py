"""One measured turn and how it is judged: error kinds and the expected-word check (plain Python)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional


@dataclass(frozen=True)
class Reply:
    """What a transport got back for one user message: the bot's messages, or what went wrong."""
    messages: list
    error: Optional[str] = None


@dataclass(frozen=True)
class TurnResult:
    transport: str
    script: str
    turn: int            # 1-based; 0 = opening the conversation (socket connect) failed
    started: float       # seconds since the run began
    latency_ms: float
    error: Optional[str] = None
    messages: int = 0
    mismatch: bool = False

    @property
    def ended(self) -> float:
        return self.started + self.latency_ms / 1000

    def as_dict(self) -> dict:
        return asdict(self)


def classify(reply: Reply) -> Optional[str]:
    """The error kind of a reply, or None when it is a real answer.

    Errors: the transport's own (``http_503``, ``timeout``, ``exception:...``, ``connect:...``), an
    empty reply, a reply that is not a list of messages, or a refusal by the widget channel (a message
    with ``soort``, e.g. ``te_snel`` when rate-limited) instead of the assistant's answer."""
    if reply.error:
        return reply.error
    if not isinstance(reply.messages, list):
        return "bad_reply"
    if not reply.messages:
        return "empty"
    if not all(isinstance(m, dict) for m in reply.messages):
        return "bad_reply"
    if not any(m.get("text") or m.get("buttons") or m.get("custom") or m.get("image")
               for m in reply.messages):
        return "empty"
    refused = [m["soort"] for m in reply.messages if m.get("soort")]
    if refused:
        return f"refused:{refused[0]}"
    return None


def expectation_missed(expect: Optional[str], messages: list) -> bool:
    """True when ``expect`` is set and no message text contains it (case-insensitive)."""
    if not expect:
        return False
    needle = expect.casefold()
    return not any(needle in str(m.get("text") or "").casefold()
                   for m in messages if isinstance(m, dict))
