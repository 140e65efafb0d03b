"""Security headers of the web app, and friendly Dutch error pages without stack traces."""
from __future__ import annotations

import logging

from aiohttp import web

logger = logging.getLogger(__name__)

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page_csp(rasa_sources: str) -> str:
    """CSP for the demo pages: only our own script and styles, sockets only to Rasa."""
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {rasa_sources}",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def page_headers(rasa_sources: str) -> dict:
    return {
        **COMMON,
        "Content-Security-Policy": page_csp(rasa_sources),
        "Permissions-Policy": "microphone=(self), camera=(), geolocation=(), payment=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def asset_headers() -> dict:
    """Widget files are embedded by other sites: cross-origin readable, never framed or sniffed."""
    return {
        **COMMON,
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Cache-Control": "public, max-age=300",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    }


ERRORS = {
    404: "Deze pagina bestaat niet.",
    405: "Deze pagina kan zo niet worden opgevraagd.",
    500: "Er ging iets mis. Probeer het later opnieuw.",
}


@web.middleware
async def errors_middleware(request: web.Request, handler):
    """Known HTTP errors and unexpected exceptions become a short Dutch text, never a traceback."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or exc.status not in ERRORS:
            raise
        return web.Response(status=exc.status, text=ERRORS[exc.status], headers=COMMON)
    except Exception:  # noqa: BLE001 - a visitor never sees a stack trace
        logger.exception("fout bij %s %s", request.method, request.path)
        return web.Response(status=500, text=ERRORS[500], headers=COMMON)
