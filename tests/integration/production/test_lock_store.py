"""bot.production.lock_store: Rasa's Redis lock store waits for Redis during a restart instead of
dropping the message; a real redis-server is stopped and started again."""
from __future__ import annotations

import asyncio

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.tooling.launcher import free_port
from bot.production import redis_server
from bot.production.lock_store import PatientRedisLockStore, redis_unreachable
from tests.support.redis_process import redis_or_skip as _redis_or_skip
from tests.support.redis_process import start as _start


async def test_lock_waits_for_a_restarting_redis(tmp_path):
    _redis_or_skip()
    port = free_port()
    config = redis_server.write_config(tmp_path, port)
    process = _start(config)
    try:
        store = PatientRedisLockStore(endpoint_config=EndpointConfig(
            url="127.0.0.1", port=port, db=1, key_prefix="test", socket_timeout=1))
        async with store.lock("gesprek-1"):
            assert store.get_lock("gesprek-1") is not None
        process.kill()
        process.wait()

        async def restart_later():
            await asyncio.sleep(1.5)
            return _start(config)

        restarting = asyncio.create_task(restart_later())
        async with store.lock("gesprek-1") as lock:  # waits until Redis is back
            assert lock.conversation_id == "gesprek-1"
        process = await restarting
    finally:
        process.kill()
        process.wait()


async def test_gives_up_after_its_patience(tmp_path, monkeypatch):
    _redis_or_skip()
    monkeypatch.setenv("WEGWIJZER_LOCK_WACHT", "0.5")
    store = PatientRedisLockStore(endpoint_config=EndpointConfig(
        url="127.0.0.1", port=free_port(), db=1, socket_timeout=0.2))
    with pytest.raises(Exception) as info:
        async with store.lock("gesprek-2"):
            pass
    assert redis_unreachable(info.value)  # Rasa's own error once the patience is over
