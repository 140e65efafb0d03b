"""Fuzz test of every entry point with hostile input (seeded, replayable): REST, socket.io, the phone
webhook, the web app and the staff console. Over 10,000 messages and HTTP requests in total; most are
malformed and refused fast, about 1,700 reach the assistant's NLU.

Asserted: 0 answers with status >= 500, 0 stack traces, no hostile marker unescaped in HTML or echoed
in a bot message, and afterwards every process still runs and answers a normal message."""
from __future__ import annotations

import asyncio
import json
import re
import secrets
import uuid
from urllib.parse import urlencode

import pytest
import requests
import socketio

from bot.tooling.rest_client import open_session
from tests.integration.fuzz.conftest import SEED, scaled
from tests.integration.fuzz.fuzz_http import Sender, Tally, raw_requests
from tests.integration.fuzz.hostile import MARKERS, Hostile
from tests.support.clients import ORIGIN_HEADERS, request_session, twilio_headers, twilio_signature

pytestmark = pytest.mark.integration

REST = "/webhooks/rest/webhook"
VOICE = "/webhooks/twilio_voice_nl/webhook"
TALLIES: dict[str, Tally] = {}


def tally(name: str) -> Tally:
    return TALLIES.setdefault(name, Tally(name))


def assert_clean(t: Tally) -> None:
    print("\n" + t.summary())
    assert not t.problems, f"{len(t.problems)} problemen bij {t.name}:\n" + "\n".join(t.problems[:20])


def host_port(url: str) -> tuple[str, int]:
    host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
    return host, int(port)


async def _rest(rasa_url: str) -> Tally:
    t, h = tally("rest"), Hostile(SEED)
    url = rasa_url + REST
    async with Sender(concurrency=3) as real, Sender(concurrency=12) as fast:
        jobs = []
        for i in range(scaled(1200)):  # real turns: hostile text in a valid envelope
            sender, token = open_session(rasa_url)  # a conversation the server issued, with its token
            body = {"sender": sender, "token": token, "message": h.text(900) if i % 5 else h.marker_text()}
            if i % 3 == 0:
                body["metadata"] = h.choice([{"doelgroep": "jongere"}, {"spraak": True}, {"gemeente": "GM0479"},
                                             {"x": h.text(50)}])
            raw = json.dumps(body).encode("utf-8", "surrogatepass")
            jobs.append(real.request(t, "POST", url, data=raw, headers={"Content-Type": "application/json"},
                                     real=len(body["message"]) <= 1000))
        for _ in range(scaled(3000)):  # malformed bodies, odd content types and headers
            headers = {**h.headers(), "Content-Type": h.content_type()}
            jobs.append(fast.request(t, "POST", url + h.choice(["", "", "?stream=true"]), data=h.rest_body(),
                                     headers=headers))
        for _ in range(scaled(400)):  # wrong methods, odd paths (socket.io and health included)
            path = h.choice([REST, "/webhooks/rest/", "/socket.io/", "/", "/webhooks/", "/model/parse",
                             "/conversations/x/tracker", "/webhooks/twilio_voice_nl/"]) + h.path_suffix()
            jobs.append(fast.request(t, h.method() if path.startswith(REST) else h.choice(["GET", "POST"]),
                                     rasa_url + path, headers=h.headers()))
        for size in [70_000, 1_000_000, 5_000_000] * scaled(10):  # huge bodies
            jobs.append(fast.request(t, "POST", url, data=b'{"sender": "a", "message": "' + b"x" * size + b'"}',
                                     headers={"Content-Type": "application/json"}))
        host, port = host_port(rasa_url)
        for payload in raw_requests(host, REST) * scaled(4):
            jobs.append(fast.raw(t, host, port, payload))
        await asyncio.gather(*jobs)
    return t


def test_rest_channel_survives_hostile_input(stack):
    assert_clean(asyncio.run(_rest(stack.rasa_url)))


