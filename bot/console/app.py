"""The staff console web app (aiohttp). ``create_app(settings)`` builds it; ``python -m bot.console``
serves it (default port 8090).

Every route is listed in ROUTES with the permission it needs; bot.console.guard checks session, CSRF
and that permission before any handler runs, and refuses a route that has none. Region scoping is
enforced by the data layer (it only takes the logged-in user's Scope): an object of another region is a 404.
"""
from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.limits.aiohttp_apps import console_app_kwargs, deadline_middleware
from bot.console.times import date_and_time, day
from bot.console import admin_views, auth_views, conversation_views as conv, health_views, insight_views
from bot.console import live_views as live
from bot.console.live_expiry import live_expiry
from bot.console import request_views as req
from bot.console.guard import guard_middleware, headers_middleware
from bot.console.labels import action_label, detail_label, status_label, target_label, topic_label
from bot.console.keys import PASSIVE, PERMISSIONS, SERVICES, SETTINGS, TEMPLATES
from bot.console.regio import name_of, request_gemeente
from bot.console.render import make_environment
from bot.console.services import Services, build_services
from bot.console.settings import ConsoleSettings
from bot.privacy.redaction import redact

STATIC_DIR = Path(__file__).with_name("static")
STATIC_FILES = {"console.css": "text/css", "live.js": "text/javascript"}

ROUTES = [
    # method, path, handler, permission
    ("GET", "/inloggen", auth_views.login_form, "openbaar"),
    ("POST", "/inloggen", auth_views.login, "openbaar"),
    ("POST", "/uitloggen", auth_views.logout, "ingelogd"),
    ("GET", "/gezond", auth_views.health, "openbaar"),
    ("GET", "/klaar", health_views.readiness, "openbaar"),
    ("GET", "/", auth_views.start, "ingelogd"),
    ("GET", "/gesprekken", conv.conversation_list, "gesprekken.lezen"),
    ("GET", "/gesprekken/{key}", conv.conversation, "gesprekken.lezen"),
    ("POST", "/gesprekken/{key}/berichten/{event_id}/tonen", conv.reveal_message, "gesprekken.tonen"),
    ("POST", "/gesprekken/{key}/notities", conv.add_note, "notities.schrijven"),
    ("POST", "/gesprekken/{key}/labels", conv.set_tag, "notities.schrijven"),
    ("POST", "/gesprekken/{key}/verwijderen", conv.erase, "gesprekken.verwijderen"),
    ("GET", "/hulpvragen", req.request_list, "hulpvragen.lezen"),
    ("POST", "/hulpvragen", req.bulk, "hulpvragen.wijzigen"),
    ("POST", "/hulpvragen/csv", req.export_list, "hulpvragen.exporteren"),
    ("GET", "/hulpvragen/{id}", req.request_detail, "hulpvragen.lezen"),
    ("POST", "/hulpvragen/{id}/tonen", req.reveal_request, "hulpvragen.tonen"),
    ("POST", "/hulpvragen/{id}/status", req.change_status, "hulpvragen.wijzigen"),
    ("POST", "/hulpvragen/{id}/toewijzing", req.assign, "hulpvragen.wijzigen"),
    ("POST", "/hulpvragen/{id}/notities", req.add_note, "hulpvragen.wijzigen"),
    ("POST", "/hulpvragen/{id}/export", req.export, "hulpvragen.exporteren"),
    ("GET", "/live", live.live_list, "live.chatten"),
    ("GET", "/live/{key}", live.live_chat, "live.chatten"),
    ("POST", "/live/{key}/overnemen", live.join, "live.chatten"),
    ("POST", "/live/{key}/bericht", live.send_message, "live.chatten"),
    ("POST", "/live/{key}/verlaten", live.leave, "live.chatten"),
    ("GET", "/inzicht", insight_views.insights_page, "inzicht.lezen"),
    ("POST", "/inzicht/gemist/{event_id}/afgehandeld", insight_views.mark_handled, "inzicht.afhandelen"),
    ("POST", "/inzicht/export", insight_views.export_misses, "inzicht.exporteren"),
    ("GET", "/beheer/accounts", admin_views.accounts_page, "accounts.beheren"),
    ("POST", "/beheer/accounts", admin_views.create_account, "accounts.beheren"),
    ("POST", "/beheer/accounts/{id}", admin_views.update_account, "accounts.beheren"),
    ("GET", "/beheer/audit", admin_views.audit_page, "audit.lezen"),
    ("GET", "/api/gesprekken", conv.api_conversation_list, "gesprekken.lezen"),
    ("GET", "/api/gesprekken/{key}", conv.api_conversation, "gesprekken.lezen"),
    ("GET", "/api/hulpvragen", req.api_request_list, "hulpvragen.lezen"),
    ("GET", "/api/hulpvragen/{id}", req.api_request_detail, "hulpvragen.lezen"),
    ("POST", "/api/hulpvragen/{id}/status", req.api_change_status, "hulpvragen.wijzigen"),
    ("GET", "/api/live", live.api_live_list, "live.chatten"),
    ("GET", "/api/live/{key}", live.api_live_chat, "live.chatten"),
    ("GET", "/static/{name}", None, "openbaar"),
]


async def static_file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    return web.Response(body=(STATIC_DIR / name).read_bytes(), content_type=STATIC_FILES[name], charset="utf-8",
                        headers={"Cache-Control": "public, max-age=300"})


HANDLERS = {"/static/{name}": static_file}
# Polled by /static/live.js: a page left open does not keep its session alive (the idle time-out still ends it).
PASSIVE_PATHS = frozenset({"/api/live", "/api/live/{key}"})


def _dt(value) -> str:
    return date_and_time(value)


def _date(value) -> str:
    return day(value)


def create_app(settings: ConsoleSettings, services: Services | None = None) -> web.Application:
    app = web.Application(middlewares=[headers_middleware, deadline_middleware(), guard_middleware],
                          **console_app_kwargs())
    app[SETTINGS] = settings
    app[SERVICES] = services or build_services(settings)
    app[TEMPLATES] = make_environment({"redact": redact, "regio": name_of, "dt": _dt, "datum": _date, "gemeente": request_gemeente,
                                       "status": status_label, "actie": action_label, "doel": target_label,
                                       "onderwerp": topic_label, "toelichting": detail_label})
    permissions, passive = {}, set()
    for method, path, handler, permission in ROUTES:
        handler = handler or HANDLERS[path]
        route = app.router.add_route(method, path, handler) if method != "GET" else \
            app.router.add_get(path, handler, allow_head=False)
        permissions[route] = permission
        if path in PASSIVE_PATHS:
            passive.add(route)
    app[PERMISSIONS] = permissions
    app[PASSIVE] = frozenset(passive)
    app.cleanup_ctx.append(live_expiry)
    return app
