"""Outbox worker: delivers stored help requests to webhooks and e-mail addresses.

    python -m bot.hulpvraag.worker [--once] [--dry-run] [--interval SECONDS] [--batch N]

Safe to run more than once at a time and to kill at any moment (see bot.hulpvraag.outbox). It keeps
running when the database or a receiver is down: errors are logged and retried.

Health: with WEGWIJZER_WORKER_HEALTH_PORT set (off by default; the production profile sets it) the
worker answers on WEGWIJZER_WORKER_HEALTH_HOST (default 127.0.0.1) ``GET /gezond`` (the worker's loop
runs) and ``GET /klaar`` (the database answers ``SELECT 1``; 503 when not).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import socket
import sys
import uuid

import aiohttp
from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot import error_reporting, settings as env_settings
from bot.limits.aiohttp_apps import TimedAppRunner, run_app_kwargs
from bot.hulpvraag.config import Settings
from bot.hulpvraag.db import create_tables, make_engine
from bot.hulpvraag.delivery_email import build_message, deliver_email
from bot.hulpvraag.delivery_errors import DeliveryError
from bot.hulpvraag.delivery_webhook import deliver_webhook
from bot.hulpvraag.outbox import Claim, Outbox
from bot.hulpvraag.payload import json_body, text_body
from bot.hulpvraag.schema import DOEL_EMAIL, DOEL_WEBHOOK, DOOD
from bot.counters.definitions import DELIVERIES, DELIVERY_TARGETS, one_of
from bot.limits.server import current as current_limits

log = logging.getLogger("bot.hulpvraag.worker")


class Worker:
    def __init__(self, settings: Settings, engine=None, worker_id: str | None = None, dry_run: bool | None = None,
                 batch: int = 10):
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self.outbox = Outbox(self.engine, settings)
        self.id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.dry_run = settings.droog if dry_run is None else dry_run
        self.batch = batch
        self._shown: set[int] = set()
        self._tables_ready = False

    async def run_once(self, session: aiohttp.ClientSession) -> int:
        """One pass: claim due deliveries and attempt them. Returns how many were attempted."""
        if not self._tables_ready:
            await asyncio.to_thread(create_tables, self.engine)
            self._tables_ready = True
        if self.dry_run:
            return await asyncio.to_thread(self._show_due)
        claims = await asyncio.to_thread(self.outbox.claim, self.id, self.batch)
        await asyncio.gather(*(self._attempt(session, c) for c in claims))
        return len(claims)

    def _show_due(self) -> int:
        shown = 0
        for d, request in self.outbox.due(limit=100):
            if d["id"] in self._shown:
                continue
            self._shown.add(d["id"])
            shown += 1
            if d["doel"] == DOEL_WEBHOOK:
                body = json_body(d["soort"], request).decode()
            else:
                body = "\n".join(text_body(d["soort"], request))
            log.info("DROOG: zou %s (%s) van %s naar %s sturen, sleutel %s:\n%s", d["soort"], d["doel"],
                     request["referentie"], d["adres"], d["idempotentiesleutel"], body)
        return shown

    async def _attempt(self, session: aiohttp.ClientSession, claim: Claim) -> None:
        ref = claim.request["referentie"]
        try:
            if claim.doel == DOEL_WEBHOOK:
                await deliver_webhook(session, claim.adres, json_body(claim.soort, claim.request),
                                      claim.idempotentiesleutel, self.settings.webhook_secret(claim.gebied),
                                      self.settings.bezorg_timeout)
            elif claim.doel == DOEL_EMAIL:
                subject, body = text_body(claim.soort, claim.request)
                msg = build_message(subject, body, claim.adres, self.settings.smtp_afzender,
                                    claim.idempotentiesleutel, ref)
                await deliver_email(msg, self.settings)
            else:
                raise DeliveryError(f"onbekend doel {claim.doel!r}", permanent=True)
        except DeliveryError as exc:
            status = await self._record(self.outbox.failed, claim, str(exc), exc.permanent)
            _count(claim, status)
            log.warning("%s %s %s poging %d mislukt (%s): %s", ref, claim.soort, claim.doel, claim.pogingen,
                        status or "niet vastgelegd", exc)
            return
        except Exception as exc:  # a bug must not stop the worker: count it as a failed attempt
            log.exception("%s %s: onverwachte fout", ref, claim.doel)
            status = await self._record(self.outbox.failed, claim, f"interne fout: {exc.__class__.__name__}")
            _count(claim, status)
            return
        recorded = await self._record(self.outbox.delivered, claim, ok=True)
        DELIVERIES.labels(target=one_of(claim.doel, DELIVERY_TARGETS),
                          result="delivered" if recorded else "unrecorded").inc()
        log.info("%s %s bezorgd via %s (poging %d, sleutel %s)", ref, claim.soort, claim.doel, claim.pogingen,
                 claim.idempotentiesleutel)

    async def _record(self, fn, *args, ok=None):
        """The outbox's answer (for ``delivered``: ``ok``), or None when the database did not take it."""
        try:
            result = await asyncio.to_thread(fn, *args)
            return result if ok is None else ok
        except SQLAlchemyError as exc:
            # the lease runs out and the delivery is repeated with the same idempotency key
            log.error("uitkomst van %s niet opgeslagen (database): %s", args[0].idempotentiesleutel,
                      exc.__class__.__name__)
            return None

    async def run(self, stop: asyncio.Event, once: bool = False) -> None:
        log.info("outbox-worker %s gestart%s", self.id, " (DROOG: verstuurt niets)" if self.dry_run else "")
        failures = 0
        async with aiohttp.ClientSession() as session:
            while not stop.is_set():
                try:
                    handled = await self.run_once(session)
                    failures = 0
                except SQLAlchemyError as exc:
                    failures += 1
                    handled = 0
                    log.warning("database niet bereikbaar (%s); opnieuw over even", exc.__class__.__name__)
                if once:
                    return
                if handled and not self.dry_run:
                    continue  # there may be more due right away
                wait = self.settings.poll_interval * min(2 ** failures, 16 if failures else 1)
                try:
                    await asyncio.wait_for(stop.wait(), timeout=min(wait, 60))
                except asyncio.TimeoutError:
                    pass
        log.info("outbox-worker %s gestopt", self.id)


