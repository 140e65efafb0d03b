"""bot.production.redis_ticket_lock behind PatientRedisLockStore, on a real redis-server: one
holder per conversation at a time across processes, first come first served, expired tickets let
the next one in, and nothing is left in Redis afterwards."""
from __future__ import annotations

import asyncio
import multiprocessing
import time

import pytest
import redis
from rasa.core.lock_store import LockError, _create_from_endpoint_config
from rasa.utils.endpoints import EndpointConfig

from bot.tooling.launcher import free_port
from bot.production import redis_server
from bot.production.lock_store import PatientRedisLockStore
from bot.production.redis_ticket_lock import KEY_MARGIN_MS
from tests.support.lock_contender import contend
from tests.support.redis_process import redis_or_skip, start, stop


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    redis_or_skip()
    number = free_port()
    process = start(redis_server.write_config(tmp_path_factory.mktemp("redis"), number))
    yield number
    stop(process)


def _store(port, **extra):
    return PatientRedisLockStore(endpoint_config=EndpointConfig(
        url="127.0.0.1", port=port, db=1, key_prefix="test", **extra))


async def test_one_holder_at_a_time_in_the_order_of_arrival(port):
    stores = [_store(port), _store(port)]  # two connections, as two replicas
    inside, most_inside, served = 0, 0, []

    async def message(index):
        nonlocal inside, most_inside
        await asyncio.sleep(index * 0.003)  # arrive one after another, while the lock is taken
        async with stores[index % 2].lock("volgorde") as lock:
            inside += 1
            most_inside = max(most_inside, inside)
            served.append((index, lock.tickets[0].number))
            await asyncio.sleep(0.01)
            inside -= 1

    await asyncio.gather(*(message(i) for i in range(12)))
    assert most_inside == 1
    assert [index for index, _ in served] == list(range(12))
    numbers = [number for _, number in served]
    assert numbers == sorted(numbers) and len(set(numbers)) == 12


def test_processes_never_hold_one_conversation_at_once(port):
    """Four processes, 25 rounds each, read-pause-write of a counter under the lock. Rasa's own
    RedisLockStore loses updates here (two holders at once); this store must lose none."""
    counter = redis.Redis(host="127.0.0.1", port=port, db=2)
    counter.delete("teller")
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 8  # every process has imported Rasa by then
    workers = [context.Process(target=contend, args=(port, "wedloop", 25, start_at))
               for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(180)
        assert worker.exitcode == 0
    assert int(counter.get("teller")) == 100
    assert redis.Redis(host="127.0.0.1", port=port, db=1).keys("test:*wedloop*") == []
    counter.close()


async def test_an_expired_holder_lets_the_next_one_in(port):
    store = _store(port)
    order = []

    async def stuck():
        async with store.lock("vast", lock_lifetime=0.3):
            order.append("vast binnen")
            await asyncio.sleep(1.0)
            order.append("vast klaar")

    async def next_one():
        await asyncio.sleep(0.05)
        async with store.lock("vast", lock_lifetime=5):
            order.append("volgende binnen")

    await asyncio.gather(stuck(), next_one())
    assert order == ["vast binnen", "volgende binnen", "vast klaar"]


async def test_a_waiter_whose_ticket_expires_gets_rasas_lock_error(port):
    store = _store(port)

    async def holder():
        async with store.lock("wacht", lock_lifetime=5):
            await asyncio.sleep(0.8)

    async def waiter():
        await asyncio.sleep(0.05)
        with pytest.raises(LockError):
            async with store.lock("wacht", lock_lifetime=0.2):
                pass

    await asyncio.gather(holder(), waiter())
    async with store.lock("wacht"):  # the conversation is free again afterwards
        pass


async def test_redis_keeps_only_live_tickets(port):
    store = _store(port)
    raw = redis.Redis(host="127.0.0.1", port=port, db=1)
    key = store.queue.key("opruimen")
    assert key == "test:ticketlock:opruimen"  # apart from the JSON keys of Rasa's own store
    async with store.lock("opruimen", lock_lifetime=10) as lock:
        assert lock.conversation_id == "opruimen" and len(lock.tickets) == 1
        assert store.is_someone_waiting("opruimen")
        assert 0 < raw.pttl(key) <= 10_000 + KEY_MARGIN_MS
    assert raw.exists(key) == 0
    assert store.get_lock("opruimen") is None
    raw.close()


def test_ticket_numbers_keep_growing_while_a_ticket_lives(port):
    store = _store(port)
    first, second = store.issue_ticket("teller", 10), store.issue_ticket("teller", 10)
    store.cleanup("teller", first)
    third = store.issue_ticket("teller", 10)
    assert (first, second, third) == (1, 2, 3)
    assert [t.number for t in store.get_lock("teller").tickets] == [2, 3]
    store.delete_lock("teller")
    assert store.get_lock("teller") is None


async def test_rasa_builds_it_from_the_endpoints_file(port):
    store = _create_from_endpoint_config(EndpointConfig(
        type="bot.production.lock_store.PatientRedisLockStore", url="127.0.0.1", port=port,
        db=1, key_prefix="wegwijzer"))
    assert isinstance(store, PatientRedisLockStore)
    assert store.queue.key("x") == "wegwijzer:ticketlock:x"
    async with store.lock("via-rasa"):
        assert store.get_lock("via-rasa") is not None
