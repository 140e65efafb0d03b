"""The metrics endpoint of one machine: ``GET /metrics`` in Prometheus' text format.

It adds up the counter files of every process (prometheus-client's ``MultiProcessCollector`` over
``PROMETHEUS_MULTIPROC_DIR``), and reads the outbox and the health of the processes when it is asked
(bot/metrics/outbox.py, bot/metrics/probes.py). With a token set, every request must carry
``Authorization: Bearer <token>``; without one it only ever listens on loopback (bot/metrics/settings.py).
``GET /gezond`` answers 200 for the supervisor's liveness check (no token, no data).
"""
from __future__ import annotations

import asyncio
import hmac

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from bot.metrics.outbox import OutboxCollector
from bot.metrics.probes import ProbeCollector
from bot.metrics.settings import MetricsSettings

REFUSED = "niet toegestaan\n"


def build_registry(settings: MetricsSettings) -> CollectorRegistry:
    from bot.hulpvraag.db import make_engine

    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(settings.folder))
    registry.register(OutboxCollector(lambda: make_engine(settings.database_url)))
    registry.register(ProbeCollector(settings.probes))
    return registry


def authorised(header: str | None, token: str | None) -> bool:
    if token is None:
        return True
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def create_app(settings: MetricsSettings, registry: CollectorRegistry | None = None) -> web.Application:
    registry = registry or build_registry(settings)
    lock = asyncio.Lock()  # one scrape at a time: each one reads the database and probes the processes

    async def metrics(request: web.Request) -> web.Response:
        if not authorised(request.headers.get("Authorization"), settings.token):
            return web.Response(status=401, text=REFUSED, headers={"WWW-Authenticate": "Bearer"})
        async with lock:
            body = await asyncio.to_thread(generate_latest, registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def gezond(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application(client_max_size=1024)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/gezond", gezond)
    return app