def _count(claim: Claim, status) -> None:
    """A failed attempt in the metrics: retried, dead, or not recorded (database down)."""
    result = "unrecorded" if status is None else "dead" if status == DOOD else "retry"
    DELIVERIES.labels(target=one_of(claim.doel, DELIVERY_TARGETS), result=result).inc()


def _database_answers(engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def health_app(worker: Worker, loop_task: "asyncio.Task") -> web.Application:
    """/gezond: the delivery loop runs. /klaar: and the database answers within a few seconds."""
    async def gezond(_request):
        if loop_task.done():
            return web.json_response({"status": "gestopt"}, status=503)
        return web.json_response({"status": "ok", "worker": worker.id})

    async def klaar(_request):
        if loop_task.done():
            return web.json_response({"status": "gestopt"}, status=503)
        try:
            await asyncio.wait_for(asyncio.to_thread(_database_answers, worker.engine), timeout=5)
        except (SQLAlchemyError, asyncio.TimeoutError, OSError) as exc:
            return web.json_response({"status": "database niet bereikbaar", "fout": exc.__class__.__name__},
                                     status=503)
        return web.json_response({"status": "klaar"})

    app = web.Application(client_max_size=1024)
    app.router.add_get("/gezond", gezond)
    app.router.add_get("/klaar", klaar)
    return app


async def serve_health(worker: Worker, loop_task: "asyncio.Task", env: dict) -> web.AppRunner | None:
    port = env_settings.read("WEGWIJZER_WORKER_HEALTH_PORT", env)  # a bad value: SettingsError (main checks at start)
    if port is None:
        return None
    limits = current_limits()
    runner = TimedAppRunner(health_app(worker, loop_task), header_timeout=limits.http_header_timeout,
                            access_log=None, **run_app_kwargs(limits))  # idle and half-sent requests time out
    await runner.setup()
    await web.TCPSite(runner, env_settings.read("WEGWIJZER_WORKER_HEALTH_HOST", env), port).start()
    log.info("gezondheidscontrole op poort %s (/gezond, /klaar)", port)
    return runner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.hulpvraag.worker",
                                     description="Bezorgt opgeslagen hulpvragen (webhook, e-mail).")
    parser.add_argument("--once", action="store_true", help="één ronde en stoppen")
    parser.add_argument("--dry-run", action="store_true", help="alleen loggen wat verstuurd zou worden")
    parser.add_argument("--interval", type=float, help="seconden tussen rondes (WEGWIJZER_OUTBOX_POLL)")
    parser.add_argument("--batch", type=int, default=10, help="bezorgingen per ronde")
    args = parser.parse_args(argv)
    env_settings.start("worker")
    logging.basicConfig(level=env_settings.read("WEGWIJZER_LOG_LEVEL").upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    error_reporting.setup("outbox-worker")
    if args.interval is not None:
        from dataclasses import replace

        settings = replace(settings, poll_interval=max(0.05, args.interval))
    worker = Worker(settings, dry_run=args.dry_run or None, batch=max(1, args.batch))

    async def _main():
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        task = asyncio.create_task(worker.run(stop, once=args.once))
        runner = None if args.once else await serve_health(worker, task, os.environ)
        try:
            await task
        finally:
            if runner is not None:
                await runner.cleanup()

    asyncio.run(_main())
    return 0


if __name__ == "__main__":
    sys.exit(main())
