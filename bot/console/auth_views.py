"""Login, logout and the start page."""
from __future__ import annotations

import logging

from aiohttp import web

from bot.console import csrf
from bot.console.forms import form, short
from bot.console.keys import SERVICES
from bot.console.passwords import needs_rehash, verify_password
from bot.console.ratelimit import login_keys
from bot.console.render import render
from bot.console.roles import CONTENTREDACTEUR
from bot.console.sessions import COOKIE
from bot.counters.definitions import CONSOLE_LOCKOUTS, CONSOLE_LOGINS

log = logging.getLogger(__name__)
WRONG = "De gebruikersnaam of het wachtwoord klopt niet."
LOCKED = "Te veel mislukte pogingen vanaf dit adres. Probeer het over {wachttijd} opnieuw."


def wachttijd(seconds: int) -> str:
    """'30 seconden', '1 minuut', '4 minuten' (rounded up: never shorter than the real wait)."""
    if seconds < 60:
        return f"{max(1, seconds)} seconde" if seconds <= 1 else f"{seconds} seconden"
    minutes = -(-seconds // 60)
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


def _login_page(request: web.Request, melding: str = "", status: int = 200, naam: str = "") -> web.Response:
    token = request.cookies.get(csrf.PRE_COOKIE) or csrf.new_token()
    response = render(request, "inloggen.html", http_status=status, melding=melding, pre_token=token, naam=naam)
    response.set_cookie(csrf.PRE_COOKIE, token, httponly=True, samesite="Strict",
                        secure=request.app[SERVICES].settings.https, path="/inloggen")
    return response


async def login_form(request: web.Request) -> web.Response:
    if request["principal"] is not None:
        raise web.HTTPSeeOther("/")
    return _login_page(request)


async def login(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    data = await form(request)
    naam, wachtwoord = short(data.get("gebruikersnaam"), 64).lower(), data.get("wachtwoord", "")[:256]
    keys = login_keys(naam, request.remote)  # per user AND address, and per address: never per account alone
    wait = await services.run(services.limiter.wait, *keys)
    if wait:
        CONSOLE_LOGINS.labels(result="refused").inc()
        await services.log(naam or "?", "login_geweigerd", "account", naam, f"wachten ip={request.remote}")
        return _login_page(request, LOCKED.format(wachttijd=wachttijd(wait)), status=429, naam=naam)
    acc = await services.run(services.accounts.by_name, naam) if naam else None
    ok = await services.run(verify_password, acc.wachtwoord_hash if acc else None, wachtwoord)
    if not ok or acc is None or not acc.actief:
        waits = await services.run(services.limiter.failure, *keys)
        CONSOLE_LOGINS.labels(result="failure").inc()
        for key in waits:
            CONSOLE_LOCKOUTS.labels(key="address" if key.startswith("ip:") else "user").inc()
        await services.log(naam or "?", "login_mislukt", "account", naam, f"ip={request.remote}")
        for key, seconds in waits.items():
            await services.log("systeem", "inloggen_vertraagd", "sleutel", key, f"{seconds} seconden")
        melding = LOCKED.format(wachttijd=wachttijd(max(waits.values()))) if waits else WRONG
        return _login_page(request, melding, status=401, naam=naam)
    await services.run(services.limiter.success, *keys)
    CONSOLE_LOGINS.labels(result="success").inc()
    if needs_rehash(acc.wachtwoord_hash):
        await services.run(services.accounts.rehash, acc.id, wachtwoord)
    old = request.cookies.get(COOKIE)
    await services.run(services.sessions.end, old)        # a fresh session id at every login
    session = await services.run(services.sessions.create, acc.id)
    await services.log(acc.gebruikersnaam, "ingelogd", "account", acc.id)
    response = web.HTTPSeeOther("/")
    response.set_cookie(COOKIE, session.token, **services.sessions.cookie_kwargs(services.settings.https))
    response.del_cookie(csrf.PRE_COOKIE, path="/inloggen")
    raise response


async def logout(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    await services.run(services.sessions.end, request.cookies.get(COOKIE))
    await services.log(request["principal"].gebruikersnaam, "uitgelogd", "account", request["principal"].account_id)
    response = web.HTTPSeeOther("/inloggen")
    response.del_cookie(COOKIE, path="/")
    raise response


async def start(request: web.Request) -> web.Response:
    principal = request["principal"]
    if principal.may("hulpvragen.lezen"):
        raise web.HTTPSeeOther("/hulpvragen")
    if principal.rol == CONTENTREDACTEUR:
        raise web.HTTPSeeOther("/inzicht")
    raise web.HTTPSeeOther("/gesprekken")


async def health(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})