async def _socketio_client(rasa_url: str, t: Tally, h: Hostile, n: int) -> None:
    client = socketio.AsyncClient(reconnection=False)
    texts: list[str] = []
    client.on("bot_uttered", lambda data: texts.append(data.get("text", "") if isinstance(data, dict) else ""))
    try:
        await client.connect(rasa_url, socketio_path="/socket.io", transports=["websocket"], wait_timeout=30,
                             headers=ORIGIN_HEADERS)
    except socketio.exceptions.ConnectionError as error:
        t.problems.append(f"socket.io verbinding {n} mislukt: {error}")
        return
    try:
        for data in [h.json_value(), {"session_id": h.json_value(), "token": h.json_value()},
                     {"session_id": uuid.uuid4().hex}]:  # none of them has the server's token
            session_id = (await request_session(client, data))["session_id"]
            t.sent += 1
        for i in range(15):
            kind = i % 5
            if kind == 0:
                data = h.json_value()
            elif kind == 1:
                data = {"session_id": h.choice([session_id.upper(), "x", None, ["a"]]), "message": "hoi"}
            elif kind == 2:
                data = {"session_id": session_id, "message": h.choice([None, 5, [], {}, "", " \x00 ", "x" * 5000,
                                                                         h.long_word()])}
            else:
                data = {"session_id": session_id, "message": h.text(480) if i % 2 else h.marker_text(),
                        "customData": h.choice([{"doelgroep": "jongere"}, h.json_value(), "{\"gemeente\": 1}"])}
            try:
                ack = await client.call("user_uttered", data, timeout=90)
            except socketio.exceptions.TimeoutError:
                ack = None
                if kind >= 3:
                    t.problems.append(f"socket.io: geen bevestiging binnen 90 s (verbinding {n})")
            t.sent += 1
            t.statuses["bevestigd" if ack else "genegeerd"] += 1
            t.real_turns += int(kind >= 3 and ack is True)
        await client.emit(h.choice(["onbekend", "connect", "disconnect", "bot_uttered"]), h.json_value())
        t.sent += 1
        await asyncio.sleep(0.5)
    finally:
        await client.disconnect()
    for text in texts:
        if any(marker in text for marker in MARKERS) or "Traceback" in text:
            t.problems.append(f"socket.io botbericht herhaalt invoer: {text[:200]!r}")


async def _socketio(rasa_url: str) -> Tally:
    t, h = tally("socket.io"), Hostile(SEED + 1)
    semaphore = asyncio.Semaphore(4)

    async def one(n: int) -> None:
        async with semaphore:
            await _socketio_client(rasa_url, t, h, n)
    await asyncio.gather(*(one(n) for n in range(scaled(60))))
    async with Sender(concurrency=8) as fast:  # the engine.io handshake with odd parameters
        jobs = [fast.request(t, h.choice(["GET", "POST", "OPTIONS"]),
                             rasa_url + "/socket.io/?" + h.choice(["EIO=4&transport=polling", "EIO=3", "EIO=x",
                                                                   "transport=websocket", "sid=<script>wwfz(1)</script>",
                                                                   "EIO=4&transport=polling&sid=" + "a" * 500]),
                             data=h.rest_body() if h.rng.random() < 0.5 else None, headers=h.headers())
                for _ in range(scaled(300))]
        await asyncio.gather(*jobs)
    return t


def test_socketio_channel_survives_hostile_input(stack):
    assert_clean(asyncio.run(_socketio(stack.rasa_url)))


def _twilio_form(h: Hostile, call_sid: str, speech) -> dict:
    form = {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid, "CallStatus": h.choice(["in-progress", "ringing"]),
            "From": "+31612345678", "To": "+31850000000"}
    if speech is not None:
        form.update(SpeechResult=speech, Confidence="0.9")
    return form


