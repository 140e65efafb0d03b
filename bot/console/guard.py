"""The one gate every request passes: session → CSRF → permission. Also security headers and Dutch
error pages (never a stack trace).

Each route is registered with a permission (bot.console.app.ROUTES); a route without one is refused.
Region scoping is not decided here but in the data layer, which only accepts a ``Scope`` derived from the
logged-in user (request["principal"].scope).
"""
from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from bot.console import csrf
from bot.console.keys import PASSIVE, PERMISSIONS, SERVICES, SETTINGS
from bot.console.render import error_response
from bot.console.sessions import COOKIE

log = logging.getLogger(__name__)

CSP = "; ".join(["default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'",
                 "frame-ancestors 'none'", "base-uri 'none'"])
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
# The live pages only (bot.console.live_views): their own script file (/static/live.js) and its requests to
# the console itself; still no inline script, no eval, nothing from elsewhere. Every other page: no script.
LIVE_CSP = CSP + "; script-src 'self'; connect-src 'self'"
NO_STORE = {"Cache-Control": "no-store, max-age=0", "Pragma": "no-cache"}


def wants_json(request: web.Request) -> bool:
    return request.path.startswith("/api/")


@web.middleware
async def headers_middleware(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            response = exc
            for k, v in {**HEADERS, **NO_STORE}.items():
                response.headers.setdefault(k, v)
            raise
        response = error_response(request, exc.status, wants_json(request))
    except (RequestPayloadError, HttpProcessingError):  # an unreadable body (bad gzip/deflate, cut off)
        log.warning("onleesbare body bij %s %s", request.method, request.path)
        response = error_response(request, 400, wants_json(request))
    except Exception:  # noqa: BLE001 - never a stack trace to the browser
        log.exception("fout bij %s %s", request.method, request.path)
        response = error_response(request, 500, wants_json(request))
    for k, v in HEADERS.items():
        response.headers.setdefault(k, v)
    if not request.path.startswith("/static/"):
        for k, v in NO_STORE.items():
            response.headers[k] = v
    return response


async def load_principal(request: web.Request):
    services = request.app[SERVICES]
    touch = request.match_info.route not in request.app.get(PASSIVE, frozenset())
    session = await services.run(services.sessions.load, request.cookies.get(COOKIE), touch)
    if session is None:
        return None, None
    acc = await services.run(services.accounts.by_id, session.account_id)
    if acc is None or not acc.actief:
        return None, None
    return session, acc.principal()


@web.middleware
async def guard_middleware(request: web.Request, handler):
    route = request.match_info.route
    permission = request.app[PERMISSIONS].get(route)
    if permission is None:
        if request.match_info.http_exception is not None:
            raise request.match_info.http_exception  # the router's own 404/405
        log.error("route zonder recht geweigerd: %s %s", request.method, request.path)
        raise web.HTTPForbidden()
    session, principal = await load_principal(request)
    request["session"], request["principal"] = session, principal
    if request.method in csrf.UNSAFE:
        expected = session.csrf_token if session else request.cookies.get(csrf.PRE_COOKIE)
        if not csrf.tokens_match(expected, await csrf.submitted_token(request)):
            log.warning("CSRF-controle mislukt: %s %s", request.method, request.path)
            raise web.HTTPForbidden()
    if permission == "openbaar":
        return await handler(request)
    if principal is None:
        if wants_json(request) or request.method != "GET":
            raise web.HTTPUnauthorized()
        raise web.HTTPSeeOther("/inloggen")
    if not principal.may(permission):
        raise web.HTTPForbidden()
    return await handler(request)
