"""The console's background task for live chats: a user whom nobody took over within the waiting time
(``WEGWIJZER_LIVE_WACHTTIJD_SECONDEN``, default 180) hears so in the widget and gets the help-request
offer again (``verlopen`` through ``bot.live.relay``). ``LiveStore.expire_due`` marks each row once, so
two consoles (or a restart) never tell a user twice; a row is marked before the user is told, so at worst
(console stops between the two) the user is not told, and still has the offer given with the waiting text.
Audited as ``live_verlopen`` by ``systeem``.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from aiohttp import web

from bot.console.keys import SERVICES
from bot.live.channel_events import EXPIRED

log = logging.getLogger(__name__)


def interval_seconds(wait_seconds: int) -> float:
    """How often to look: a third of the waiting time, between 1 and 15 seconds."""
    return max(1.0, min(15.0, wait_seconds / 3))


async def run_once(services, now: datetime | None = None) -> int:
    """Expire what is due and tell those users; returns how many rows this call expired."""
    if not services.relay.enabled:
        return 0  # live chat off: nobody was queued by the assistant either
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    due = await services.run(services.live.expire_due, now)
    for live in due:
        told = await services.relay.send({"gesprek_id": live.gesprek_id, "actie": EXPIRED})
        await services.log("systeem", "live_verlopen", "live", live.gesprek_id,
                           "hulpvraag aangeboden" if told else "gebruiker niet bereikt")
    return len(due)


async def _loop(app: web.Application) -> None:
    services = app[SERVICES]
    interval = interval_seconds(services.settings.live_wachttijd_seconden)
    while True:
        try:
            await run_once(services)
        except Exception:  # noqa: BLE001 - a database hiccup must not end the loop
            log.exception("live chat: verlopen wachtende gesprekken niet verwerkt")
        await asyncio.sleep(interval)


async def live_expiry(app: web.Application):
    """aiohttp cleanup context: runs the loop while the console runs."""
    task = asyncio.create_task(_loop(app))
    yield
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
