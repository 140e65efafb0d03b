"""Live chats: the queue of widget users who asked for a person, taking one over, writing, leaving.

Thin handlers over ``bot.live.store`` (the durable queue) and ``bot.live.relay`` (the Rasa server's live
endpoint). Region scope as everywhere: a live chat whose municipality is outside the user's regions does not
exist (404), in the list nor by its address. Everything is written to the audit log (viewing, taking over,
each message sent, leaving, a refused takeover). The transcript is the conversation's own, masked per role
exactly as on the conversation page. The console runs no JavaScript and pages do not refresh themselves
(an automatic refresh fails WCAG 2.2.1 and would wipe a message being typed): "Vernieuwen" shows what is new.
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import quote

from aiohttp import web

from bot.console.conversations import key_of, sender_of
from bot.console.forms import form
from bot.console.keys import SERVICES
from bot.console.render import render
from bot.live import channel_events as ce
from bot.live.schema import ACTIEF
from bot.live.store import AL_OVERGENOMEN, OK
from bot.live.texts import console_text

TARGET = "live"


def _duration(seconds: int) -> str:
    if seconds % 60 == 0:
        return "1 minuut" if seconds == 60 else f"{seconds // 60} minuten"
    return f"{seconds} seconden"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _back(key: str, melding: str, anchor: str = "") -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/live/{key}?melding={quote(melding[:200])}{anchor}")


async def live_list(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    scope = request["principal"].scope
    items = [i for i in await services.run(services.live.open_items, utcnow()) if scope.allows(i.gemeente_code)]
    return render(request, "live_lijst.html", items=items, key_of=key_of, aan=services.relay.enabled,
                  wachttijd=_duration(services.settings.live_wachttijd_seconden), uit=console_text("uit"),
                  melding=request.query.get("melding", "")[:200])


async def _chat(request: web.Request):
    """(sender, the open live row or the latest one) in the user's scope, else 404."""
    sender = sender_of(request.match_info["key"])
    if sender is None:
        raise web.HTTPNotFound()
    services = request.app[SERVICES]
    live = await services.run(services.live.current, sender, utcnow()) or \
        await services.run(services.live.latest, sender)
    if live is None or not request["principal"].scope.allows(live.gemeente_code):
        raise web.HTTPNotFound()
    return sender, live


async def live_chat(request: web.Request) -> web.Response:
    sender, live = await _chat(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    transcript = await services.run(services.conversations.transcript, principal.scope, sender)
    await services.log(principal.gebruikersnaam, "bekeken", TARGET, sender)
    mine = live.status == ACTIEF and live.medewerker == principal.gebruikersnaam
    return render(request, "live.html", live=live, t=transcript, key=key_of(sender), mine=mine,
                  aan=services.relay.enabled, uit=console_text("uit"), max_tekens=ce.MAX_CHARS,
                  melding=request.query.get("melding", "")[:200])


async def join(request: web.Request) -> web.Response:
    """Take the chat over: claim it in the database first (one colleague wins), then pause the
    assistant through the Rasa server; if that fails the claim is undone, so the chat waits again."""
    sender, _live = await _chat(request)
    services = request.app[SERVICES]
    me = request["principal"].gebruikersnaam
    key = key_of(sender)
    if not services.relay.enabled:
        raise _back(key, console_text("uit"))
    result = await services.run(services.live.join, sender, me, utcnow())
    if result.uitkomst == AL_OVERGENOMEN:
        await services.log(me, "live_geweigerd", TARGET, sender, f"al overgenomen door {result.live.medewerker}")
        raise _back(key, console_text("al_overgenomen", naam=result.live.medewerker))
    if result.uitkomst != OK:
        await services.log(me, "live_geweigerd", TARGET, sender, "wacht niet meer")
        raise _back(key, console_text("niet_open"))
    if not await services.relay.send({"gesprek_id": sender, "actie": ce.JOIN, "medewerker": me}):
        await services.run(services.live.release, sender, me)
        raise _back(key, console_text("onbereikbaar"))
    await services.log(me, "live_overgenomen", TARGET, sender)
    raise _back(key, console_text("overgenomen"), "#bericht")


async def send_message(request: web.Request) -> web.Response:
    sender, live = await _chat(request)
    services = request.app[SERVICES]
    me = request["principal"].gebruikersnaam
    key = key_of(sender)
    if live.status != ACTIEF or live.medewerker != me:
        raise _back(key, console_text("niet_van_u"))
    tekst = (await form(request)).get("tekst", "").strip()
    if not tekst:
        raise _back(key, console_text("leeg"), "#bericht")
    if len(tekst) > ce.MAX_CHARS:
        raise _back(key, console_text("te_lang", max=ce.MAX_CHARS), "#bericht")
    if not await services.relay.send({"gesprek_id": sender, "actie": ce.MESSAGE, "tekst": tekst, "medewerker": me}):
        raise _back(key, console_text("onbereikbaar"), "#bericht")
    await services.log(me, "live_bericht", TARGET, sender, f"{len(tekst)} tekens")
    raise _back(key, console_text("verzonden"), "#bericht")


async def leave(request: web.Request) -> web.Response:
    """Leave: the assistant answers again. The row is closed only when the Rasa server resumed the
    conversation, so a failed call leaves the chat with the colleague (who can try again)."""
    sender, live = await _chat(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    me = principal.gebruikersnaam
    key = key_of(sender)
    if live.status != ACTIEF or (live.medewerker != me and not principal.scope.alle):
        raise _back(key, console_text("niet_van_u"))
    if not await services.relay.send({"gesprek_id": sender, "actie": ce.LEAVE, "medewerker": me}):
        raise _back(key, console_text("onbereikbaar"))
    await services.run(services.live.close, sender, None, utcnow())
    await services.log(me, "live_verlaten", TARGET, sender,
                       "" if live.medewerker == me else f"gesprek van {live.medewerker} gesloten")
    raise web.HTTPSeeOther(f"/live?melding={quote(console_text('verlaten'))}")
