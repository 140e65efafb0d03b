"""Readiness of the console: ``GET /klaar`` answers 200 when both databases it reads answer
``SELECT 1`` (help requests + console tables, and Rasa's tracker store), else 503. Liveness is
``GET /gezond`` (auth_views.health). No login needed; the answer names no data."""
from __future__ import annotations

import asyncio

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.console.keys import SERVICES

TIMEOUT_SECONDS = 5


def _select_one(engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


async def _answers(engine) -> bool:
    try:
        await asyncio.wait_for(asyncio.to_thread(_select_one, engine), timeout=TIMEOUT_SECONDS)
        return True
    except (SQLAlchemyError, asyncio.TimeoutError, OSError):
        return False


async def readiness(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    checks = {"database": await _answers(services.engine), "trackerstore": await _answers(services.tracker_engine)}
    ready = all(checks.values())
    return web.json_response({"status": "klaar" if ready else "niet klaar",
                              **{k: "ok" if v else "niet bereikbaar" for k, v in checks.items()}},
                             status=200 if ready else 503, headers={"Cache-Control": "no-store"})
