"""The web app: demo pages ("Gemeente Voorbeeld" and a youth page), the built widget, and the
short-lived token a page on an allowed website needs to open the widget's socket.

Routes:
  GET  /                      demo page of the fictional municipality "Gemeente Voorbeeld"
  GET  /jongeren              youth demo page (youth theme)
  GET  /privacy               privacy page in plain Dutch, with this deployment's retention periods
  GET  /widget/wegwijzer.js   the widget (from web/dist, built by scripts/build_widget)
  GET  /widget/wegwijzer.css  its styles; /widget/noto-sans-{400,700}.woff2 its letter
  GET  /widget/pagina.css     the demo pages' look (NL Design System, Voorbeeld theme)
  POST /widget/toegang        {token, socket_url, socket_path} for an allowed Origin, else 403
  POST /widget/feedback       "ja"/"nee" on one answer (bot.web.feedback); OPTIONS for its CORS preflight
  GET  /gezond                health check (liveness)
  GET  /klaar                 readiness: the web app needs no database or other service, so it is ready
                              when it answers; it says whether the widget is built (pages work without it)
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from aiohttp import web

from bot.limits.aiohttp_apps import deadline_middleware, web_app_kwargs
from bot.channels.widget_token import issue_token
from bot.hulpvraag.db import make_engine
from bot.web import feedback
from bot.web.privacy_page import privacy_html
from bot.web.security import asset_headers, errors_middleware, page_headers
from bot.web.settings import PAGES_DIR, WebSettings

SETTINGS = web.AppKey("settings", WebSettings)
CLOCK = web.AppKey("clock", Callable)
FEEDBACK = web.AppKey("feedback", feedback.FeedbackService)
# The widget, its letter (Noto Sans, the Voorbeeld theme's font) and the demo pages' look, all built
# by scripts/build_widget into web/dist.
WIDGET_FILES = {"wegwijzer.js": "application/javascript", "wegwijzer.css": "text/css", "pagina.css": "text/css",
                "noto-sans-400.woff2": "font/woff2", "noto-sans-700.woff2": "font/woff2"}
NOT_BUILT = "Het widget is nog niet gebouwd. Draai eerst scripts/build_widget."


def _page(name: str) -> Callable:
    async def handler(request: web.Request) -> web.Response:
        settings = request.app[SETTINGS]
        html = (PAGES_DIR / name).read_text(encoding="utf-8")
        return web.Response(text=html, content_type="text/html", charset="utf-8",
                            headers=page_headers(settings.rasa_socket_sources()))
    return handler


def _file_response(path: Path, content_type: str) -> web.Response:
    if content_type.startswith("font/"):
        # Browsers fetch fonts in CORS mode: the widget's letter must load on the municipality's site.
        return web.Response(body=path.read_bytes(), content_type=content_type,
                            headers={**asset_headers(), "Access-Control-Allow-Origin": "*"})
    return web.Response(body=path.read_bytes(), content_type=content_type, charset="utf-8",
                        headers=asset_headers())


async def widget_file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in WIDGET_FILES:
        raise web.HTTPNotFound()
    path = request.app[SETTINGS].dist_dir / name
    if not path.is_file():
        return web.Response(status=503, text=NOT_BUILT, headers=asset_headers())
    return _file_response(path, WIDGET_FILES[name])


async def widget_access(request: web.Request) -> web.Response:
    """A token for the page's origin. The Origin header is set by the browser, not by the page."""
    settings = request.app[SETTINGS]
    origin = request.headers.get("Origin")
    headers = {"Cache-Control": "no-store", "Vary": "Origin", "X-Content-Type-Options": "nosniff"}
    if origin and len(origin) <= 300:
        # Echoed even when refused, so the widget can read the 403 and explain it.
        headers["Access-Control-Allow-Origin"] = origin
    if not settings.policy.origin_allowed(origin):
        return web.json_response({"fout": "herkomst_niet_toegestaan"}, status=403, headers=headers)
    token = None
    if settings.policy.secret is not None:
        token = issue_token(settings.policy.secret, origin, request.app[CLOCK](), settings.policy.token_ttl)
    return web.json_response({
        "token": token,
        "socket_url": settings.rasa_public_url,
        "socket_path": settings.socket_path,
    }, headers=headers)


def _cors(request: web.Request) -> dict:
    origin = request.headers.get("Origin")
    headers = {"Cache-Control": "no-store", "Vary": "Origin", "X-Content-Type-Options": "nosniff"}
    if origin and len(origin) <= 300 and request.app[SETTINGS].policy.origin_allowed(origin):
        headers["Access-Control-Allow-Origin"] = origin
    return headers


async def widget_feedback(request: web.Request) -> web.Response:
    """Feedback on one answer; a browser always sends Origin, and it must be on the allow-list."""
    headers = _cors(request)
    if not request.app[SETTINGS].policy.origin_allowed(request.headers.get("Origin")):
        return web.json_response({"fout": "herkomst_niet_toegestaan", "tekst": feedback.TEXTS[403]},
                                 status=403, headers=headers)
    if request.content_length is not None and request.content_length > feedback.MAX_BODY:
        status, body = 413, {"fout": "te_groot", "tekst": feedback.TEXTS[413]}
    else:
        raw = await request.content.read(feedback.MAX_BODY + 1)
        status, body = feedback.handle(request.app[FEEDBACK], raw, request.headers.get("Content-Type", ""),
                                       feedback.client_key(request.remote, request.headers.get("X-Real-IP")),
                                       request.app[CLOCK]())
    return web.json_response(body, status=status, headers=headers)


async def widget_feedback_preflight(request: web.Request) -> web.Response:
    headers = _cors(request)
    if "Access-Control-Allow-Origin" not in headers:
        return web.Response(status=403, headers=headers)
    headers.update({"Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type",
                    "Access-Control-Max-Age": "600"})
    return web.Response(status=204, headers=headers)


async def privacy_page(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    return web.Response(text=privacy_html(), content_type="text/html", charset="utf-8",
                        headers=page_headers(settings.rasa_socket_sources()))


async def health(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readiness(request: web.Request) -> web.Response:
    built = (request.app[SETTINGS].dist_dir / "wegwijzer.js").is_file()
    return web.json_response({"status": "klaar", "widget": "gebouwd" if built else "niet gebouwd"},
                             headers={"Cache-Control": "no-store"})


def create_app(settings: WebSettings, clock: Callable[[], float] = time.time) -> web.Application:
    app = web.Application(middlewares=[errors_middleware, deadline_middleware()], **web_app_kwargs())
    app[SETTINGS] = settings
    app[CLOCK] = clock
    app[FEEDBACK] = feedback.FeedbackService(settings.policy.secret, lambda: make_engine(settings.database_url))

    async def close_feedback(app_: web.Application) -> None:
        app_[FEEDBACK].close()

    app.on_cleanup.append(close_feedback)
    app.router.add_get("/", _page("gemeente.html"))
    app.router.add_get("/jongeren", _page("jongeren.html"))
    app.router.add_get("/privacy", privacy_page)
    app.router.add_get("/widget/{name}", widget_file)
    app.router.add_post("/widget/toegang", widget_access)
    app.router.add_post("/widget/feedback", widget_feedback)
    app.router.add_route("OPTIONS", "/widget/feedback", widget_feedback_preflight)
    app.router.add_get("/gezond", health)
    app.router.add_get("/klaar", readiness)
    return app
