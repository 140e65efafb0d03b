"""POST /widget/feedback: "ja" or "nee" on one answer, from the widget (docs/widget.md).

Body (JSON, at most 1 KB): ``{"antwoord": "<signed answer reference>", "oordeel": "ja" | "nee"}``, and
after a "nee" optionally ``{"antwoord": ..., "reden": "niet_duidelijk" | "niet_mijn_vraag" | "te_weinig"}``.
The reference comes from the Rasa widget channel (``bot.feedback.token``), so the topic and the
conversation are the server's own, never the client's. Anything else is a clean 4xx with a Dutch
text: unknown or forged reference 400, second feedback on an answer 409, a flood 429, an origin not on
the allow-list 403; without ``WEGWIJZER_WIDGET_SECRET`` feedback is off (503). The handling is the
plain function ``handle``; the aiohttp handler only reads the request.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Optional

from sqlalchemy.engine import Engine

from bot import clock
from bot.channels.widget_policy import RateLimiter
from bot.feedback import store
from bot.feedback.schema import OORDELEN, REDENEN
from bot.feedback.token import verify
from bot.counters.definitions import FEEDBACK

MAX_BODY = 1024
FIELDS = {"antwoord", "oordeel"}
REASON_FIELDS = {"antwoord", "reden"}
TEXTS = {
    200: "Bedankt.",
    400: "Deze reactie kan ik niet lezen.",
    403: "Wegwijzer werkt niet op deze website.",
    409: "Uw reactie op dit antwoord hadden we al. Bedankt.",
    413: "Deze reactie is te lang.",
    415: "Stuur de reactie als JSON.",
    429: "Te veel reacties achter elkaar. Probeer het later opnieuw.",
    503: "Reageren op antwoorden staat nu uit.",
}
CODES = {200: "ontvangen", 400: "ongeldig", 403: "herkomst_niet_toegestaan", 409: "al_ontvangen",
         413: "te_groot", 415: "geen_json", 429: "te_veel", 503: "uit"}


@dataclass
class FeedbackService:
    """What the endpoint needs: the secret, an engine (made on first use) and two flood limits."""
    secret: Optional[bytes]
    engine_factory: Callable[[], Engine]
    per_client: RateLimiter = field(default_factory=lambda: RateLimiter(20, 60.0))
    per_conversation: RateLimiter = field(default_factory=lambda: RateLimiter(30, 600.0))
    _engine: Optional[Engine] = None

    def engine(self) -> Engine:
        if self._engine is None:
            engine = self.engine_factory()
            store.create_table(engine)
            self._engine = engine
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def client_key(remote: Optional[str], real_ip: Optional[str]) -> str:
    """Whom the flood limit counts: behind the production profile's nginx (which connects from
    127.0.0.1 and sets X-Real-IP) the visitor's address, else the connection's. The header is only
    believed from the local proxy."""
    if remote in LOOPBACK and isinstance(real_ip, str) and 0 < len(real_ip) <= 64:
        return real_ip.strip()
    return remote or ""


def _answer(status: int) -> tuple[int, dict]:
    key = "status" if status == 200 else "fout"
    return status, {key: CODES[status], "tekst": TEXTS[status]}


def handle(service: FeedbackService, body: bytes, content_type: str, client: str, now: float) -> tuple[int, dict]:
    """(HTTP status, JSON body) for one feedback request whose origin was already allowed."""
    if service.secret is None:
        return _answer(503)
    if not service.per_client.allow(f"client:{client}", now):
        return _answer(429)
    if len(body) > MAX_BODY:
        return _answer(413)
    if content_type.split(";")[0].strip().lower() not in ("application/json", "text/plain"):
        return _answer(415)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _answer(400)
    if not isinstance(data, dict):
        return _answer(400)
    reason = set(data) == REASON_FIELDS and data.get("reden") in REDENEN
    if not reason and (set(data) != FIELDS or data.get("oordeel") not in OORDELEN):
        return _answer(400)
    ref = verify(service.secret, data.get("antwoord"), now)
    if ref is None:
        return _answer(400)
    if not service.per_conversation.allow(f"gesprek:{ref.conversation}", now):
        return _answer(429)
    if reason:  # what was missing, after "nee": once, and only after a "nee"
        return _answer(200 if store.add_reason(service.engine(), ref, data["reden"]) else 409)
    try:
        store.record(service.engine(), ref, data["oordeel"], clock.today())
    except store.AlreadyGiven:
        return _answer(409)
    FEEDBACK.labels(rating="useful" if data["oordeel"] == "ja" else "not_useful").inc()
    return _answer(200)
