"""A separate process that takes one conversation's lock again and again and, while holding it,
increments a counter in Redis by read, pause, write: a lost update shows two holders at once."""
from __future__ import annotations

import asyncio
import time


def contend(port: int, conversation_id: str, rounds: int, start_at: float) -> None:
    import redis
    from rasa.utils.endpoints import EndpointConfig

    from bot.production.lock_store import PatientRedisLockStore

    store = PatientRedisLockStore(endpoint_config=EndpointConfig(
        url="127.0.0.1", port=port, db=1, key_prefix="wedloop"))
    counter = redis.Redis(host="127.0.0.1", port=port, db=2)

    async def run() -> None:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        for _ in range(rounds):
            async with store.lock(conversation_id):
                value = int(counter.get("teller") or 0)
                await asyncio.sleep(0.002)
                counter.set("teller", value + 1)

    asyncio.run(run())
