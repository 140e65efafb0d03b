"""Live chats: the queue of widget users who asked for a person, taking one over, writing, leaving.

Thin handlers over ``bot.live.store`` (the durable queue) and ``bot.live.relay`` (the Rasa server's live
endpoint). Region scope as everywhere: a live chat whose municipality is outside the user's regions does not
exist (404), in the list nor by its address. Everything is written to the audit log (viewing, taking over,
each message sent, leaving, a refused takeover). The transcript is the conversation's own, masked per role
exactly as on the conversation page.

The two live pages update themselves without reloading (a reload fails WCAG 2.2.1 and would wipe a message
being typed): ``/static/live.js``, the console's only script, allowed on these two pages alone by their own
CSP (``guard.LIVE_CSP``: ``script-src 'self'``, no inline script), polls ``GET /api/live`` (the list, in the
user's scope) and ``GET /api/live/{key}?na=<event id>`` (the chat's messages after the last one shown, as the
page's own masked markup). Both are ``PASSIVE`` routes: polling does not keep an idle session alive. Without
JavaScript "Vernieuwen" shows what is new, as before. A poll that brings new messages is audited as viewing
(``bekeken``, "nieuwe berichten"); an empty poll is not.
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import quote

from aiohttp import web

from bot.console.times import date_and_time
from bot.console.conversations import key_of, sender_of
from bot.console.forms import form
from bot.console.guard import LIVE_CSP
from bot.console.keys import SERVICES, TEMPLATES
from bot.console.regio import name_of
from bot.console.render import render
from bot.live import channel_events as ce
from bot.live.schema import ACTIEF
from bot.live.store import AL_OVERGENOMEN, OK
from bot.live.texts import console_text

TARGET = "live"
MAX_EVENT_ID = 10 ** 15
ANNOUNCED_CHARS = 300


def _duration(seconds: int) -> str:
    if seconds % 60 == 0:
        return "1 minuut" if seconds == 60 else f"{seconds // 60} minuten"
    return f"{seconds} seconden"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _back(key: str, melding: str, anchor: str = "") -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/live/{key}?melding={quote(melding[:200])}{anchor}")


def _with_script(response: web.Response) -> web.Response:
    response.headers["Content-Security-Policy"] = LIVE_CSP
    return response


async def _items(request: web.Request):
    services = request.app[SERVICES]
    scope = request["principal"].scope
    return [i for i in await services.run(services.live.open_items, utcnow()) if scope.allows(i.gemeente_code)]


def _dt(value) -> str:
    return date_and_time(value)


def list_item(item) -> dict:
    """One row of the live list as the page's script shows it (plain text; the script escapes nothing
    because it only sets ``textContent``)."""
    key = key_of(item.gesprek_id)
    return {"sleutel": key, "link": f"/live/{key}", "status": item.status,
            "gevraagd_op": _dt(item.gevraagd_op), "gevraagd_kort": _dt(item.gevraagd_op),
            "regio": name_of(item.gemeente_code) if item.gemeente_code else "onbekend",
            "status_tekst": f"Wordt gevoerd door {item.medewerker}" if item.status == ACTIEF else "Wacht op een medewerker"}


async def live_list(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    return _with_script(render(request, "live_lijst.html", items=await _items(request), key_of=key_of,
                               aan=services.relay.enabled, wachttijd=_duration(services.settings.live_wachttijd_seconden),
                               uit=console_text("uit"), melding=request.query.get("melding", "")[:200]))


async def api_live_list(request: web.Request) -> web.Response:
    """The live list now (the user's regions only), for the list page's script."""
    items = [list_item(i) for i in await _items(request)]
    return web.json_response({"items": items, "wachtend": sum(1 for i in items if i["status"] != ACTIEF)})


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
    laatste = max((m.event_id for m in transcript.berichten), default=0) if transcript else 0
    return _with_script(render(request, "live.html", live=live, t=transcript, key=key_of(sender), mine=mine,
                               aan=services.relay.enabled, uit=console_text("uit"), max_tekens=ce.MAX_CHARS,
                               laatste=laatste, melding=request.query.get("melding", "")[:200]))


def after_event(raw: str | None) -> int | None:
    """The ``na`` parameter: the id of the last message the page shows (0: none), else None."""
    raw = raw if raw is not None else "0"
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 15 and int(raw) < MAX_EVENT_ID else None


def announcement(new_messages, redact) -> str:
    """One short sentence for a screen reader about the user's new messages (masked), or ''."""
    from_user = [m for m in new_messages if m.wie == "gebruiker"]
    if not from_user:
        return ""
    last = from_user[-1]
    text = f"de knop {last.knop}" if last.knop else redact(last.tekst)
    text = text if len(text) <= ANNOUNCED_CHARS else text[:ANNOUNCED_CHARS].rstrip() + "…"
    if len(from_user) == 1:
        return console_text("nieuw_bericht", tekst=text)
    return console_text("nieuwe_berichten", aantal=len(from_user), tekst=text)


async def api_live_chat(request: web.Request) -> web.Response:
    """The chat's state and its messages after ``na`` (masked, the page's own markup), for the chat page's
    script. Same scope as the page (404 outside it); a poll that brings messages is audited as viewing."""
    after = after_event(request.query.get("na"))
    if after is None:
        raise web.HTTPBadRequest()
    sender, live = await _chat(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    transcript = await services.run(services.conversations.transcript, principal.scope, sender)
    new = [m for m in (transcript.berichten if transcript else []) if m.event_id > after]
    env = request.app[TEMPLATES]
    session = request.get("session")
    context = dict(principal=principal, csrf_token=session.csrf_token if session else "", key=key_of(sender),
                   live=live, mine=live.status == ACTIEF and live.medewerker == principal.gebruikersnaam)
    html = env.get_template("_live_berichten.html").render(berichten=new, **context) if new else ""
    if new:
        await services.log(principal.gebruikersnaam, "bekeken", TARGET, sender, "nieuwe berichten")
    return web.json_response({
        "status": live.status, "status_html": env.get_template("_live_status.html").render(**context).strip(),
        "laatste": max([after] + [m.event_id for m in new]), "html": html,
        "aankondiging": announcement(new, env.filters["redact"])})


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
