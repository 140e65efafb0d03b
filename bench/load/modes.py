"""The three load modes: saturation sweep, think-time run and soak. Each returns a JSON-ready dict.

Every step starts fresh virtual users, lets them run through a warm-up (not measured), measures a
window, then stops them at the next turn boundary and waits for the turns in flight (see
``bench.load.aggregate`` for what counts)."""
from __future__ import annotations

import asyncio
import sys
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import AsyncIterator, Optional, Sequence

import aiohttp

from bench.load import growth
from bench.load.access import WidgetAccess
from bench.load.aggregate import summarize, worst_scripts
from bench.load.processes import Watched, pg_backend_count, sample
from bench.load.scripts import Script
from bench.load.transport_rest import REST_PATH, RestTransport
from bench.load.transport_socketio import SOCKETIO_PATH, SocketIOTransport
from bench.load.users import ThinkTime, VirtualUser

TRANSPORTS = ("rest", "socketio", "mixed")


@dataclass
class Target:
    url: str
    transport: str = "rest"
    timeout: float = 30.0
    access: WidgetAccess = field(default_factory=WidgetAccess)
    rest_path: str = REST_PATH
    socketio_path: str = SOCKETIO_PATH
    verify_tls: bool = True
    seed: int = 1

    def describe(self) -> dict:
        return {"url": self.url, "transport": self.transport, "timeout_s": self.timeout,
                "origin": self.access.origin, "token": bool(self.access.token_url or self.access.secret_env)}


class LoadRun:
    """One HTTP session, the transports and a clock shared by all virtual users of a run."""

    def __init__(self, target: Target, scripts: Sequence[Script], session: aiohttp.ClientSession):
        if target.transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {TRANSPORTS}")
        self.target = target
        self.scripts = list(scripts)
        self.session = session
        self.t0 = time.monotonic()
        ssl = None if target.verify_tls else False
        self.rest = RestTransport(target.url, session, target.rest_path, ssl=ssl)
        self.socketio = SocketIOTransport(target.url, session, target.access, target.socketio_path,
                                          target.timeout, target.verify_tls)

    def clock(self) -> float:
        return time.monotonic() - self.t0

    def transport_for(self, user_id: int):
        if self.target.transport == "mixed":
            return self.rest if user_id % 2 == 0 else self.socketio
        return self.rest if self.target.transport == "rest" else self.socketio

    async def step(self, users: int, warmup: float, seconds: float, think: ThinkTime,
                   ramp: float = 0.0, during=None) -> dict:
        """Runs ``users`` virtual users; returns the summary of the measured window."""
        if users < 1 or seconds <= 0 or warmup < 0:
            raise ValueError("need at least one user and a positive measuring time")
        sink: list = []
        stop = asyncio.Event()
        vus = [VirtualUser(i, self.transport_for(i), self.scripts, sink, self.clock,
                           self.target.timeout, think, self.target.seed) for i in range(users)]
        begin, cpu_begin = self.clock(), time.process_time()
        tasks = [asyncio.create_task(vu.run(stop, start_delay=ramp * i / users)) for i, vu in enumerate(vus)]
        progress = asyncio.create_task(_progress(sink, self.clock, begin, warmup))
        window = (begin + warmup, begin + warmup + seconds)
        extra = None
        try:
            if during is not None:
                extra = await during(sink, window, stop)
            else:
                await asyncio.sleep(warmup + seconds)
        finally:
            stop.set()
            done, pending = await asyncio.wait(tasks, timeout=self.target.timeout + 15)
            for task in pending:
                task.cancel()
            progress.cancel()
        for task in done:
            if task.exception() is not None:
                raise task.exception()
        wall = self.clock() - begin
        summary = summarize(sink, *window)
        summary.update({
            "users": users,
            "conversations": sum(vu.conversations for vu in vus),
            "client_cpu_percent": round((time.process_time() - cpu_begin) / wall * 100, 1),
            "worst_scripts": worst_scripts(r for r in sink if window[0] <= r.started < window[1]),
        })
        if extra is not None:
            summary.update(extra)
        return summary


