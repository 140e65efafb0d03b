"""Small helpers for the production-profile tests: conversation ids and a stream of turns."""
from __future__ import annotations

import itertools
import os
import threading
import time
from dataclasses import dataclass, field

import requests

_senders = itertools.count()


def new_sender(prefix: str = "prod") -> str:
    return f"{prefix}-{os.getpid()}-{next(_senders)}-{time.monotonic_ns()}"


@dataclass
class Turn:
    ok: bool
    detail: str


@dataclass
class TurnStream:
    """Sends ``message`` in one conversation through nginx, one turn after another, until stopped.
    A turn is good when it answers and ``good(text)`` holds (e.g. the region is still known)."""
    productie: object
    sender: str
    message: str
    good: object
    turns: list = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                texts = self.productie.texts(self.sender, self.message, timeout=90)
                joined = "\n".join(texts)
                self.turns.append(Turn(bool(texts) and self.good(joined), joined[:120]))
            except requests.RequestException as exc:
                self.turns.append(Turn(False, exc.__class__.__name__))
            time.sleep(0.2)

    def __enter__(self) -> "TurnStream":
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=120)

    def count(self) -> int:
        return len(self.turns)

    def wait_for_turns(self, n: int, limit: float = 300) -> None:
        deadline = time.monotonic() + limit
        target = self.count() + n
        while self.count() < target and time.monotonic() < deadline:
            time.sleep(0.1)

    def failures(self) -> list[Turn]:
        return [t for t in self.turns if not t.ok]

    def failures_after_first_recovery(self) -> list[Turn]:
        """Failures that came after the stream had been good again (should be none)."""
        seen_failure = seen_recovery = False
        late = []
        for turn in self.turns:
            if not turn.ok and seen_recovery:
                late.append(turn)
            seen_failure = seen_failure or not turn.ok
            seen_recovery = seen_recovery or (seen_failure and turn.ok)
        return late
