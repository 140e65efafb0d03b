"""Help-request inbox: search, filters, sort, deadline, bulk actions and CSV export of the list; one request
with its status history, notes, conversation link, reveal and a readable export."""
from __future__ import annotations

import re
from math import ceil
from urllib.parse import parse_qsl, quote, urlencode

from aiohttp import web

from bot.clock import today
from bot.console.times import date_and_time
from bot.console.conversations import key_of
from bot.console.csv_export import to_csv
from bot.console.deadline import deadline_of
from bot.console.forms import form, int_or_404, page_of, read_post
from bot.console.inbox import WORKFLOW, TransitionError, export_fields, export_json
from bot.console.inbox_filters import ASSIGNEES, SORTS, InboxFilters, parse_filters
from bot.console.keys import SERVICES
from bot.console.labels import STATUS_LABELS, status_label
from bot.console.masked_search import masked_query
from bot.console.notes import NoteError
from bot.console.regio import gemeente_code, name_of, request_gemeente
from bot.console.render import render
from bot.console.request_history import status_history
from bot.console.request_text import CHANNEL_WORDS, ROLE_WORDS, readable_text
from bot.console.roles import may_handle_request
from bot.privacy.redaction import redact

PER_PAGE = 50
MAX_BULK = 200
ORIGINALS = "hulpvragen.tonen"   # who may see a request's original text may also search and export it
FILTER_KEYS = ("zoek", "status", "open", "gemeente", "toegewezen", "te_laat", "sorteer")


async def _get(request: web.Request):
    request_id = int_or_404(request.match_info["id"])
    services = request.app[SERVICES]
    item = await services.run(services.inbox.get, request["principal"].scope, request_id)
    if item is None:
        raise web.HTTPNotFound()
    return item


async def _handlers(request: web.Request, gemeenten: list[tuple[str, str]]) -> list:
    """Active colleagues who may handle help requests of at least one municipality in the user's inbox."""
    services = request.app[SERVICES]
    accounts = await services.run(services.accounts.all)
    codes = [code for code, _naam in gemeenten]
    return [a for a in accounts if a.actief and any(may_handle_request(a.principal(), c) for c in codes)]


async def _filters(request: web.Request, source) -> tuple[InboxFilters, list[str], list, list]:
    services = request.app[SERVICES]
    gemeenten = await services.run(services.inbox.gemeenten, request["principal"].scope)
    handlers = await _handlers(request, gemeenten)
    ids = {str(a.id) for a in handlers}
    parsed = parse_filters(source, gemeente_code, lambda raw: raw in ids)
    return parsed.filters, parsed.fouten, handlers, gemeenten


async def _search(request: web.Request, filters: InboxFilters, page: int, everything: bool = False):
    """The matching requests; a search is written to the audit log (masked), like the conversation search."""
    services = request.app[SERVICES]
    principal = request["principal"]
    originals = principal.may(ORIGINALS)
    items, total = await services.run(services.inbox.search, principal.scope, filters, today(), page, PER_PAGE,
                                      originals, principal.account_id, everything)
    if filters.zoek.strip():
        where = "originele tekst" if originals else "afgeschermde tekst"
        await services.log(principal.gebruikersnaam, "gezocht", "hulpvragen", "",
                           f"zoekterm '{masked_query(filters.zoek.strip())}' in {where}: {total} hulpvragen")
    return items, total


def _list_page(request, filters, fouten, handlers, gemeenten, items, total, page, melding="", status=200):
    query = filters.as_query()
    return render(request, "hulpvragen.html", http_status=status, items=items, total=total, page=page,
                  pages=max(1, ceil(total / PER_PAGE)), filters=filters, fouten=fouten, labels=STATUS_LABELS,
                  sorts=SORTS, assignees=ASSIGNEES, handlers=handlers, gemeenten=gemeenten, query=query,
                  terug=urlencode({**query, **({"pagina": page} if page > 1 else {})}),
                  melding=melding, workflow=WORKFLOW)


async def request_list(request: web.Request) -> web.Response:
    filters, fouten, handlers, gemeenten = await _filters(request, request.query)
    page = page_of(request)
    melding = request.query.get("melding", "")[:300]
    if fouten:
        return _list_page(request, filters, fouten, handlers, gemeenten, [], 0, 1, melding, status=400)
    items, total = await _search(request, filters, page)
    return _list_page(request, filters, fouten, handlers, gemeenten, items, total, page, melding)


