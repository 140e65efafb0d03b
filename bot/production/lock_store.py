"""Rasa's Redis lock store, made to ride out a short Redis restart.

Rasa 3.6 takes a conversation lock in Redis for every message. While Redis is down each message
fails at once and the user gets no answer at all. This store waits for Redis instead (up to
WEGWIJZER_LOCK_WACHT seconds, default 15; asynchronously, so other conversations keep going), then
Rasa's own behaviour applies again. Releasing a lock while Redis is away is logged, not raised: the
lock expires by itself after Rasa's lock lifetime. Configured in the generated endpoints file as
``type: bot.production.lock_store.PatientRedisLockStore`` with the keys of Rasa's ``type: redis``.
"""
from __future__ import annotations

import asyncio
import logging
import os
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.production.tracker_store import with_patience

log = logging.getLogger(__name__)
DEFAULT_WAIT_SECONDS = 15.0


def wait_seconds(env=os.environ) -> float:
    try:
        return max(0.0, float(env.get("WEGWIJZER_LOCK_WACHT", DEFAULT_WAIT_SECONDS)))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


def redis_unreachable(exc: BaseException) -> bool:
    """A lost or refused Redis connection, also inside Rasa's LockError that wraps it."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, (RedisConnectionError, RedisTimeoutError)):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class PatientRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store named by its class path
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)
        self.patience = wait_seconds()

    async def _patiently(self, call, what: str):
        async def attempt():
            result = call()
            return await result if asyncio.iscoroutine(result) else result

        return await with_patience(attempt, what, self.patience, transient=redis_unreachable,
                                   store="lockstore")

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        ticket = await self._patiently(lambda: self.issue_ticket(conversation_id, lock_lifetime),
                                       "ticket")
        try:
            yield await self._patiently(
                lambda: self._acquire_lock(conversation_id, ticket, wait_time_in_seconds), "slot")
        finally:
            try:
                self.cleanup(conversation_id, ticket)
            except (RedisConnectionError, RedisTimeoutError) as exc:
                log.warning("lock van gesprek niet vrijgegeven (%s); het verloopt vanzelf",
                            exc.__class__.__name__)