@asynccontextmanager
async def load_run(target: Target, scripts: Sequence[Script], max_users: int) -> AsyncIterator[LoadRun]:
    connector = aiohttp.TCPConnector(limit=max_users + 10, ssl=None if target.verify_tls else False)
    timeout = aiohttp.ClientTimeout(total=target.timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        yield LoadRun(target, scripts, session)


async def _progress(sink: list, clock, begin: float, warmup: float, every: float = 15.0) -> None:
    while True:
        await asyncio.sleep(every)
        now = clock()
        phase = "warm-up" if now < begin + warmup else "measuring"
        errors = sum(1 for r in sink if r.error)
        print(f"  [{now - begin:6.0f} s, {phase}] {len(sink)} turns, {errors} errors", file=sys.stderr,
              flush=True)


async def saturation(target: Target, scripts: Sequence[Script], users_steps: Sequence[int],
                     seconds: float, warmup: float) -> dict:
    """Closed loop without think time, one step per concurrency level."""
    steps = []
    async with load_run(target, scripts, max(users_steps)) as run:
        for users in users_steps:
            print(f"saturation: {users} users, {warmup:.0f} s warm-up + {seconds:.0f} s", file=sys.stderr)
            summary = await run.step(users, warmup, seconds, ThinkTime(0))
            _print_step(summary)
            steps.append(summary)
    return {"mode": "saturation", "target": target.describe(), "steps": steps,
            "settings": {"step_seconds": seconds, "warmup_seconds": warmup, "scripts": len(scripts)}}


async def think_time(target: Target, scripts: Sequence[Script], users: int, think: ThinkTime,
                     seconds: float, warmup: float) -> dict:
    """``users`` concurrent conversations with think time; users start spread over one think time."""
    async with load_run(target, scripts, users) as run:
        print(f"think time: {users} users, think {think.mean} s +/- {think.jitter * 100:.0f} %, "
              f"{warmup:.0f} s warm-up + {seconds:.0f} s", file=sys.stderr)
        summary = await run.step(users, warmup, seconds, think, ramp=min(think.mean, warmup))
    _print_step(summary)
    return {"mode": "think", "target": target.describe(), "steps": [summary],
            "settings": {"users": users, "think_mean_s": think.mean, "think_jitter": think.jitter,
                         "seconds": seconds, "warmup_seconds": warmup, "scripts": len(scripts)}}


async def soak(target: Target, scripts: Sequence[Script], users: int, think: ThinkTime, seconds: float,
               warmup: float, watched: Sequence[Watched], sample_every: float, settle: float,
               pg_url: Optional[str] = None) -> dict:
    """Moderate load for ``seconds`` after a warm-up, sampling the stack's processes; then stop,
    settle and sample once more to see what stayed open."""
    loop = asyncio.get_running_loop()

    async def take(t: float) -> dict:
        processes = await loop.run_in_executor(None, sample, watched)
        pg = await loop.run_in_executor(None, pg_backend_count, pg_url) if pg_url else None
        return {"t": round(t, 1), "processes": processes, "pg": pg}

    before = await take(0.0)
    samples: list[dict] = []
    intervals: list[dict] = []

    async def sampler(sink, window, stop) -> dict:
        begin = window[0] - warmup
        next_at = begin
        while True:
            now = run.clock()
            if now >= window[1]:
                break
            if now >= next_at:
                samples.append(await take(now - begin))
                if now - sample_every >= window[0] - 1.0:  # a whole interval of measured load
                    intervals.append({"t": round(now - begin, 1),
                                      **_interval(summarize(sink, now - sample_every, now))})
                next_at += sample_every
            await asyncio.sleep(min(1.0, max(0.0, min(next_at, window[1]) - run.clock())))
        samples.append(await take(run.clock() - begin))
        return {}

    async with load_run(target, scripts, users) as run:
        print(f"soak: {users} users, think {think.mean} s, {warmup:.0f} s warm-up + {seconds:.0f} s, "
              f"sampling {len(watched)} processes every {sample_every:.0f} s", file=sys.stderr)
        summary = await run.step(users, warmup, seconds, think, ramp=min(think.mean, warmup),
                                 during=sampler)
    await asyncio.sleep(settle)
    after = await take(-1)
    memory_metric = growth.memory_key(samples)
    memory = growth.rss_growth(samples, warmup, key=memory_metric)
    _print_step(summary)
    return {
        "mode": "soak", "target": target.describe(), "steps": [summary],
        "settings": {"users": users, "think_mean_s": think.mean, "seconds": seconds,
                     "warmup_seconds": warmup, "sample_every_s": sample_every, "settle_s": settle,
                     "pg": bool(pg_url), "scripts": len(scripts)},
        "processes": [{"pid": str(w.pid), "name": w.name, "via": w.via} for w in watched],
        "memory": memory,
        "memory_metric": memory_metric,
        "memory_total_growth_pct": growth.total_growth_pct(memory),
        "connections": growth.connection_change(before, after),
        "intervals": intervals,
        "samples": [before, *samples, after],
    }


def _interval(summary: dict) -> dict:
    return {"turns": summary["turns"], "errors": summary["errors"],
            "throughput": summary["throughput"], "p95": summary["latency_ms"]["p95"]}


def _print_step(s: dict) -> None:
    lat = s["latency_ms"]
    print(f"  users {s['users']}: {s['throughput']} turns/s, p50 {lat['p50']} p95 {lat['p95']} "
          f"p99 {lat['p99']} ms, {s['turns']} turns, {s['errors']} errors {s['error_kinds'] or ''}, "
          f"{s['mismatches']} mismatches, client CPU {s['client_cpu_percent']} %",
          file=sys.stderr, flush=True)
