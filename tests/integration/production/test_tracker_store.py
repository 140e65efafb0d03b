"""bot.production.tracker_store: Rasa's SQL tracker store that waits for the database instead of
answering with an empty conversation, and checks pooled connections before use."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot.production.tracker_store import ReconnectingSQLTrackerStore, with_patience
from tests.support.postgres import postgres_server


def _flaky(failures: int, error: Exception):
    calls = {"n": 0}

    async def operation():
        calls["n"] += 1
        if calls["n"] <= failures:
            raise error
        return "ok"
    return operation, calls


async def test_waits_while_the_database_is_unreachable():
    operation, calls = _flaky(3, OperationalError("SELECT 1", {}, Exception("refused")))
    assert await with_patience(operation, "lezen", patience=10, pause=0.01) == "ok"
    assert calls["n"] == 4


async def test_gives_up_after_its_patience():
    operation, calls = _flaky(10_000, OperationalError("SELECT 1", {}, Exception("refused")))
    with pytest.raises(OperationalError):
        await with_patience(operation, "lezen", patience=0.2, pause=0.01)
    assert calls["n"] >= 2


async def test_a_query_error_is_not_waited_for():
    operation, calls = _flaky(1, ProgrammingError("SELECT x", {}, Exception("no column")))
    with pytest.raises(ProgrammingError):
        await with_patience(operation, "lezen", patience=10, pause=0.01)
    assert calls["n"] == 1


async def test_real_postgres_restart_between_turns():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    with postgres_server() as server:
        store = ReconnectingSQLTrackerStore(domain=Domain.empty(), host=server.url, dialect="postgresql")
        assert store.engine.pool._pre_ping
        tracker = DialogueStateTracker("gesprek", [])
        tracker.update(UserUttered("ik woon in Zaanstad"))
        tracker.update(SlotSet("gemeente", "GM0479"))
        await store.save(tracker)
        assert (await store.retrieve("gesprek")) is not None     # the pool now holds a connection
        server.restart_after_crash()                              # that connection is dead now
        again = await store.retrieve("gesprek")
        assert again is not None and len(again.events) == 2
        # down for a moment, back while the store is waiting: the read still succeeds
        server.crash()
        loop = asyncio.get_running_loop()
        later = loop.run_in_executor(None, lambda: (__import__("time").sleep(1.5), server.start()))
        assert (await store.retrieve("gesprek")) is not None
        await later
        store.engine.dispose()
