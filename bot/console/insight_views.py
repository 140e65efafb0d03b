"""Content editors: which questions the assistant failed on most."""
from __future__ import annotations

from aiohttp import web

from bot.console.keys import SERVICES
from bot.console.render import render

PERIODS = (7, 30, 90)


async def insights_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    raw = request.query.get("dagen", "30")
    dagen = int(raw) if raw.isdigit() and int(raw) in PERIODS else 30
    result = await services.run(services.insights.collect, request["principal"].scope, dagen)
    return render(request, "inzicht.html", r=result, periods=PERIODS)