async def api_request_list(request: web.Request) -> web.Response:
    filters, fouten, _handlers_, _gemeenten = await _filters(request, request.query)
    if fouten:
        return web.json_response({"fout": " ".join(fouten)}, status=400)
    page = page_of(request)
    items, total = await _search(request, filters, page)
    return web.json_response({"totaal": total, "pagina": page, "hulpvragen": [
        {"id": r.id, "referentie": r.row["referentie"], "status": r.status, "status_tekst": status_label(r.status),
         "gemeente": r.row["gemeente_code"], "gemeente_naam": name_of(r.row["gemeente_code"] or ""),
         "aangemaakt_op": r.row["aangemaakt_op"].isoformat(), "toegewezen_aan": r.toegewezen_aan,
         "reactie_uiterlijk": r.termijn.uiterlijk.isoformat(), "te_laat": r.termijn.te_laat} for r in items]})


def _back_to_list(terug: str, melding: str) -> web.HTTPSeeOther:
    """Back to the list with the same filters (only known keys are kept from the hostile form field)."""
    kept = [(k, v[:200]) for k, v in parse_qsl(terug or "", keep_blank_values=False)
            if k in FILTER_KEYS or (k == "pagina" and v.isdigit() and len(v) < 7)]
    return web.HTTPSeeOther("/hulpvragen?" + urlencode(kept + [("melding", melding[:300])]))


async def bulk(request: web.Request) -> web.Response:
    """Assign or change the status of several requests at once. Each request is checked on the server as
    the single-request routes do (region scope, workflow, may this colleague handle this region), and
    each change is audited on its own; the message says what did not change and why."""
    services = request.app[SERVICES]
    principal = request["principal"]
    data = await read_post(request)
    terug = str(data.get("terug", ""))[:1000]
    raw_ids = [v for v in data.getall("id", []) if isinstance(v, str)]
    ids = sorted({int(v) for v in raw_ids if v.isdigit() and len(v) < 10})
    action = data.get("actie", "")
    if not ids:
        raise _back_to_list(terug, "Kies eerst een of meer hulpvragen met de vinkjes.")
    if len(ids) > MAX_BULK or len(raw_ids) > MAX_BULK:
        raise _back_to_list(terug, f"U kunt hooguit {MAX_BULK} hulpvragen tegelijk wijzigen.")
    if action not in ("status", "toewijzen"):
        raise _back_to_list(terug, "Kies wat u met de gekozen hulpvragen wilt doen.")
    assignee = None
    if action == "status":
        new_status = str(data.get("status", ""))
        if new_status not in STATUS_LABELS:
            raise _back_to_list(terug, "Kies een nieuwe status uit de lijst.")
    else:
        raw = str(data.get("account", ""))
        if raw:
            assignee = await services.run(services.accounts.by_id, int(raw)) if raw.isdigit() and len(raw) < 10 else None
            if assignee is None or not assignee.actief:
                raise _back_to_list(terug, "Deze collega bestaat niet.")
    done, refused = [], []
    for request_id in ids:
        item = await services.run(services.inbox.get, principal.scope, request_id)
        if item is None:
            refused.append(f"#{request_id}: niet gevonden")
            continue
        ref = item.row["referentie"]
        try:
            if action == "status":
                await _change_status(request, item, new_status)
            else:
                await services.run(services.inbox.assign, principal.scope, item.id, assignee.id if assignee else None,
                                   principal.gebruikersnaam, assignee.principal() if assignee else None)
                await services.log(principal.gebruikersnaam, "toegewezen", "hulpverzoek", ref,
                                   assignee.gebruikersnaam if assignee else "niemand")
            done.append(ref)
        except TransitionError as exc:
            refused.append(f"{ref}: {exc}")
    what = "status gewijzigd" if action == "status" else "toewijzing opgeslagen"
    melding = f"{len(done)} hulpvra{'ag' if len(done) == 1 else 'gen'}: {what}."
    if refused:
        melding += f" Niet gewijzigd ({len(refused)}): " + "; ".join(refused[:5]) + (" …" if len(refused) > 5 else "")
    raise _back_to_list(terug, melding)


def _csv_row(item) -> dict:
    row = item.row
    return {"Referentie": row["referentie"], "Binnengekomen": date_and_time(row["aangemaakt_op"]),
            "Reactie uiterlijk": item.termijn.uiterlijk.strftime("%d-%m-%Y"), "Termijn": item.termijn.tekst,
            "Status": status_label(item.status), "Gemeente": request_gemeente(row),
            "Contactpunt": row.get("contactpunt_naam"), "Toegewezen aan": item.toegewezen_aan or "niemand",
            "Aanvrager": ROLE_WORDS.get(row.get("rol") or "", row.get("rol")), "Leeftijd kind": row.get("leeftijd"),
            "Schoolfase": row.get("schoolfase"), "Schooltype": row.get("schooltype"),
            "Thuis sinds": row.get("thuis_sinds"), "Al geprobeerd": (row.get("geprobeerd") or "").replace("_", " "),
            "Hulpvraag": row.get("hulpvraag"), "Telefoon": row.get("telefoon"), "E-mail": row.get("email"),
            "Voorkeurstijd": row.get("voorkeurstijd"),
            "Kanaal": CHANNEL_WORDS.get(row.get("kanaal") or "", row.get("kanaal"))}


