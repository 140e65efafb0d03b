"""Sanic-level guards of the Rasa server, installed by our REST channel before the server starts.

- The limits of ``bot.limits.server`` on Sanic's config (Rasa overwrites keep-alive and, with
  ``--enable-api``, the response time-out).
- Sanic 21.12 counts reading a request *body* as part of the response time: a client that sends its
  headers and then too little body (``Content-Length: 100`` with 1 byte, an unfinished chunked body)
  made Sanic answer 503 "Response Timeout" after ``response_timeout`` seconds. That is the client's
  fault, so it now gets 408 with a short Dutch JSON text; a real server overrun stays 503, with
  ``Retry-After`` and a Dutch text instead of Sanic's HTML page.
- All other errors (404, 405, 413, ... and unexpected exceptions) get a short Dutch JSON answer with
  the same status. Sanic's own error pages parse the ``Accept`` header, and a malformed one
  (``Accept: x/y;q=abc``) made Sanic fail while rendering a 404: "An error occurred while handling an
  error", status 500. Only a real server error is a 5xx, and never with a stack trace.
"""
from __future__ import annotations

import logging

from sanic import response
from sanic.exceptions import SanicException, ServiceUnavailable

from bot.limits import server as server_limits

logger = logging.getLogger(__name__)

TOO_SLOW_CLIENT = {"fout": "te_langzaam", "tekst": "Het bericht kwam niet helemaal binnen. Stuur het opnieuw."}
TOO_SLOW_SERVER = {"fout": "bezet", "tekst": "Het duurt nu te lang. Probeer het over een minuut opnieuw."}


def body_incomplete(request) -> bool:
    """True while Sanic is still waiting for (part of) the request body."""
    return bool(getattr(getattr(request, "stream", None), "request_body", None))


async def on_service_unavailable(request, exception):
    if body_incomplete(request):
        logger.warning("request body not complete within the time limit: %s %s", request.method, request.path)
        return response.json(TOO_SLOW_CLIENT, status=408, headers={"Connection": "close"})
    logger.error("no answer within the response time-out: %s %s (%s)", request.method, request.path, exception)
    return response.json(TOO_SLOW_SERVER, status=503, headers={"Retry-After": "60"})


TEXTS = {
    400: "Dit verzoek kan ik niet lezen.",
    401: "Hiervoor moet u zich aanmelden.",
    403: "Dit mag niet.",
    404: "Dit adres bestaat niet.",
    405: "Dit adres kan zo niet worden gebruikt.",
    408: "Het bericht kwam niet helemaal binnen. Stuur het opnieuw.",
    413: "Dit verzoek is te groot. Stuur een kort bericht.",
    500: "Er ging iets mis. Probeer het later opnieuw.",
}


def error_body(status: int) -> dict:
    text = TEXTS.get(status) or (TEXTS[500] if status >= 500 else TEXTS[400])
    return {"fout": status, "tekst": text}


async def on_error(request, exception):
    if isinstance(exception, SanicException):
        status = int(getattr(exception, "status_code", 500) or 500)
        headers = dict(getattr(exception, "headers", None) or {})
    else:
        status, headers = 500, {}
    if status >= 500:
        logger.error("error at %s %s", getattr(request, "method", "?"), getattr(request, "path", "?"),
                     exc_info=exception)
    return response.json(error_body(status), status=status, headers=headers)


def install(app) -> None:
    server_limits.apply_to_sanic(app.config)
    app.error_handler.add(ServiceUnavailable, on_service_unavailable)
    app.error_handler.add(Exception, on_error)
    logger.info("server limits applied: %s", server_limits.rasa_env())
