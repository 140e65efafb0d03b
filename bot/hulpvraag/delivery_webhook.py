"""Webhook delivery: a JSON POST signed with HMAC-SHA256, with a stable Idempotency-Key.

Headers sent:
  Content-Type: application/json; charset=utf-8
  Idempotency-Key: WW-XXXX-XXXX-webhook        (the same on every attempt for this request and target)
  X-Wegwijzer-Timestamp: <unix seconds>
  X-Wegwijzer-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>

A receiver verifies the signature over the raw body (see ``verify`` and docs/hulpvragen.md), rejects
old timestamps, and answers 2xx, also for a key it has seen before.
"""
from __future__ import annotations

import hashlib
import hmac
import time

import aiohttp

from bot.hulpvraag.delivery_errors import DeliveryError

SIGNATURE_HEADER = "X-Wegwijzer-Signature"
TIMESTAMP_HEADER = "X-Wegwijzer-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRYABLE_4XX = {408, 409, 425, 429}


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, now: float | None = None,
           tolerance: float = 300) -> bool:
    """For receivers (and tests): a valid signature over this body, made less than ``tolerance`` s ago."""
    if not secret or not timestamp or not signature:
        return False
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - ts) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def headers(secret: str, body: bytes, key: str, now: float | None = None) -> dict:
    ts = str(int(time.time() if now is None else now))
    return {"Content-Type": "application/json; charset=utf-8", IDEMPOTENCY_HEADER: key,
            TIMESTAMP_HEADER: ts, SIGNATURE_HEADER: sign(secret, ts, body), "User-Agent": "Wegwijzer-outbox/1"}


async def deliver_webhook(session: aiohttp.ClientSession, url: str, body: bytes, key: str, secret: str,
                          timeout: float) -> None:
    if not secret:
        # never send personal data unsigned; retried, so setting the secret later is enough
        raise DeliveryError("geen webhook-geheim ingesteld (WEGWIJZER_WEBHOOK_SECRET)")
    try:
        async with session.post(url, data=body, headers=headers(secret, body, key), allow_redirects=False,
                                timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
            status = resp.status
            detail = (await resp.text(errors="replace"))[:200] if status >= 300 else ""
    except (aiohttp.ClientError, TimeoutError, OSError) as exc:
        raise DeliveryError(f"webhook niet bereikbaar: {exc.__class__.__name__}: {exc}"[:500]) from exc
    if 200 <= status < 300:
        return
    permanent = 300 <= status < 500 and status not in RETRYABLE_4XX
    raise DeliveryError(f"webhook antwoordde {status}: {detail}", permanent=permanent)