def _voice_body(h: Hostile) -> tuple[bytes, str]:
    kind = h.rng.randrange(8)
    good_sid = "CA" + secrets.token_hex(16)
    if kind == 0:
        return urlencode(_twilio_form(h, h.choice(["", "CA", "x" * 300, "<script>wwfz(1)</script>", good_sid.upper() + "0"]),
                                      "hoi")).encode(), "application/x-www-form-urlencoded"
    if kind == 1:
        return h.rest_body(), h.content_type()
    if kind == 2:
        return b"CallSid=" + good_sid.encode() + b"&SpeechResult=\xff\xfe\xc3\x28", "application/x-www-form-urlencoded"
    if kind == 3:
        return b"&".join(b"k%d=v" % i for i in range(500)), "application/x-www-form-urlencoded"
    if kind == 4:
        return b"CallSid=" + good_sid.encode() + b"&SpeechResult=" + b"x" * 20000, "application/x-www-form-urlencoded"
    if kind == 5:
        return urlencode(_twilio_form(h, good_sid, h.text(600)), encoding="utf-8", errors="surrogatepass").encode(), \
            h.choice(["application/json", "text/plain", "multipart/form-data"])
    if kind == 6:
        return b"%%%%&&&==&=%zz&CallSid=%00", "application/x-www-form-urlencoded"
    return urlencode({"CallSid": h.json_value(), "SpeechResult": h.json_value()}, encoding="utf-8",
                     errors="surrogatepass").encode(), \
        "application/x-www-form-urlencoded"


async def _voice(rasa_url: str, token: str | None) -> Tally:
    t, h = tally("telefoon"), Hostile(SEED + 2)
    url = rasa_url + VOICE
    async with Sender(concurrency=3) as real, Sender(concurrency=12) as fast:
        jobs = []
        for i in range(scaled(200)):  # real turns of new calls with hostile speech, signed as Twilio signs
            speech = None if i % 10 == 0 else (h.text(480) if i % 2 else h.marker_text())
            fields = _twilio_form(h, "CA" + secrets.token_hex(16), speech)
            form = urlencode(fields, encoding="utf-8", errors="surrogatepass").encode()
            target = url + h.choice(["", "?stil=1", "?stil=x", "?stil=-5&stil=99"])
            signature = twilio_signature(token, target, fields) if i % 4 else h.choice(["", "abc"])  # some forged
            jobs.append(real.request(t, "POST", target,
                                     data=form, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                         "X-Twilio-Signature": signature}, real=True))
        for _ in range(scaled(1300)):
            body, content_type = _voice_body(h)
            jobs.append(fast.request(t, "POST", url + h.path_suffix() if h.rng.random() < 0.1 else url, data=body,
                                     headers={**h.headers(), "Content-Type": content_type}))
        for _ in range(scaled(150)):
            jobs.append(fast.request(t, h.method(), url, headers=h.headers()))
        host, port = host_port(rasa_url)
        for payload in raw_requests(host, VOICE) * scaled(5):
            jobs.append(fast.raw(t, host, port, payload))
        await asyncio.gather(*jobs)
    return t


def test_phone_webhook_survives_hostile_input(stack):
    assert_clean(asyncio.run(_voice(stack.rasa_url, stack.running.twilio_token)))


async def _web(web_url: str) -> Tally:
    t, h = tally("webapp"), Hostile(SEED + 3)
    paths = ["/", "/jongeren", "/static/demo.css", "/static/x", "/widget/wegwijzer.js", "/widget/wegwijzer.css",
             "/widget/pagina.css", "/widget/noto-sans-400.woff2", "/widget/toegang", "/gezond", "/widget/",
             "/..%2f..%2fbot%2fweb%2fapp.py"]
    async with Sender(concurrency=12) as fast:
        jobs = []
        for _ in range(scaled(1500)):
            path = h.choice(paths) + h.path_suffix()
            method = h.choice(["GET", "GET", "POST", h.method()])
            data = h.choice([None, h.rest_body(), b"x" * h.choice([10, 17_000, 300_000])]) if method != "GET" else None
            jobs.append(fast.request(t, method, web_url + path, data=data,
                                     headers={**h.headers(), "Content-Type": h.content_type()}))
        host, port = host_port(web_url)
        for payload in raw_requests(host, "/widget/toegang") * scaled(5):
            jobs.append(fast.raw(t, host, port, payload))
        await asyncio.gather(*jobs)
    return t


