"""Rasa's Redis lock store, made to ride out a short Redis restart.

Rasa 3.6 takes a conversation lock in Redis for every message. While Redis is down each message
fails at once and the user gets no answer at all. This store waits for Redis instead (up to
WEGWIJZER_LOCK_WACHT seconds, default 15; asynchronously, so other conversations keep going), then
Rasa's own behaviour applies again. Releasing a lock while Redis is away is logged, not raised: the
lock expires by itself after Rasa's lock lifetime. Configured in the generated endpoints file as
``type: bot.production.lock_store.PatientRedisLockStore`` with the keys of Rasa's ``type: redis``.

The tickets themselves are kept by ``bot.production.redis_ticket_lock``: Rasa's own Redis store
changes a conversation's ticket list by read-modify-write, which lets two replicas hold one
conversation's lock at once. Only ``lock()`` is used by Rasa; the rest of the LockStore interface
is answered from the same atomic queue. While a message waits its turn it checks every
WEGWIJZER_LOCK_POLL seconds (default 0.025; Rasa's default is a whole second).
"""
from __future__ import annotations

import asyncio
import logging
import os
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional, Text

from collections import deque

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot import settings
from bot.production.redis_ticket_lock import ACQUIRED, EXPIRED, RedisTicketQueue
from bot.production.tracker_store import with_patience

log = logging.getLogger(__name__)
DEFAULT_WAIT_SECONDS = settings.lookup("WEGWIJZER_LOCK_WACHT").default     # 15 s
DEFAULT_POLL_SECONDS = settings.lookup("WEGWIJZER_LOCK_POLL").default     # 25 ms
TICKET_KEY_PREFIX = "ticketlock:"  # not Rasa's "lock:": those keys hold JSON strings


def wait_seconds(env=os.environ) -> float:
    """WEGWIJZER_LOCK_WACHT (0 or more, default DEFAULT_WAIT_SECONDS); a bad value raises SettingsError."""
    return settings.read("WEGWIJZER_LOCK_WACHT", env)


def poll_seconds(env=os.environ) -> float:
    """WEGWIJZER_LOCK_POLL (0.005 to 1, default DEFAULT_POLL_SECONDS); a bad value raises SettingsError."""
    return settings.read("WEGWIJZER_LOCK_POLL", env)


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
        self.poll = poll_seconds()
        prefix = self.key_prefix[: -len("lock:")] if self.key_prefix.endswith("lock:") else ""
        self.queue = RedisTicketQueue(self.red, prefix + TICKET_KEY_PREFIX)

    # --- the LockStore interface on the atomic queue ---------------------------------------------

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self.queue.issue(conversation_id, lock_lifetime).number

    async def _acquire_lock(self, conversation_id: Text, ticket: int,
                            wait_time_in_seconds: float) -> TicketLock:
        pause = min(self.poll, wait_time_in_seconds) if wait_time_in_seconds > 0 else self.poll
        while True:
            state = self.queue.try_acquire(conversation_id, ticket)
            if state == ACQUIRED:
                return self.get_lock(conversation_id) or TicketLock(conversation_id)
            if state == EXPIRED:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(pause)

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        tickets = self.queue.tickets(conversation_id)
        if not tickets:
            return None
        return TicketLock(conversation_id,
                          deque(Ticket(t.number, t.expires_ms / 1000.0) for t in tickets))

    def save_lock(self, lock: TicketLock) -> None:
        raise NotImplementedError("tickets change only through the atomic queue")

    def update_lock(self, conversation_id: Text) -> None:
        """Expired tickets are dropped by every acquire attempt."""

    def delete_lock(self, conversation_id: Text) -> None:
        self.red.delete(self.queue.key(conversation_id))

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self.queue.release(conversation_id, ticket_number)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        self.queue.release(conversation_id, ticket_number)  # drops the key when it was the last

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
