"""Issue 18, findings 4 and 5, against the real embedded stack (bot.tooling.launcher, started as scripts/start
starts it): the action server only runs actions for the Rasa server (a shared secret, checked before
any action runs), every server listens on 127.0.0.1 only, Rasa's CORS is the widget's allow-list (not
"*"), and a socket.io client without an allowed Origin is refused."""
from __future__ import annotations

import asyncio
import socket

import psutil
import pytest
import requests
import socketio
from sqlalchemy import create_engine, text

from bot.tokens.action_token import HEADER
from tests.support.clients import ORIGIN_HEADERS, WIDGET_ORIGIN

pytestmark = pytest.mark.integration

BSN = "111222333"  # passes the elfproef


def hostile_action_call(sender: str, hulpvraag: str = f"mijn bsn is {BSN}, adres Reigerstraat 45bis") -> dict:
    """What a hand-written tracker looks like: a help request that skipped the form, with a BSN."""
    slots = {
        "hv_rol": "ouder", "hv_gemeente": {"code": "GM0363", "naam": "Amsterdam"},
        "hv_leeftijd": {"leeftijd": 12, "schoolfase": "basisonderwijs"}, "hv_schooltype": "regulier",
        "hv_thuis_sinds": {"tekst": "al 6 weken"}, "hv_geprobeerd": ["school"], "hv_hulpvraag": hulpvraag,
        "hv_contact": {"telefoon": "+31612345678"}, "hv_voorkeurstijd": "ochtend",
        "hv_toestemming": True, "hv_bevestigd": True, "hv_gestopt": None, "hv_pogingen": None,
    }
    return {
        "next_action": "action_hulpvraag_versturen", "sender_id": sender, "version": "3.6.2",
        "tracker": {"sender_id": sender, "slots": slots, "latest_message": {"text": "ja", "intent": {"name": "ja"},
                                                                          "entities": [], "metadata": {}},
                    "events": [], "paused": False, "followup_action": None, "active_loop": {},
                    "latest_action_name": "action_listen"},
        "domain": {"slots": {name: {"type": "any"} for name in slots}, "responses": {}},
    }


def stored_requests(stack, sender: str) -> int:
    engine = create_engine(stack.database_url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars().all()
            if "hulpverzoek" not in tables:
                return 0
            return conn.execute(text("SELECT COUNT(*) FROM hulpverzoek WHERE gesprek_id = :s"),
                                {"s": sender}).scalar()
    finally:
        engine.dispose()


def test_a_hand_written_tracker_without_the_secret_runs_no_action(stack):
    url = stack.running.actions_url + "/webhook"
    sender = stack.new_sender()
    for headers in ({}, {HEADER: ""}, {HEADER: "geraden"}, {HEADER: stack.running.actions_token[:-1]},
                    {"Authorization": f"Bearer {stack.running.actions_token}"}):
        response = requests.post(url, json=hostile_action_call(sender), headers=headers, timeout=30)
        assert response.status_code == 401, (headers, response.status_code, response.text[:200])
        assert "hulpvraag" not in response.text.lower()
    assert stored_requests(stack, sender) == 0
    # the list of actions is not for strangers either; health is
    assert requests.get(stack.running.actions_url + "/actions", timeout=10).status_code == 401
    assert requests.get(stack.running.actions_url + "/health", timeout=10).status_code == 200
    # the secret is what Rasa sends: with it the same server answers
    listed = requests.get(stack.running.actions_url + "/actions", timeout=10,
                          headers={HEADER: stack.running.actions_token})
    assert listed.status_code == 200 and {"name": "action_hulpvraag_versturen"} in listed.json()


def test_the_rasa_server_still_reaches_its_actions(stack):
    texts = stack.texts(stack.new_sender(), "wat is een opp")
    assert any("OPP" in t for t in texts) and not any("iets mis" in t for t in texts)


def _non_loopback_address() -> str | None:
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family == socket.AF_INET and not address.address.startswith("127."):
                return address.address
    return None


def test_every_server_listens_on_loopback_only(stack):
    for name, process in stack.running.processes.items():
        listening = [c.laddr for c in psutil.Process(process.pid).net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN]
        assert listening, name
        assert all(addr.ip in ("127.0.0.1", "::1") for addr in listening), (name, listening)
    other = _non_loopback_address()
    if other is None:
        pytest.skip("this machine has no other IPv4 address to try")
    for url in (stack.rasa_url, stack.running.actions_url):
        port = int(url.rsplit(":", 1)[1])
        with pytest.raises(OSError):
            socket.create_connection((other, port), timeout=3).close()


def test_rasa_cors_allows_only_the_widget_sites(stack):
    url = stack.rasa_url + "/webhooks/rest/webhook"
    body = stack.running.conversations.body(stack.new_sender(), "hoi")  # a valid turn, with its token
    evil = requests.post(url, json=body, headers={"Origin": "https://kwaadwillend.example"}, timeout=60)
    assert evil.status_code == 200
    assert evil.headers.get("Access-Control-Allow-Origin") in (None, "")
    preflight = requests.options(url, timeout=10, headers={
        "Origin": "https://kwaadwillend.example", "Access-Control-Request-Method": "POST"})
    assert preflight.headers.get("Access-Control-Allow-Origin") in (None, "")
    allowed = requests.options(url, timeout=10, headers={
        "Origin": WIDGET_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == WIDGET_ORIGIN


async def _connect(url: str, headers: dict) -> str:
    client = socketio.AsyncClient(reconnection=False)
    try:
        await client.connect(url, socketio_path="/socket.io", transports=["websocket"], headers=headers,
                             wait_timeout=20)
    except socketio.exceptions.ConnectionError as error:
        return f"geweigerd: {error}"
    await client.disconnect()
    return "verbonden"


def test_socket_clients_need_an_allowed_origin(stack):
    assert asyncio.run(_connect(stack.rasa_url, {})).startswith("geweigerd")
    assert asyncio.run(_connect(stack.rasa_url, {"Origin": "https://kwaadwillend.example"})).startswith("geweigerd")
    assert asyncio.run(_connect(stack.rasa_url, ORIGIN_HEADERS)) == "verbonden"


def test_even_with_the_secret_the_store_refuses_a_bsn_or_markup(stack):
    """Finding 5's second half: a tracker that skipped the form got a BSN stored. Even a call with the
    secret (a bug in the form, a compromised Rasa) cannot store one now: the store checks by itself."""
    url = stack.running.actions_url + "/webhook"
    headers = {HEADER: stack.running.actions_token}
    for hulpvraag in (f"mijn bsn is {BSN}", "help <img src=x onerror=alert(1)>"):
        sender = stack.new_sender()
        response = requests.post(url, json=hostile_action_call(sender, hulpvraag), headers=headers, timeout=60)
        assert response.status_code == 200, response.text[:300]
        assert stored_requests(stack, sender) == 0
        assert BSN not in response.text
    control = stack.new_sender()  # the same hand-written call without them is stored: the check is what stops it
    response = requests.post(url, json=hostile_action_call(control, "Mijn zoon zit thuis, wie helpt?"),
                             headers=headers, timeout=60)
    assert response.status_code == 200 and stored_requests(stack, control) == 1