async def export_list(request: web.Request) -> web.Response:
    """CSV of the filtered list. Contact details and free text only for roles that may see originals and
    only when asked; the export, its size and its filters are written to the audit log."""
    services = request.app[SERVICES]
    principal = request["principal"]
    data = await form(request)
    filters, fouten, handlers, gemeenten = await _filters(request, data)
    if fouten:
        return _list_page(request, filters, fouten, handlers, gemeenten, [], 0, 1, status=400)
    reveal = data.get("onbewerkt") == "1" and principal.may(ORIGINALS)
    items, total = await _search(request, filters, 1, everything=True)
    body = to_csv((_csv_row(i) for i in items), redact, reveal)
    shown = {k: (masked_query(v) if k == "zoek" else v) for k, v in filters.as_query().items()}
    await services.log(principal.gebruikersnaam, "geexporteerd", "hulpvragen", "",
                       f"csv, {total} hulpvragen, {'onbewerkt' if reveal else 'afgeschermd'}, filters: "
                       + (", ".join(f"{k}={v}" for k, v in shown.items()) or "geen"))
    name = f"hulpvragen-{today().isoformat()}.csv"
    return web.Response(text=body, content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def api_request_detail(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    await services.log(request["principal"].gebruikersnaam, "bekeken", "hulpverzoek", item.row["referentie"], "api")
    entries = await services.run(services.audit.for_target, "hulpverzoek", item.row["referentie"],
                                 ("status_gewijzigd",))
    termijn = deadline_of(item.row, today())
    return web.json_response({**export_fields(item, redact), "reactie_uiterlijk": termijn.uiterlijk.isoformat(),
                              "te_laat": termijn.te_laat, "geschiedenis": [
        {"tijd": c.tijd.isoformat(timespec="seconds"), "wie": c.wie, "van": c.van, "naar": c.naar,
         "tekst": c.tekst} for c in status_history(item.row, entries)]})


async def _colleagues(request: web.Request, item) -> list:
    services = request.app[SERVICES]
    accounts = await services.run(services.accounts.all)
    return [a for a in accounts if a.actief and may_handle_request(a.principal(), item.row["gemeente_code"])]


async def _page_context(request: web.Request, item) -> dict:
    services = request.app[SERVICES]
    notes = await services.run(services.notes.notes, "hulpverzoek", str(item.id))
    entries = await services.run(services.audit.for_target, "hulpverzoek", item.row["referentie"],
                                 ("status_gewijzigd",))
    return dict(r=item, labels=STATUS_LABELS, colleagues=await _colleagues(request, item), notes=notes,
                history=status_history(item.row, entries), termijn=deadline_of(item.row, today()),
                gesprek=key_of(item.row["gesprek_id"]) if item.row.get("gesprek_id") else "",
                rollen=ROLE_WORDS, kanalen=CHANNEL_WORDS)


async def request_detail(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    await services.log(principal.gebruikersnaam, "bekeken", "hulpverzoek", item.row["referentie"])
    return render(request, "hulpvraag.html", fields=export_fields(item, redact), onthuld=False,
                  melding=request.query.get("melding", "")[:300], **await _page_context(request, item))


async def reveal_request(request: web.Request) -> web.Response:
    item = await _get(request)
    services = request.app[SERVICES]
    principal = request["principal"]
    await services.log(principal.gebruikersnaam, "onthuld", "hulpverzoek", item.row["referentie"], "contactgegevens")
    return render(request, "hulpvraag.html", fields=export_fields(item, redact, reveal=True), onthuld=True,
                  melding="", **await _page_context(request, item))


def _back(item, melding: str = "") -> web.HTTPSeeOther:
    suffix = f"?melding={quote(melding[:100])}" if melding else ""
    return web.HTTPSeeOther(f"/hulpvragen/{item.id}{suffix}")


async def _change_status(request: web.Request, item, new_status: str):
    services = request.app[SERVICES]
    principal = request["principal"]
    updated = await services.run(services.inbox.set_status, principal.scope, item.id, new_status)
    await services.log(principal.gebruikersnaam, "status_gewijzigd", "hulpverzoek", item.row["referentie"],
                       f"{updated.vorige_status or item.status} -> {new_status}")
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
        entries = await services.run(services.audit.for_target, "hulpverzoek", item.row["referentie"],
                                     ("status_gewijzigd",))
        notes = await services.run(services.notes.notes, "hulpverzoek", str(item.id))
        body = readable_text(fields, status_history(item.row, entries), deadline_of(item.row, today()), notes,
                             None if reveal else redact)
        ctype, name = "text/plain", name + ".txt"
    return web.Response(text=body, content_type=ctype, charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
