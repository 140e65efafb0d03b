"""Delivery: signed webhook against a real local aiohttp server, plain-text e-mail to a real local SMTP
server (aiosmtpd), the worker's handling of answers, dry run, and what is (not) delivered."""
import asyncio
import email
import json
import logging
from email import policy

import aiohttp
import pytest
from aiohttp import web
from aiosmtpd.controller import Controller
from sqlalchemy import select

from bot.hulpvraag.delivery_webhook import sign, verify
from bot.hulpvraag.schema import BEZORGD, DOOD, WACHTEND, bezorging
from bot.hulpvraag.worker import Worker
from bot.production.ports import free_port
from hulpvraag_testhulp import GESPREK, make_request, write_override

# Tricky but storable text (the store refuses markup since issue 18): delivered exactly as typed.
HOSTILE = "help 3 < 4 > 2 & 😀 ‘quotes’ \"dubbel\" '; DROP TABLE x; --"


def test_signature_is_over_timestamp_and_body():
    body = b'{"a":1}'
    sig = sign("geheim", "1700000000", body)
    assert sig.startswith("sha256=") and len(sig) == 71
    assert verify("geheim", "1700000000", body, sig, now=1700000010)
    assert not verify("ander", "1700000000", body, sig, now=1700000010)
    assert not verify("geheim", "1700000000", body + b" ", sig, now=1700000010)
    assert not verify("geheim", "1700000001", body, sig, now=1700000010)      # timestamp is signed too
    assert not verify("geheim", "1700000000", body, sig, now=1700000000 + 301)  # replay after 5 minutes
    assert not verify("geheim", "abc", body, sig) and not verify("", "1700000000", body, sig)


class Receiver:
    def __init__(self, status=200):
        self.status = status
        self.calls: list[dict] = []

    async def handle(self, request: web.Request):
        raw = await request.read()
        self.calls.append({"headers": dict(request.headers), "raw": raw})
        return web.Response(status=self.status, text="ok" if self.status < 300 else "nee")


