"""The load tool against the real stack: two virtual users hold one scripted conversation each, over
REST and over socket.io (the widget's channel with its session and acknowledgement rules). Every turn
must get a real answer, and the aggregated result must have the shape the reports rely on."""
from __future__ import annotations

import asyncio

import pytest

from bench.load.access import WidgetAccess
from bench.load.aggregate import summarize
from bench.load.modes import Target, load_run
from bench.load.scripts import load_scripts
from bench.load.users import VirtualUser
from tests.support.clients import WIDGET_ORIGIN

pytestmark = pytest.mark.integration

SCRIPT = "hulpvraag_vader_stopt_halverwege"  # a form walk-through with expected words per turn


async def _two_users(url: str, transport: str) -> list:
    scripts = load_scripts(only=[SCRIPT])
    sink: list = []
    target = Target(url, transport, timeout=60, access=WidgetAccess(origin=WIDGET_ORIGIN))  # an allowed page
    async with load_run(target, scripts, max_users=2) as run:
        users = [VirtualUser(i, run.transport_for(i), scripts, sink, run.clock, timeout=60)
                 for i in range(2)]
        await asyncio.gather(*(user.converse(scripts[0], asyncio.Event()) for user in users))
    return sink


@pytest.mark.parametrize("transport", ["rest", "socketio"])
def test_two_virtual_users_get_full_answers(stack, transport):
    results = asyncio.run(_two_users(stack.rasa_url, transport))
    turns = len(load_scripts(only=[SCRIPT])[0].turns)

    assert [r.error for r in results if r.error] == []
    assert len(results) == 2 * turns
    assert {r.transport for r in results} == {transport}
    assert all(r.messages >= 1 and r.latency_ms > 0 for r in results)
    # each user has its own conversation: the form advanced turn by turn for both
    assert [r for r in results if r.mismatch] == []
    assert sorted(r.turn for r in results) == sorted(list(range(1, turns + 1)) * 2)

    summary = summarize(results, 0, max(r.ended for r in results) + 1)
    assert summary["turns"] == 2 * turns and summary["errors"] == 0
    assert summary["throughput"] > 0
    latency = summary["latency_ms"]
    assert latency["p50"] <= latency["p95"] <= latency["p99"] <= latency["max"]
