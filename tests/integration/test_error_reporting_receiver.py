"""Error reporting leaves no personal data: the real action server (python -m bot.action_server) with
WEGWIJZER_SENTRY_DSN pointing at a receiver in this test (127.0.0.1), an action that fails while it holds
the user's text, a name, a phone number and an e-mail address (in the request body, its local variables
and the exception message), and a look at every byte that arrives."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from bot.tokens import action_token
from bot.tooling.launcher import REPO, free_port, wait_until_up

pytestmark = pytest.mark.integration

CHAT = "Mijn zoon Pieter de Vries zit al weken thuis. Bel mij op 06 12345678 of mail pieter.ouder@example.org"
SECRETS = ("Pieter", "Vries", "12345678", "06 1234", "+3161234", "pieter.ouder", "example.org", "zit al weken",
           "gesprek-geheim-42")

FAILING_ACTION = textwrap.dedent('''
    from rasa_sdk import Action


    class ActionFaalt(Action):
        def name(self):
            return "action_faalt"

        async def run(self, dispatcher, tracker, domain):
            tekst = tracker.latest_message.get("text")
            telefoon = tracker.get_slot("telefoon")
            raise ValueError(f"kon {tekst!r} van {telefoon} niet verwerken")
''')


class Receiver(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        Receiver.received.append(self.path.encode() + b"\n" + str(self.headers).encode() + b"\n" + body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": "0"}')

    def log_message(self, *_args):
        pass


@pytest.fixture()
def receiver():
    Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def _action_call() -> dict:
    return {
        "next_action": "action_faalt", "sender_id": "gesprek-geheim-42", "version": "3.6.2",
        "domain": {"slots": {}, "responses": {}, "actions": ["action_faalt"], "intents": [], "entities": []},
        "tracker": {
            "sender_id": "gesprek-geheim-42", "slots": {"telefoon": "+31612345678", "naam": "Pieter de Vries"},
            "latest_message": {"text": CHAT, "intent": {"name": "mens_spreken", "confidence": 0.9},
                               "entities": [], "metadata": {"email": "pieter.ouder@example.org"}},
            "events": [{"event": "user", "timestamp": time.time(), "text": CHAT,
                        "parse_data": {"intent": {"name": "mens_spreken", "confidence": 0.9}, "entities": []}}],
            "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
            "latest_event_time": time.time(), "latest_input_channel": "rest"},
    }


def test_an_error_with_chat_text_and_a_phone_number_reaches_the_receiver_without_them(tmp_path, receiver):
    (tmp_path / "foutacties.py").write_text(FAILING_ACTION, encoding="utf-8")
    port, token = free_port(), action_token.new_token()
    env = dict(os.environ, PYTHONPATH=f"{REPO}{os.pathsep}{tmp_path}", RASA_TELEMETRY_ENABLED="false",
               WEGWIJZER_SENTRY_DSN=f"http://openbaar@127.0.0.1:{receiver}/1",
               WEGWIJZER_SENTRY_OMGEVING="test", **{action_token.ENV: token})
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log = tmp_path / "actions.log"
    process = subprocess.Popen([sys.executable, "-m", "bot.action_server", "--actions", "foutacties",
                                "--port", str(port)], cwd=REPO, env=env, stdout=log.open("w"),
                               stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, log, timeout=120)
        response = requests.post(f"http://127.0.0.1:{port}/webhook", json=_action_call(),
                                 headers={action_token.HEADER: token}, timeout=30)
        assert response.status_code == 500          # the action really failed, with the text in hand
        assert "12345678" in response.text           # (rasa-sdk echoes the request to the Rasa server)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(b"ValueError" in r for r in Receiver.received):
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert Receiver.received, log.read_text()[-3000:]
    everything = b"\n".join(Receiver.received).decode("utf-8", "replace")
    assert "ValueError" in everything and "foutacties" in everything    # the error is there to be fixed
    for secret in SECRETS:
        assert secret not in everything, (secret, everything[:3000])
    events = [json.loads(line) for r in Receiver.received for line in r.split(b"\n")
              if line.startswith(b"{") and b'"exception"' in line]
    assert events, everything[:3000]
    for event in events:
        assert event["tags"] == {"proces": "actieserver"} and event["environment"] == "test"
        assert not {"request", "breadcrumbs", "extra", "user", "contexts"} & set(event)
        frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
        assert frames[-1]["module"] == "foutacties" and "vars" not in frames[-1]
