"""Conversations: list with filters and search, one transcript (redacted), reveal one message, notes, tags."""
from __future__ import annotations

import re
from dataclasses import asdict
from math import ceil

from aiohttp import web

from bot.console.conversations import Filters, key_of, sender_of
from bot.console.forms import date_or_none, form, int_or_404, page_of, short
from bot.console.keys import SERVICES
from bot.console.notes import TAGS, NoteError
from bot.console.masked_search import masked_query
from bot.console.labels import topic_choices
from bot.console.regio import name_of, region_choices, region_code
from bot.console.render import render
from bot.privacy.redaction import redact
from bot.privacy.retention import erase_conversation

PER_PAGE = 50
ORIGINALS = "gesprekken.tonen"   # who may see an original message may also search the original text


_INTENT = re.compile(r"^[a-z][a-z0-9_]{0,79}$")


def _filters(request: web.Request) -> tuple[Filters, list[str]]:
    """The filters, and Dutch messages for values that are not known (a region by name or code, a topic
    by its name or its intent)."""
    q = request.query
    fouten = []
    raw_regio = " ".join(short(q.get("regio"), 100).split())
    regio = region_code(raw_regio) if raw_regio else ""
    if regio is None:
        fouten.append(f"Onbekende gemeente of regio ‘{raw_regio}’. Kies er een uit de lijst.")
        regio = ""
    raw_intent = " ".join(short(q.get("intent"), 100).split())
    intent = ""
    if raw_intent:
        names = {naam.casefold(): code for code, naam in topic_choices()}
        intent = names.get(raw_intent.casefold()) or (raw_intent if _INTENT.match(raw_intent) else "")
        if not intent:
            fouten.append(f"Onbekend onderwerp ‘{raw_intent}’. Kies een onderwerp uit de lijst.")
    return Filters(van=date_or_none(q.get("van")), tot=date_or_none(q.get("tot")), regio=regio, intent=intent,
                   niet_begrepen=q.get("niet_begrepen") == "1", wilde_mens=q.get("wilde_mens") == "1",
                   zoek=short(q.get("zoek"), 200)), fouten


async def _list(request: web.Request):
    """The list; a search runs over the masked text for roles that may not see originals, and every search
    is written to the audit log (who, when, the search text masked, how many conversations matched)."""
    services = request.app[SERVICES]
    principal = request["principal"]
    (filters, fouten), page = _filters(request), page_of(request)
    if fouten:
        return filters, fouten, page, [], 0
    originals = principal.may(ORIGINALS)
    items, total = await services.run(services.conversations.list, principal.scope, filters, page, PER_PAGE,
                                      originals)
    if filters.zoek.strip():
        where = "originele tekst" if originals else "afgeschermde tekst"
        await services.log(principal.gebruikersnaam, "gezocht", "gesprekken", "",
                           f"zoekterm '{masked_query(filters.zoek.strip())}' in {where}: {total} gesprekken")
    return filters, fouten, page, items, total


def _regions_for(scope) -> list[tuple[str, str]]:
    """The regions a user may filter on: all, or those of the user's own regions."""
    if scope.alle:
        return region_choices()
    return [(code, naam) for code, naam in region_choices()
            if code in scope.codes or (code.startswith("GM") and scope.allows(code))]


async def conversation_list(request: web.Request) -> web.Response:
    filters, fouten, page, items, total = await _list(request)
    query = {k: v for k, v in request.query.items() if k != "pagina"}
    return render(request, "gesprekken.html", http_status=400 if fouten else 200, filters=filters, fouten=fouten,
                  items=items, total=total, page=page, pages=max(1, ceil(total / PER_PAGE)), query=query,
                  regios=_regions_for(request["principal"].scope), onderwerpen=topic_choices(),
                  regio_naam=name_of(filters.regio) if filters.regio else request.query.get("regio", "")[:100])


async def api_conversation_list(request: web.Request) -> web.Response:
    _filters_, fouten, page, items, total = await _list(request)
    if fouten:
        return web.json_response({"fout": " ".join(fouten)}, status=400)
    return web.json_response({"totaal": total, "pagina": page, "gesprekken": [
        {"id": s.key, "begin": s.begin.isoformat(), "einde": s.einde.isoformat(), "berichten": s.berichten,
         "gemeente": s.gemeente, "gemeenten": list(s.gemeenten), "niet_begrepen": s.niet_begrepen,
         "wilde_mens": s.wilde_mens,
         "treffer": redact(s.treffer)} for s in items]})


