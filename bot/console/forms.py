"""Small helpers for reading hostile input: forms, query strings, ids, dates, pages."""
from __future__ import annotations

from datetime import date

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

MAX_FIELD = 4000


async def read_post(request: web.Request):
    """``request.post()``, but a body that cannot be read (no multipart boundary, not UTF-8, broken
    gzip/deflate, cut off) is the client's fault: 400, not a 500."""
    try:
        return await request.post()
    except (ValueError, RequestPayloadError, HttpProcessingError) as error:
        raise web.HTTPBadRequest() from error


async def form(request: web.Request) -> dict[str, str]:
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return {}
    data = await read_post(request)
    return {k: v[:MAX_FIELD] for k, v in data.items() if isinstance(v, str)}


def int_or_404(raw: str | None) -> int:
    if raw is None or not raw.isdigit() or len(raw) > 12:
        raise web.HTTPNotFound()
    return int(raw)


def page_of(request: web.Request) -> int:
    raw = request.query.get("pagina", "1")
    return int(raw) if raw.isdigit() and 0 < len(raw) < 7 and int(raw) > 0 else 1


def date_or_none(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw and len(raw) == 10 else None
    except ValueError:
        return None


def short(raw: str | None, limit: int = 200) -> str:
    return (raw or "").strip()[:limit]
