"""Keeps the Rasa server's HTTP connections to the action server open between calls.

Rasa 3.6 opens a new aiohttp session, and with it a new TCP connection and a name lookup, for
every call to the action server (``EndpointConfig.request``). py-spy on the Rasa server showed
about a tenth of a turn's CPU in setting those up (bench/RESULTS.md). Here every session of an
event loop shares one connection pool. Idle connections are closed by us after 2 seconds, well
before Sanic's keep-alive timeout on the action server (5 seconds), so a reused connection is never
one the server is closing. Applied by ``bot.rasa_runtime.install``; the behaviour of each request (headers, auth, timeout, errors) is Rasa's own.
"""
from __future__ import annotations

import asyncio
import weakref

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

KEEPALIVE_SECONDS = 2.0
_MARK = "_wegwijzer_shared_connections"
_pools: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.TCPConnector]" = (
    weakref.WeakKeyDictionary())


def shared_connector() -> aiohttp.TCPConnector | None:
    """The connection pool of the running event loop (None outside a running loop)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    pool = _pools.get(loop)
    if pool is None or pool.closed:
        pool = aiohttp.TCPConnector(limit=100, keepalive_timeout=KEEPALIVE_SECONDS, ttl_dns_cache=300)
        _pools[loop] = pool
    return pool


def _session(self: EndpointConfig) -> aiohttp.ClientSession:
    auth = None
    if self.basic_auth:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
    connector = shared_connector()
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=connector,
        connector_owner=connector is None,
    )


def apply() -> None:
    if not getattr(EndpointConfig, _MARK, False):
        EndpointConfig.session = _session
        setattr(EndpointConfig, _MARK, True)
