"""The limits of ``bot.limits.server`` for the aiohttp apps (web app ``bot.web``, staff console
``bot.console``): body size, header sizes, keep-alive, a deadline per request and time-outs for idle
and half-sent requests.

aiohttp has no time-out for reading a request. Three bounds together close every slow connection:

- the request head: ``TimedRequestHandler`` closes a new connection whose request head (request line
  and headers) is not complete ``http_header_timeout`` seconds after it was opened (an idle
  connection, or a slowloris trickling header bytes: the clock is not reset by new bytes);
- between requests: aiohttp's keep-alive time-out (``http_keepalive_timeout``) closes a kept-alive
  connection whose next request does not arrive, whole or in part;
- the body: the deadline middleware bounds a handler, which is where a body is read. A request whose
  body had not fully arrived gets 408 (the client was too slow) and the connection is closed, any
  other overrun 503 with ``Retry-After`` (the server was too slow); both with a short Dutch text.
  An unread rest of a body is drained for at most ``http_lingering_timeout`` seconds.

``run_app`` starts an app with all of these (``python -m bot.web``, ``python -m bot.console``).
"""
from __future__ import annotations

import asyncio
import logging
import signal
from typing import Callable, Optional

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from bot.limits.server import Limits, current

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
    """Keyword arguments for the app runner: keep-alive and how long an unread body is drained."""
    lim = limits or current()
    return {"keepalive_timeout": lim.http_keepalive_timeout, "lingering_time": lim.http_lingering_timeout}


class TimedRequestHandler(RequestHandler):
    """aiohttp's connection handler, plus: the first request head must be complete within
    ``header_timeout`` seconds of the connection, else the connection is closed."""

    def __init__(self, *args, header_timeout: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._ww_header_timeout = header_timeout
        self._ww_header_deadline: Optional[asyncio.TimerHandle] = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._ww_header_deadline = self._loop.call_later(self._ww_header_timeout, self._ww_head_too_slow)

    def _ww_stop_clock(self) -> None:
        if self._ww_header_deadline is not None:
            self._ww_header_deadline.cancel()
            self._ww_header_deadline = None

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._request_count:  # a whole request head arrived: the handler deadline takes over
            self._ww_stop_clock()

    def connection_lost(self, exc) -> None:
        self._ww_stop_clock()
        super().connection_lost(exc)

    def _ww_head_too_slow(self) -> None:
        self._ww_header_deadline = None
        if self._request_count:
            return
        logger.info("connection closed: no complete request within %s s", self._ww_header_timeout)
        self.force_close()
        if self.transport is not None:
            self.transport.close()


class TimedServer(web.Server):
    def __init__(self, *args, header_timeout: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._ww_header_timeout = header_timeout

    def __call__(self) -> RequestHandler:
        return TimedRequestHandler(self, loop=self._loop, header_timeout=self._ww_header_timeout, **self._kwargs)


class TimedAppRunner(web.AppRunner):
    """``web.AppRunner`` whose connections get ``TimedRequestHandler``."""

    def __init__(self, app: web.Application, header_timeout: float, **kwargs):
        super().__init__(app, **kwargs)
        self._ww_header_timeout = header_timeout

    async def _make_server(self) -> web.Server:
        plain = await super()._make_server()
        return TimedServer(plain.request_handler, request_factory=plain.request_factory,
                           handler_cancellation=plain.handler_cancellation, loop=asyncio.get_running_loop(),
                           header_timeout=self._ww_header_timeout, **plain._kwargs)


async def serve(app: web.Application, host: str, port: int, started: Callable[[], None] = lambda: None,
                limits: Limits | None = None, stop: Optional[asyncio.Event] = None) -> None:
    """Serve ``app`` with every time-out of this module until ``stop`` is set (or SIGINT/SIGTERM)."""
    lim = limits or current()
    runner = TimedAppRunner(app, header_timeout=lim.http_header_timeout, **run_app_kwargs(lim))
    await runner.setup()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        await web.TCPSite(runner, host, port).start()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # not in the main thread
                pass
        started()
        await stop.wait()
    finally:
        await runner.cleanup()


def run_app(app: web.Application, host: str, port: int, started: Callable[[], None] = lambda: None) -> None:
    """Like ``web.run_app``, with the time-outs of this module."""
    asyncio.run(serve(app, host, port, started))


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
                response = web.Response(status=408, text=TOO_SLOW_CLIENT, headers={**HEADERS, "Connection": "close"})
                response.force_close()  # the rest of the body is not waited for
                return response
            return web.Response(status=503, text=TOO_SLOW_SERVER, headers={**HEADERS, "Retry-After": "60"})
    return deadline
