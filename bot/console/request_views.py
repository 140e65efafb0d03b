"""Help-request inbox: list, one request, status workflow, assignment, notes, reveal, export."""
from __future__ import annotations

import re
from math import ceil
from urllib.parse import quote

from aiohttp import web

from bot.console.forms import form, int_or_404, page_of, short
from bot.console.inbox import (STATUS_LABELS, WORKFLOW, TransitionError, export_fields, export_json,
                               export_text)
from bot.console.keys import SERVICES
from bot.console.notes import NoteError
from bot.console.render import render
from bot.console.roles import may_handle_request
from bot.privacy.redaction import redact

PER_PAGE = 50


async def _get(request: web.Request):
    request_id = int_or_404(request.match_info["id"])
    services = request.app[SERVICES]
    item = await services.run(services.inbox.get, request["principal"].scope, request_id)
    if item is None:
        raise web.HTTPNotFound()
    return item


async def _list(request: web.Request):
    services = request.app[SERVICES]
    status = request.query.get("status", "")
    status = status if status in STATUS_LABELS else ""
    mine = request["principal"].account_id if request.query.get("mijn") == "1" else None
    page = page_of(request)
    items, total = await services.run(services.inbox.list, request["principal"].scope, status, mine, page, PER_PAGE)
    return status, mine, page, items, total


async def request_list(request: web.Request) -> web.Response:
    status, mine, page, items, total = await _list(request)
    query = {k: v for k, v in request.query.items() if k != "pagina"}
    return render(request, "hulpvragen.html", items=items, total=total, page=page, status=status, mijn=mine is not None,
                  pages=max(1, ceil(total / PER_PAGE)), labels=STATUS_LABELS, workflow=WORKFLOW, query=query)


async def api_request_list(request: web.Request) -> web.Response:
    status, _mine, page, items, total = await _list(request)
    return web.json_response({"totaal": total, "pagina": page, "hulpvragen": [
        {"id": r.id, "referentie": r.row["referentie"], "status": r.status, "gemeente": r.row["gemeente_code"],
         "aangemaakt_op": r.row["aangemaakt_op"].isoformat(), "toegewezen_aan": r.toegewezen_aan} for r in items]})


async def api_request_detail(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    await services.log(request["principal"].gebruikersnaam, "bekeken", "hulpverzoek", item.row["referentie"], "api")
    return web.json_response(export_fields(item, redact))


async def _colleagues(request: web.Request, item) -> list:
    services = request.app[SERVICES]
    accounts = await services.run(services.accounts.all)
    return [a for a in accounts if a.actief and may_handle_request(a.principal(), item.row["gemeente_code"])]


async def request_detail(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    await services.log(principal.gebruikersnaam, "bekeken", "hulpverzoek", item.row["referentie"])
    notes = await services.run(services.notes.notes, "hulpverzoek", str(item.id))
    return render(request, "hulpvraag.html", r=item, fields=export_fields(item, redact), labels=STATUS_LABELS,
                  colleagues=await _colleagues(request, item), notes=notes, onthuld=False,
                  melding=request.query.get("melding", "")[:100])


async def reveal_request(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    await services.log(principal.gebruikersnaam, "onthuld", "hulpverzoek", item.row["referentie"], "contactgegevens")
    notes = await services.run(services.notes.notes, "hulpverzoek", str(item.id))
    return render(request, "hulpvraag.html", r=item, fields=export_fields(item, redact, reveal=True),
                  labels=STATUS_LABELS, colleagues=await _colleagues(request, item), notes=notes, onthuld=True,
                  melding="")


def _back(item, melding: str = "") -> web.HTTPSeeOther:
    suffix = f"?melding={quote(melding[:100])}" if melding else ""
    return web.HTTPSeeOther(f"/hulpvragen/{item.id}{suffix}")


async def _change_status(request: web.Request, item, new_status: str):
    services = request.app[SERVICES]
    principal = request["principal"]
    updated = await services.run(services.inbox.set_status, principal.scope, item.id, new_status)
    await services.log(principal.gebruikersnaam, "status_gewijzigd", "hulpverzoek", item.row["referentie"],
                       f"{item.status} -> {new_status}")
    return updated


async def change_status(request: web.Request) -> web.Response:
    item = await _get(request)
    data = await form(request)
    try:
        await _change_status(request, item, data.get("status", ""))
    except TransitionError as exc:
        raise _back(item, str(exc))
    raise _back(item, "Status gewijzigd.")


async def api_change_status(request: web.Request) -> web.Response:
    item = await _get(request)
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest()
    new_status = body.get("status") if isinstance(body, dict) else None
    if not isinstance(new_status, str):
        raise web.HTTPBadRequest()
    try:
        updated = await _change_status(request, item, new_status)
    except TransitionError as exc:
        return web.json_response({"fout": str(exc)}, status=409)
    return web.json_response({"id": updated.id, "status": updated.status})


async def assign(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    data = await form(request)
    raw = data.get("account", "")
    assignee = None
    if raw:
        assignee = await services.run(services.accounts.by_id, int(raw)) if raw.isdigit() and len(raw) < 10 else None
        if assignee is None or not assignee.actief:
            raise _back(item, "Deze collega bestaat niet.")
    try:
        await services.run(services.inbox.assign, principal.scope, item.id, assignee.id if assignee else None,
                           principal.gebruikersnaam, assignee.principal() if assignee else None)
    except TransitionError as exc:
        raise _back(item, str(exc))
    await services.log(principal.gebruikersnaam, "toegewezen", "hulpverzoek", item.row["referentie"],
                       assignee.gebruikersnaam if assignee else "niemand")
    raise _back(item, "Toewijzing opgeslagen.")


async def add_note(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    data = await form(request)
    try:
        await services.run(services.notes.add, "hulpverzoek", str(item.id), request["principal"].gebruikersnaam,
                           data.get("tekst", ""))
    except NoteError as exc:
        raise _back(item, str(exc))
    await services.log(request["principal"].gebruikersnaam, "notitie_toegevoegd", "hulpverzoek", item.row["referentie"])
    raise _back(item, "Notitie opgeslagen.")


async def export(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    data = await form(request)
    fmt = "json" if data.get("formaat") == "json" else "tekst"
    reveal = data.get("onbewerkt") == "1" and request["principal"].may("hulpvragen.tonen")
    fields = export_fields(item, redact, reveal=reveal)
    await services.log(request["principal"].gebruikersnaam, "geexporteerd", "hulpverzoek", item.row["referentie"],
                       f"{fmt}, {'onbewerkt' if reveal else 'afgeschermd'}")
    name = "hulpvraag-" + re.sub(r"[^A-Za-z0-9-]", "", item.row["referentie"])[:16]
    if fmt == "json":
        body, ctype, name = export_json(fields), "application/json", name + ".json"
    else:
        body, ctype, name = export_text(fields), "text/plain", name + ".txt"
    return web.Response(text=body, content_type=ctype, charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
