"""Limits of the aiohttp apps (bot.limits.aiohttp_apps): body size, header size, handler deadline."""
from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.limits.aiohttp_apps import TOO_SLOW_SERVER, app_kwargs, deadline_middleware
from bot.limits.server import Limits
from bot.web.app import create_app
from bot.web.settings import WebSettings


async def client_for(app: web.Application) -> TestClient:
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


def test_the_web_app_and_console_use_the_shared_limits():
    from bot.console import app as console_app
    web_app = create_app(WebSettings.from_env({}))
    assert web_app._client_max_size == Limits().web_max_body_bytes
    assert "deadline_middleware" in console_app.create_app.__code__.co_names
    assert any(m.__name__ == "deadline" for m in web_app.middlewares)


async def test_a_slow_handler_gets_a_dutch_503_not_a_hang():
    async def slow(_):
        await asyncio.sleep(30)
        return web.Response(text="te laat")
    app = web.Application(middlewares=[deadline_middleware(0.2)], **app_kwargs(1024))
    app.router.add_get("/", slow)
    client = await client_for(app)
    try:
        response = await client.get("/")
        text = await response.text()
    finally:
        await client.close()
    assert response.status == 503 and text == TOO_SLOW_SERVER and response.headers["Retry-After"] == "60"


async def test_a_body_larger_than_the_limit_is_413_when_read():
    async def echo_size(request):
        return web.Response(text=str(len(await request.read())))
    app = web.Application(**app_kwargs(1024))
    app.router.add_post("/", echo_size)
    client = await client_for(app)
    try:
        small = await client.post("/", data=b"x" * 1000)
        small_text = await small.text()
        large = await client.post("/", data=b"x" * 2000)
    finally:
        await client.close()
    assert (small.status, small_text) == (200, "1000")
    assert large.status == 413


async def test_oversized_headers_are_refused_before_any_handler():
    app = web.Application(**app_kwargs(1024))
    app.router.add_get("/", lambda _: web.Response(text="ok"))
    client = await client_for(app)
    try:
        response = await client.get("/", headers={"X-Groot": "x" * (Limits().http_max_field_bytes + 10)})
    finally:
        await client.close()
    assert response.status == 431 or response.status == 400


async def test_console_form_reading_refuses_unreadable_bodies_with_400():
    from bot.console.forms import read_post

    async def handler(request):
        return web.json_response(dict(await read_post(request)))
    app = web.Application()
    app.router.add_post("/", handler)
    client = await client_for(app)
    try:
        no_boundary = await client.post("/", data=b"x=1", headers={"Content-Type": "multipart/form-data"})
        not_utf8 = await client.post("/", data=b"x=\xb2\xff", headers={"Content-Type": "application/x-www-form-urlencoded"})
        fine = await client.post("/", data={"x": "1"})
        fine_body = await fine.json()
    finally:
        await client.close()
    assert (no_boundary.status, not_utf8.status) == (400, 400)
    assert fine_body == {"x": "1"}
