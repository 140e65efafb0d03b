"""A first-come-first-served ticket lock per conversation in Redis, atomic across processes.

Rasa 3.6's RedisLockStore keeps a conversation's tickets as one JSON string and changes it by
read-modify-write from Python. Two replicas that take a ticket at the same moment both read the
same list, and the second write wins: both then believe they hold the lock, both run a turn on the
same tracker, and one turn's events are lost when the trackers are saved. (Seen in CI: eight
messages of one conversation sent at once to two replicas left seven in the tracker.)

Here every step is one Lua script, which Redis runs atomically:

- ``issue``: one hash per conversation holds a counter ``seq`` and a field ``t<n>`` per ticket with
  its expiry time (Redis's own clock, so replicas on different machines agree). The hash lives
  at least as long as its longest ticket, so the counter never starts again under a live ticket.
- ``try_acquire``: drops expired tickets; the lowest live ticket holds the lock. Answers 1 (yours),
  0 (wait) or -1 (your ticket has expired while waiting, as in Rasa: give up).
- ``release``: removes the ticket, and the hash once no ticket is left.

Ticket numbers only grow, so the lock is fair: messages are handled in the order they arrived.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple

KEY_MARGIN_MS = 60_000  # the hash outlives its longest ticket by this much

_NOW = """
if redis.replicate_commands then pcall(redis.replicate_commands) end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
"""

ISSUE = _NOW + """
local lifetime = tonumber(ARGV[1])
local number = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local expires = now + lifetime
redis.call('HSET', KEYS[1], 't' .. number, expires)
local keep = lifetime + tonumber(ARGV[2])
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return {number, expires}
"""

TRY_ACQUIRE = _NOW + """
local mine = tonumber(ARGV[1])
local fields = redis.call('HGETALL', KEYS[1])
local head = nil
local alive = false
for i = 1, #fields, 2 do
  local name = fields[i]
  if name ~= 'seq' then
    local number = tonumber(string.sub(name, 2))
    if tonumber(fields[i + 1]) <= now then
      redis.call('HDEL', KEYS[1], name)
    else
      if number == mine then alive = true end
      if head == nil or number < head then head = number end
    end
  end
end
if not alive then return -1 end
if head == mine then return 1 end
return 0
"""

RELEASE = """
redis.call('HDEL', KEYS[1], 't' .. ARGV[1])
if redis.call('HLEN', KEYS[1]) <= 1 then redis.call('DEL', KEYS[1]) end
return 1
"""

ACQUIRED, WAIT, EXPIRED = 1, 0, -1


@dataclass(frozen=True)
class Ticket:
    number: int
    expires_ms: int


class RedisTicketQueue:
    """The three atomic steps on a ``redis.Redis`` client (sync, like Rasa's own lock store)."""

    def __init__(self, client, key_prefix: str) -> None:
        self.client = client
        self.key_prefix = key_prefix
        self._issue = client.register_script(ISSUE)
        self._try = client.register_script(TRY_ACQUIRE)
        self._release = client.register_script(RELEASE)

    def key(self, conversation_id: str) -> str:
        return self.key_prefix + conversation_id

    def issue(self, conversation_id: str, lifetime_seconds: float) -> Ticket:
        lifetime_ms = max(1, int(round(float(lifetime_seconds) * 1000)))
        number, expires = self._issue(keys=[self.key(conversation_id)],
                                      args=[lifetime_ms, KEY_MARGIN_MS])
        return Ticket(int(number), int(expires))

    def try_acquire(self, conversation_id: str, number: int) -> int:
        return int(self._try(keys=[self.key(conversation_id)], args=[int(number)]))

    def release(self, conversation_id: str, number: int) -> None:
        self._release(keys=[self.key(conversation_id)], args=[int(number)])

    def tickets(self, conversation_id: str) -> List[Ticket]:
        """The tickets as stored (expired ones included until the next acquire), lowest first."""
        raw = self.client.hgetall(self.key(conversation_id)) or {}
        found: List[Tuple[int, int]] = []
        for name, value in raw.items():
            name = name.decode() if isinstance(name, bytes) else str(name)
            if name.startswith("t") and name[1:].isdigit():
                found.append((int(name[1:]), int(float(value))))
        return [Ticket(number, expires) for number, expires in sorted(found)]
