"""A webhook receiver as its own process, for the reliability tests.

    python hulpvraag_ontvanger.py --port P --log FILE --secret S [--hold]

Every POST /hook is written to FILE (one JSON line, flushed and fsynced) *before* the answer is sent:
idempotency key, reference, body hash, and whether the signature was valid. With --hold (or after
POST /_hold {"hold": true}) answers are held back until POST /_hold {"hold": false}, so a test can kill
the sender while a delivery is in progress.
"""
import argparse
import asyncio
import hashlib
import json
import os
import sys
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bot.hulpvraag.delivery_webhook import verify  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--hold", action="store_true")
    args = parser.parse_args()
    released = asyncio.Event()
    if not args.hold:
        released.set()
    log = open(args.log, "a", encoding="utf-8")

    async def hook(request: web.Request):
        raw = await request.read()
        try:
            ref = json.loads(raw).get("referentie", "")
        except ValueError:
            ref = ""
        entry = {"key": request.headers.get("Idempotency-Key", ""), "referentie": ref,
                 "sha": hashlib.sha256(raw).hexdigest(),
                 "sig_ok": verify(args.secret, request.headers.get("X-Wegwijzer-Timestamp", ""), raw,
                                  request.headers.get("X-Wegwijzer-Signature", ""))}
        log.write(json.dumps(entry) + "\n")
        log.flush()
        os.fsync(log.fileno())
        await released.wait()
        return web.json_response({"ontvangen": entry["key"]}, status=200 if entry["sig_ok"] else 401)

    async def hold(request: web.Request):
        if (await request.json()).get("hold"):
            released.clear()
        else:
            released.set()
        return web.json_response({"hold": not released.is_set()})

    async def health(_request):
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", hook)
    app.router.add_post("/_hold", hold)
    app.router.add_get("/_health", health)
    web.run_app(app, host="127.0.0.1", port=args.port, print=None, handle_signals=True)


if __name__ == "__main__":
    main()