def test_web_app_survives_hostile_input(web_and_console):
    web, _ = web_and_console
    assert_clean(asyncio.run(_web(web.url)))


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def _console(console_url: str) -> Tally:
    t, h = tally("console"), Hostile(SEED + 4)
    async with Sender(concurrency=8) as fast:
        jobs = []
        for _ in range(scaled(700)):  # login page and form without a valid CSRF token, odd paths
            path = h.choice(["/inloggen", "/inloggen", "/", "/gesprekken", "/api/gesprekken", "/hulpvragen/1",
                             "/beheer/accounts", "/static/console.css", "/uitloggen", "/gesprekken/<script>wwfz(1)</script>"])
            method = h.choice(["GET", "POST", h.method()])
            form = urlencode({"csrf": h.text(40), "gebruikersnaam": h.text(100), "wachtwoord": h.text(300)},
                             encoding="utf-8", errors="surrogatepass").encode()
            data = h.choice([form, h.rest_body(), b"x" * h.choice([100, 70_000])]) if method != "GET" else None
            jobs.append(fast.request(t, method, console_url + path + h.path_suffix(), data=data,
                                     headers={**h.headers(), "Content-Type": h.choice(
                                         ["application/x-www-form-urlencoded", h.content_type()])}))
        host, port = host_port(console_url)
        for payload in raw_requests(host, "/inloggen") * scaled(5):
            jobs.append(fast.raw(t, host, port, payload))
        await asyncio.gather(*jobs)
    # With a valid CSRF token: hostile user names are shown back on the page (escaped), then lock-out.
    session = requests.Session()
    for i in range(scaled(120)):
        page = session.get(console_url + "/inloggen", timeout=60)
        t.sent += 1
        t.record("GET /inloggen", page.status_code, page.headers.get("Content-Type", ""), page.content)
        match = CSRF.search(page.text)
        if not match:
            t.problems.append("geen CSRF-veld op /inloggen")
            break
        name = h.marker_text() if i % 2 else h.text(60)
        answer = session.post(console_url + "/inloggen", timeout=60, data={
            "csrf": match.group(1), "gebruikersnaam": name.encode("utf-8", "surrogatepass"),
            "wachtwoord": h.text(100).encode("utf-8", "surrogatepass")})
        t.sent += 1
        t.record("POST /inloggen (csrf)", answer.status_code, answer.headers.get("Content-Type", ""), answer.content)
    return t


def test_console_login_survives_hostile_input(web_and_console):
    _, console = web_and_console
    assert_clean(asyncio.run(_console(console.url)))


async def _socketio_normal(rasa_url: str) -> list:
    client = socketio.AsyncClient(reconnection=False)
    got: list = []
    client.on("bot_uttered", lambda data: got.append(data))
    await client.connect(rasa_url, socketio_path="/socket.io", transports=["websocket"], wait_timeout=30,
                             headers=ORIGIN_HEADERS)
    try:
        session_id = (await request_session(client))["session_id"]
        assert await client.call("user_uttered", {"session_id": session_id, "message": "wat is een opp"}, timeout=60)
        await asyncio.sleep(0.5)
    finally:
        await client.disconnect()
    return got


def test_all_processes_still_run_and_answer_afterwards(stack, web_and_console):
    web, console = web_and_console
    assert stack.running.alive() == {"actions": True, "rasa": True}
    assert web.alive() and console.alive()
    texts = stack.texts(f"fz-na-{uuid.uuid4().hex}", "wat is een tlv")
    assert any("TLV" in text or "toelaatbaarheidsverklaring" in text for text in texts), texts
    assert any("OPP" in m.get("text", "") for m in asyncio.run(_socketio_normal(stack.rasa_url)))
    form = _twilio_form(Hostile(1), "CA" + secrets.token_hex(16), "wat is een opp")
    call = requests.post(stack.rasa_url + VOICE, timeout=60, data=form,
                         headers=twilio_headers(stack.running.twilio_token, stack.rasa_url + VOICE, form))
    assert call.status_code == 200 and "<Say" in call.text
    assert requests.get(web.url + "/gezond", timeout=30).status_code == 200
    assert requests.get(console.url + "/inloggen", timeout=30).status_code == 200
    print("\nFuzz-aantallen per ingang (seed %d):" % SEED)
    for t in TALLIES.values():
        print(t.summary())
    total = sum(t.sent for t in TALLIES.values())
    real = sum(t.real_turns for t in TALLIES.values())
    print(f"totaal verstuurd {total}, waarvan {real} naar de NLU van de assistent")
    if len(TALLIES) == 5 and scaled(10_000) >= 10_000:
        assert total >= 10_000
