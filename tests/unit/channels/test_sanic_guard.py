"""Sanic-level guards of the Rasa server (bot.channels.sanic_guard) and the engine.io guard of the
socket.io channel: malformed requests get a 4xx with a Dutch JSON text, never a 500 or a trace."""
from __future__ import annotations

import json
from types import SimpleNamespace

from sanic.exceptions import MethodNotSupported, NotFound, PayloadTooLarge, ServiceUnavailable
from socketio import AsyncServer

from bot.channels import sanic_guard
from bot.channels.socketio_channel import guard_engineio


def request(body_pending=None, method="GET", args=None):
    return SimpleNamespace(method=method, path="/x", args=args or {},
                           stream=SimpleNamespace(request_body=body_pending), headers={"accept": "x/y;q=abc"})


async def test_not_found_with_a_malformed_accept_header_is_a_dutch_404():
    answer = await sanic_guard.on_error(request(), NotFound("Requested URL /<script> not found"))
    assert answer.status == 404
    assert json.loads(answer.body) == {"fout": 404, "tekst": "Dit adres bestaat niet."}


async def test_method_not_allowed_keeps_its_allow_header():
    error = MethodNotSupported("nee", method="PUT", allowed_methods=["POST"])
    answer = await sanic_guard.on_error(request(), error)
    assert answer.status == 405 and "POST" in answer.headers.get("Allow", "")


async def test_an_unexpected_exception_is_a_500_without_a_trace():
    answer = await sanic_guard.on_error(request(), KeyError("geheim"))
    assert answer.status == 500 and b"geheim" not in answer.body and b"Traceback" not in answer.body


async def test_a_body_that_never_completes_is_the_clients_fault():
    slow = await sanic_guard.on_service_unavailable(request(body_pending=True), ServiceUnavailable("Response Timeout"))
    assert slow.status == 408
    busy = await sanic_guard.on_service_unavailable(request(body_pending=None), ServiceUnavailable("Response Timeout"))
    assert busy.status == 503 and busy.headers["Retry-After"] == "60"


async def test_too_large_is_413():
    assert (await sanic_guard.on_error(request(), PayloadTooLarge("te groot"))).status == 413


async def test_engineio_polling_post_without_session_is_400():
    sio = AsyncServer(async_mode="sanic")
    guard_engineio(sio)
    answer = await sio.eio.handle_request(request(method="POST", args={}))
    assert answer.status == 400


async def test_engineio_failures_on_garbage_become_400():
    sio = AsyncServer(async_mode="sanic")

    async def broken(_request, *args, **kwargs):
        raise TypeError("can only concatenate str (not 'NoneType') to str")
    sio.eio.handle_request = broken
    guard_engineio(sio)
    answer = await sio.eio.handle_request(request(method="GET", args={"sid": "x"}))
    assert answer.status == 400 and b"concatenate" not in answer.body
