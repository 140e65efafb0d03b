"""Virtual users: each holds one conversation after another (a script, a fresh sender id each time),
timing every turn, until told to stop. Think time between turns (and between conversations) is
jittered; zero think time gives a closed loop for saturation."""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from typing import Callable, Optional, Protocol, Sequence

from bench.load.outcome import Reply, TurnResult, classify, expectation_missed
from bench.load.scripts import Script


class Conversation(Protocol):
    async def turn(self, text: str) -> Reply: ...
    async def close(self) -> None: ...


class Transport(Protocol):
    name: str
    async def open(self, metadata: dict) -> Conversation: ...


@dataclass(frozen=True)
class ThinkTime:
    """Pause of ``mean`` seconds, uniformly jittered by +/- ``jitter`` (a fraction of the mean)."""
    mean: float = 0.0
    jitter: float = 0.5

    def __post_init__(self):
        if self.mean < 0 or not 0 <= self.jitter <= 1:
            raise ValueError("think time must be >= 0 and jitter between 0 and 1")

    def draw(self, rng: random.Random) -> float:
        if self.mean == 0:
            return 0.0
        return rng.uniform(self.mean * (1 - self.jitter), self.mean * (1 + self.jitter))


class ScriptPicker:
    """Deals scripts round-robin from a per-user offset, so concurrent users say different things
    and every script is used about equally often."""

    def __init__(self, scripts: Sequence[Script], offset: int = 0):
        if not scripts:
            raise ValueError("no scripts to run")
        self.scripts = list(scripts)
        self.position = offset % len(self.scripts)

    def next(self) -> Script:
        script = self.scripts[self.position]
        self.position = (self.position + 1) % len(self.scripts)
        return script


async def pause(seconds: float, stop: asyncio.Event) -> None:
    """Sleep, but wake up at once when the run stops."""
    if seconds <= 0:
        return
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except asyncio.TimeoutError:
        pass


class VirtualUser:
    def __init__(self, user_id: int, transport: Transport, scripts: Sequence[Script], sink: list,
                 clock: Callable[[], float], timeout: float, think: ThinkTime = ThinkTime(),
                 seed: int = 0):
        self.user_id = user_id
        self.transport = transport
        self.picker = ScriptPicker(scripts, offset=user_id)
        self.sink = sink
        self.clock = clock
        self.timeout = timeout
        self.think = think
        self.rng = random.Random(seed * 100_003 + user_id)
        self.conversations = 0

    async def run(self, stop: asyncio.Event, start_delay: float = 0.0) -> None:
        await pause(start_delay, stop)
        while not stop.is_set():
            await self.converse(self.picker.next(), stop)
            await pause(self.think.draw(self.rng), stop)

    async def converse(self, script: Script, stop: asyncio.Event) -> None:
        started = self.clock()
        began = time.perf_counter()
        try:
            conversation = await asyncio.wait_for(self.transport.open(dict(script.metadata)),
                                                  self.timeout)
        except (ConnectionError, asyncio.TimeoutError, OSError, PermissionError) as error:
            reason = str(error) if isinstance(error, ConnectionError) else _error_name(error)
            self._record(script, 0, started, began, Reply([], reason or "connect"))
            await pause(1.0, stop)  # do not hammer a server that refuses connections
            return
        self.conversations += 1
        try:
            for index, turn in enumerate(script.turns, start=1):
                if stop.is_set():
                    return
                started, began = self.clock(), time.perf_counter()
                reply = await self._timed_turn(conversation, turn.text)
                result = self._record(script, index, started, began, reply, turn.expect)
                if result.error in ("disconnected",) or str(result.error).startswith("connect"):
                    return
                if index < len(script.turns):
                    await pause(self.think.draw(self.rng), stop)
        finally:
            await conversation.close()

    async def _timed_turn(self, conversation: Conversation, text: str) -> Reply:
        try:
            return await asyncio.wait_for(conversation.turn(text), self.timeout)
        except asyncio.TimeoutError:
            return Reply([], "timeout")
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - every failure is counted, never hidden
            return Reply([], _error_name(error))

    def _record(self, script: Script, index: int, started: float, began: float, reply: Reply,
                expect: Optional[str] = None) -> TurnResult:
        error = classify(reply)
        result = TurnResult(
            transport=self.transport.name, script=script.name, turn=index, started=started,
            latency_ms=(time.perf_counter() - began) * 1000, error=error,
            messages=len(reply.messages) if isinstance(reply.messages, list) else 0,
            mismatch=error is None and expectation_missed(expect, reply.messages))
        self.sink.append(result)
        return result


def _error_name(error: BaseException) -> str:
    if isinstance(error, asyncio.TimeoutError):
        return "timeout"
    return f"exception:{type(error).__name__}"