async def _transcript(request: web.Request):
    sender = sender_of(request.match_info["key"])
    if sender is None:
        raise web.HTTPNotFound()
    services = request.app[SERVICES]
    transcript = await services.run(services.conversations.transcript, request["principal"].scope, sender)
    if transcript is None:
        raise web.HTTPNotFound()
    await services.log(request["principal"].gebruikersnaam, "bekeken", "gesprek", sender)
    return transcript


async def conversation(request: web.Request) -> web.Response:
    transcript = await _transcript(request)
    services = request.app[SERVICES]
    notes = await services.run(services.notes.notes, "gesprek", transcript.sender_id)
    tags = await services.run(services.notes.tags, "gesprek", transcript.sender_id)
    principal = request["principal"]
    hulpvragen = (await services.run(services.inbox.of_conversation, principal.scope, transcript.sender_id)
                  if principal.may("hulpvragen.lezen") else [])
    return render(request, "gesprek.html", t=transcript, notes=notes, tags=tags, all_tags=TAGS, hulpvragen=hulpvragen,
                  melding=request.query.get("melding", "")[:100])


async def api_conversation(request: web.Request) -> web.Response:
    transcript = await _transcript(request)
    return web.json_response({"id": transcript.key, "gemeente": transcript.gemeente,
                              "gemeenten": list(transcript.gemeenten), "berichten": [
        {"id": m.event_id, "wie": m.wie, "tekst": redact(m.tekst), "tijd": m.tijd.isoformat(), "intent": m.intent,
         "knop": m.knop, "knoppen": m.knoppen} for m in transcript.berichten]})


async def reveal_message(request: web.Request) -> web.Response:
    sender = sender_of(request.match_info["key"])
    event_id = int_or_404(request.match_info["event_id"])
    if sender is None:
        raise web.HTTPNotFound()
    services = request.app[SERVICES]
    principal = request["principal"]
    message = await services.run(services.conversations.message, principal.scope, sender, event_id)
    if message is None:
        raise web.HTTPNotFound()
    await services.log(principal.gebruikersnaam, "onthuld", "bericht", f"{sender}#{event_id}")
    return render(request, "bericht.html", m=message, key=key_of(sender))


async def add_note(request: web.Request) -> web.Response:
    transcript = await _transcript(request)
    services = request.app[SERVICES]
    data = await form(request)
    try:
        await services.run(services.notes.add, "gesprek", transcript.sender_id,
                           request["principal"].gebruikersnaam, data.get("tekst", ""))
    except NoteError as exc:
        raise web.HTTPSeeOther(f"/gesprekken/{transcript.key}?melding={_q(str(exc))}")
    await services.log(request["principal"].gebruikersnaam, "notitie_toegevoegd", "gesprek", transcript.sender_id)
    raise web.HTTPSeeOther(f"/gesprekken/{transcript.key}#notities")


async def set_tag(request: web.Request) -> web.Response:
    transcript = await _transcript(request)
    services = request.app[SERVICES]
    data = await form(request)
    tag, on = data.get("label", ""), data.get("aan") == "1"
    try:
        await services.run(services.notes.set_tag, "gesprek", transcript.sender_id, tag, on,
                           request["principal"].gebruikersnaam)
    except NoteError as exc:
        raise web.HTTPSeeOther(f"/gesprekken/{transcript.key}?melding={_q(str(exc))}")
    await services.log(request["principal"].gebruikersnaam, "label_" + ("aan" if on else "uit"), "gesprek",
                       transcript.sender_id, tag)
    raise web.HTTPSeeOther(f"/gesprekken/{transcript.key}#labels")


def _q(text: str) -> str:
    from urllib.parse import quote
    return quote(text[:100])


async def erase(request: web.Request) -> web.Response:
    """Right to erasure: delete the whole conversation and wipe its help requests (admins only)."""
    transcript = await _transcript(request)  # 404 outside the user's regions
    services = request.app[SERVICES]
    data = await form(request)
    if data.get("bevestig") != "ja":
        raise web.HTTPSeeOther(f"/gesprekken/{transcript.key}?melding={_q('Vink aan dat u het gesprek echt wilt verwijderen.')}")
    result = await services.run(erase_conversation, services.tracker_engine, transcript.sender_id, services.engine)
    await services.log(request["principal"].gebruikersnaam, "verwijderd", "gesprek", transcript.sender_id,
                       f"{result.events} gebeurtenissen, {result.help_requests} hulpvragen gewist")
    raise web.HTTPSeeOther(f"/gesprekken?melding={_q('Het gesprek is verwijderd.')}")