@pytest.fixture()
async def receiver():
    rec = Receiver()
    app = web.Application()
    app.router.add_post("/hook", rec.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    rec.url = f"http://127.0.0.1:{port}/hook"
    yield rec
    await runner.cleanup()


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture()
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


def status_by_doel(engine):
    with engine.connect() as conn:
        return {r.doel: r for r in conn.execute(select(bezorging))}


async def run_once(store, settings, **kw):
    from dataclasses import replace
    worker = Worker(replace(settings, **kw), engine=store.engine, worker_id="test")
    async with aiohttp.ClientSession() as session:
        return await worker.run_once(session)


async def test_webhook_delivery_signed_and_only_confirmed_fields(store, settings, regio, receiver):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    ref = store.submit(make_request(hulpvraag=HOSTILE)).reference
    assert await run_once(store, settings) == 1
    assert len(receiver.calls) == 1
    h, raw = receiver.calls[0]["headers"], receiver.calls[0]["raw"]
    assert h["Idempotency-Key"] == f"{ref}-webhook"
    assert verify("algemeen-geheim", h["X-Wegwijzer-Timestamp"], raw, h["X-Wegwijzer-Signature"])
    body = json.loads(raw)
    assert body["referentie"] == ref and body["hulpvraag"] == HOSTILE
    assert body["contact"] == {"telefoon": "+31612345678", "email": "ouder@example.org", "voorkeurstijd": "ochtend"}
    assert GESPREK not in raw.decode() and "gesprek" not in raw.decode()
    assert status_by_doel(store.engine)["webhook"].status == BEZORGD
    assert await run_once(store, settings) == 0  # delivered once


async def test_secret_per_area_wins(store, settings, regio, receiver):
    from dataclasses import replace
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    store.submit(make_request())
    env = dict(settings.env, WEGWIJZER_WEBHOOK_SECRET_GM0479="eigen-geheim")
    assert await run_once(store, replace(settings, env=env)) == 1
    h, raw = receiver.calls[0]["headers"], receiver.calls[0]["raw"]
    assert verify("eigen-geheim", h["X-Wegwijzer-Timestamp"], raw, h["X-Wegwijzer-Signature"])


@pytest.mark.parametrize("answer, expected", [(500, WACHTEND), (429, WACHTEND), (400, DOOD), (410, DOOD)])
async def test_receiver_answers(store, settings, regio, receiver, answer, expected):
    receiver.status = answer
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    store.submit(make_request())
    await run_once(store, settings)
    row = status_by_doel(store.engine)["webhook"]
    assert row.status == expected and str(answer) in row.laatste_fout and row.pogingen == 1


async def test_no_secret_means_nothing_is_sent(store, settings, regio, receiver):
    from dataclasses import replace
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    store.submit(make_request())
    await run_once(store, replace(settings, env={}))
    assert receiver.calls == []
    row = status_by_doel(store.engine)["webhook"]
    assert row.status == WACHTEND and "geheim" in row.laatste_fout


async def test_unreachable_receiver_is_retried_later(store, settings, regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": f"http://127.0.0.1:{free_port()}/hook"})
    store.submit(make_request())
    await run_once(store, settings)
    row = status_by_doel(store.engine)["webhook"]
    assert row.status == WACHTEND and row.pogingen == 1 and row.volgende_poging_op > row.aangemaakt_op
    assert "niet bereikbaar" in row.laatste_fout


async def test_email_is_plain_text_with_stable_message_id(store, settings, regio, smtp):
    write_override(regio, "GM0479", {"naam": "Loket Test", "email": "loket@example.org"})
    ref = store.submit(make_request(hulpvraag=HOSTILE)).reference
    assert await run_once(store, settings, smtp_host="127.0.0.1", smtp_port=smtp.port) == 1
    assert len(smtp.messages) == 1
    rcpt, content = smtp.messages[0]
    msg = email.message_from_bytes(content, policy=policy.default)
    assert rcpt == ["loket@example.org"]
    assert msg.get_content_type() == "text/plain" and not msg.is_multipart()
    assert msg["Message-ID"] == f"<{ref.lower()}-email@example.org>"
    assert ref in msg["Subject"] and "Zaanstad" in msg["Subject"]
    text = msg.get_content()
    assert HOSTILE in text and "+31612345678" in text and GESPREK not in text
    assert status_by_doel(store.engine)["email"].status == BEZORGD


async def test_email_without_smtp_config_waits(store, settings, regio):
    write_override(regio, "GM0479", {"naam": "Loket Test", "email": "loket@example.org"})
    store.submit(make_request())
    await run_once(store, settings, smtp_host="")
    row = status_by_doel(store.engine)["email"]
    assert row.status == WACHTEND and "SMTP niet ingesteld" in row.laatste_fout


async def test_withdrawal_notice_reaches_the_receiver(store, settings, regio, receiver):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    ref = store.submit(make_request()).reference
    await run_once(store, settings)
    store.withdraw(ref, GESPREK)
    await run_once(store, settings)
    bodies = [json.loads(c["raw"]) for c in receiver.calls]
    assert [b["type"] for b in bodies] == ["wegwijzer.hulpverzoek", "wegwijzer.hulpverzoek.intrekking"]
    assert bodies[1] == {"type": "wegwijzer.hulpverzoek.intrekking", "versie": 1, "referentie": ref,
                         "ingetrokken_op": bodies[1]["ingetrokken_op"]}
    assert receiver.calls[1]["headers"]["Idempotency-Key"] == f"{ref}-webhook-intrekking"


async def test_dry_run_logs_and_sends_nothing(store, settings, regio, receiver, caplog):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": receiver.url})
    ref = store.submit(make_request()).reference
    with caplog.at_level(logging.INFO, logger="bot.hulpvraag.worker"):
        assert await run_once(store, settings, droog=True) == 1
    assert receiver.calls == []
    assert status_by_doel(store.engine)["webhook"].status == WACHTEND
    assert status_by_doel(store.engine)["webhook"].pogingen == 0
    logged = caplog.text
    assert "DROOG" in logged and ref in logged and receiver.url in logged and GESPREK not in logged


def test_verification_example_in_the_operator_doc_accepts_our_signature():
    """The receiver example in docs/hulpvragen.md must keep matching what the worker sends."""
    import re
    import time
    from pathlib import Path

    from bot.hulpvraag.delivery_webhook import headers
    doc = (Path(__file__).resolve().parents[3] / "docs" / "hulpvragen.md").read_text(encoding="utf-8")
    code = next(b for b in re.findall(r"```python\n(.*?)```", doc, re.S) if "def handtekening_klopt" in b)
    scope: dict = {}
    exec(code, scope)
    body = json.dumps({"referentie": "WW-2345-6789"}).encode()
    h = headers("geheim", body, "WW-2345-6789-webhook", now=time.time())
    assert scope["handtekening_klopt"]("geheim", h, body)
    assert not scope["handtekening_klopt"]("ander", h, body)
    assert not scope["handtekening_klopt"]("geheim", h, body + b"x")
