"""Admin: accounts with role and regions, and the audit log."""
from __future__ import annotations

from math import ceil

from aiohttp import web

from bot.console.accounts import AccountError
from bot.console.forms import form, int_or_404, page_of, short
from bot.console.keys import SERVICES
from bot.console.labels import ACTION_LABELS
from bot.console.regio import name_of, parse_codes
from bot.console.render import render
from bot.console.roles import ROLES

AUDIT_PER_PAGE = 100
TIME_FIELDS = ("tijdstip", "tijd", "timestamp", "aangemaakt_op", "created_at", "at", "moment")


def _entry(row) -> dict:
    """An audit entry as a plain dict, whatever shape bot.privacy.audit returns (row, mapping, dataclass)."""
    if hasattr(row, "_mapping"):
        data = dict(row._mapping)
    elif isinstance(row, dict):
        data = dict(row)
    else:
        data = {k: getattr(row, k) for k in dir(row) if not k.startswith("_") and not callable(getattr(row, k))}
    data["_tijd"] = next((data[k] for k in TIME_FIELDS if data.get(k) is not None), "")
    return data


async def _page(request: web.Request, melding: str = "", status: int = 200, edit=None) -> web.Response:
    services = request.app[SERVICES]
    accounts = await services.run(services.accounts.all)
    return render(request, "accounts.html", http_status=status, accounts=accounts, roles=ROLES, melding=melding,
                  edit=edit, name_of=name_of)


async def accounts_page(request: web.Request) -> web.Response:
    return await _page(request, melding=request.query.get("melding", "")[:100])


async def create_account(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    data = await form(request)
    codes, bad = parse_codes(data.get("regios", ""))
    if bad:
        return await _page(request, f"Onbekende gemeente of regio: {', '.join(bad)}", status=400)
    if data.get("wachtwoord", "") != data.get("wachtwoord2", ""):
        return await _page(request, "De twee wachtwoorden zijn niet gelijk.", status=400)
    try:
        acc = await services.run(services.accounts.create, data.get("gebruikersnaam", ""), data.get("wachtwoord", ""),
                                 data.get("rol", ""), codes)
    except AccountError as exc:
        return await _page(request, str(exc), status=400)
    await services.log(request["principal"].gebruikersnaam, "account_aangemaakt", "account", acc.gebruikersnaam,
                       f"rol={acc.rol} regios={','.join(sorted(acc.regios))}")
    raise web.HTTPSeeOther("/beheer/accounts?melding=Account+aangemaakt.")


async def update_account(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    acc = await services.run(services.accounts.by_id, int_or_404(request.match_info["id"]))
    if acc is None:
        raise web.HTTPNotFound()
    data = await form(request)
    codes, bad = parse_codes(data.get("regios", ""))
    if bad:
        return await _page(request, f"Onbekende gemeente of regio: {', '.join(bad)}", status=400)
    actief = data.get("actief") == "1"
    if acc.id == request["principal"].account_id and (not actief or data.get("rol") != acc.rol):
        return await _page(request, "U kunt uw eigen rol niet wijzigen en uzelf niet uitschakelen.", status=400)
    try:
        await services.run(services.accounts.update, acc.id, data.get("rol", ""), codes, actief)
        if data.get("wachtwoord"):
            if data.get("wachtwoord") != data.get("wachtwoord2"):
                return await _page(request, "De twee wachtwoorden zijn niet gelijk.", status=400)
            await services.run(services.accounts.set_password, acc.id, data["wachtwoord"])
    except AccountError as exc:
        return await _page(request, str(exc), status=400)
    await services.log(request["principal"].gebruikersnaam, "account_gewijzigd", "account", acc.gebruikersnaam,
                       f"rol={data.get('rol')} regios={','.join(sorted(codes))} actief={actief}"
                       + (" wachtwoord" if data.get("wachtwoord") else ""))
    raise web.HTTPSeeOther("/beheer/accounts?melding=Account+gewijzigd.")


async def audit_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    actor = short(request.query.get("wie"), 64) or None
    action = short(request.query.get("actie"), 40) or None
    page = page_of(request)
    rows = await services.run(services.audit.recent, AUDIT_PER_PAGE + 1, (page - 1) * AUDIT_PER_PAGE,
                              actor=actor, action=action)
    more = len(rows) > AUDIT_PER_PAGE
    return render(request, "audit.html", rows=[_entry(r) for r in rows[:AUDIT_PER_PAGE]], page=page, more=more, wie=actor or "",
                  actie=action or "", acties=sorted(ACTION_LABELS.items(), key=lambda kv: kv[1]))
