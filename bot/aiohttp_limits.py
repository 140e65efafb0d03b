"""The limits of ``bot.server_limits`` for the aiohttp apps (web app ``bot.web``, staff console
``bot.console``): body size, header sizes, keep-alive and a deadline per request.

aiohttp has no time-out for reading a request; the deadline middleware bounds a handler, which is
where a body is read. A request whose body had not fully arrived gets 408 (the client was too slow),
any other overrun 503 with ``Retry-After`` (the server was too slow); both with a short Dutch text.
"""
from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from bot.server_limits import Limits, current

logger = logging.getLogger(__name__)

TOO_SLOW_CLIENT = "Het verzoek kwam te langzaam binnen. Probeer het opnieuw."
TOO_SLOW_SERVER = "Het duurt te lang om dit te laden. Probeer het over een minuut opnieuw."
HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


def app_kwargs(max_body_bytes: int, limits: Limits | None = None) -> dict:
    """Keyword arguments for ``web.Application``: body size and request-line/header limits."""
    lim = limits or current()
    return {
        "client_max_size": max_body_bytes,
        "handler_args": {"max_line_size": lim.http_max_line_bytes, "max_field_size": lim.http_max_field_bytes},
    }


def web_app_kwargs() -> dict:
    return app_kwargs(current().web_max_body_bytes)


def console_app_kwargs() -> dict:
    return app_kwargs(current().console_max_body_bytes)


def run_app_kwargs(limits: Limits | None = None) -> dict:
    """Keyword arguments for ``web.run_app``: keep-alive."""
    return {"keepalive_timeout": (limits or current()).http_keepalive_timeout}


def deadline_middleware(seconds: float | None = None):
    """A middleware that gives every handler at most ``seconds`` (default ``http_handler_timeout``)."""
    @web.middleware
    async def deadline(request: web.Request, handler):
        limit = seconds if seconds is not None else current().http_handler_timeout
        try:
            return await asyncio.wait_for(handler(request), timeout=limit)
        except asyncio.TimeoutError:
            body_pending = request.body_exists and not request.content.at_eof()
            logger.warning("%s %s: no answer within %s s (body pending: %s)",
                           request.method, request.path, limit, body_pending)
            if body_pending:
                return web.Response(status=408, text=TOO_SLOW_CLIENT, headers={**HEADERS, "Connection": "close"})
            return web.Response(status=503, text=TOO_SLOW_SERVER, headers={**HEADERS, "Retry-After": "60"})
    return deadline
