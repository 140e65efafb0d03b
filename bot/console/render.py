"""Jinja2 rendering (autoescape always on) and Dutch error pages."""
from __future__ import annotations

from pathlib import Path

import jinja2
from aiohttp import web

from bot.console.keys import TEMPLATES

TEMPLATE_DIR = Path(__file__).with_name("templates")
ERRORS = {
    400: "Dit verzoek klopt niet.",
    401: "U bent niet (meer) ingelogd.",
    403: "U heeft geen toegang tot deze pagina of deze actie.",
    404: "Deze pagina bestaat niet, of u heeft er geen toegang toe.",
    405: "Deze pagina kan zo niet worden opgevraagd.",
    413: "Dit verzoek is te groot.",
    500: "Er ging iets mis. Probeer het later opnieuw.",
}


def make_environment(filters: dict) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(filters)
    return env


def render(request: web.Request, name: str, http_status: int = 200, **context) -> web.Response:
    env: jinja2.Environment = request.app[TEMPLATES]
    session = request.get("session")
    html = env.get_template(name).render(principal=request.get("principal"),
                                         csrf_token=session.csrf_token if session else "", **context)
    return web.Response(text=html, status=http_status, content_type="text/html", charset="utf-8")


def error_response(request: web.Request, status: int, as_json: bool) -> web.Response:
    status = status if status in ERRORS else (500 if status >= 500 else 400)
    message = ERRORS[status]
    if as_json:
        return web.json_response({"fout": message}, status=status)
    try:
        return render(request, "fout.html", http_status=status, melding=message, status_code=status)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return web.Response(text=message, status=status, content_type="text/plain", charset="utf-8")
