"""Readiness routes without the whole profile: /klaar of the console and the web app, and the outbox
worker's /gezond and /klaar; a database that cannot be reached makes them answer 503."""
from __future__ import annotations

import asyncio

from aiohttp.test_utils import TestClient, TestServer

from bot.hulpvraag.config import Settings
from bot.hulpvraag.worker import Worker, health_app

UNREACHABLE = "postgresql+psycopg2://postgres@127.0.0.1:1/niets"


async def _get(app, path: str):
    async with TestClient(TestServer(app)) as client:
        response = await client.get(path)
        return response.status, await response.json()


async def test_worker_health_and_readiness(tmp_path):
    worker = Worker(Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}"))
    task = asyncio.create_task(asyncio.sleep(3600))
    try:
        app = health_app(worker, task)
        assert (await _get(app, "/gezond"))[0] == 200
        assert await _get(app, "/klaar") == (200, {"status": "klaar"})
        down = health_app(Worker(Settings(database_url=UNREACHABLE)), task)
        assert (await _get(down, "/gezond"))[0] == 200
        status, body = await _get(down, "/klaar")
        assert status == 503 and body["status"] == "database niet bereikbaar"
    finally:
        task.cancel()


async def test_worker_not_live_when_its_loop_stopped(tmp_path):
    worker = Worker(Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}"))
    task = asyncio.create_task(asyncio.sleep(0))
    await task
    assert (await _get(health_app(worker, task), "/gezond"))[0] == 503


async def test_console_readiness_checks_both_databases(tmp_path):
    from bot.console.app import create_app
    from bot.console.settings import ConsoleSettings

    ok = ConsoleSettings.from_env({"WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
                                   "WEGWIJZER_TRACKER_URL": f"sqlite:///{tmp_path / 't.db'}"})
    status, body = await _get(create_app(ok), "/klaar")
    assert status == 200 and body["database"] == body["trackerstore"] == "ok"
    tracker_down = ConsoleSettings.from_env({"WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
                                             "WEGWIJZER_TRACKER_URL": UNREACHABLE})
    status, body = await _get(create_app(tracker_down), "/klaar")
    assert status == 503 and body["trackerstore"] == "niet bereikbaar" and body["database"] == "ok"


async def test_web_readiness(tmp_path):
    from bot.web.app import create_app
    from bot.web.settings import WebSettings

    settings = WebSettings.from_env({"WEGWIJZER_WIDGET_DIST": str(tmp_path)})
    status, body = await _get(create_app(settings), "/klaar")
    assert status == 200 and body == {"status": "klaar", "widget": "niet gebouwd"}
