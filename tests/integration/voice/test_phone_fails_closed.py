"""Issue 18, finding 4: without TWILIO_AUTH_TOKEN the phone webhook accepted forged requests. Now it
refuses every request (403) unless the explicit development switch is set, and then it says so loudly
in its log. A real server with the real channel (tests/integration/voice/phone_channel_server.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from bot.tooling.launcher import REPO, free_port, wait_until_up
from tests.integration.voice.phone_channel_server import GOT_THROUGH

pytestmark = pytest.mark.integration
SERVER = Path(__file__).with_name("phone_channel_server.py")
FORM = {"AccountSid": "AC" + "0" * 32, "CallSid": "CA" + "1" * 32, "CallStatus": "in-progress",
        "SpeechResult": "wat is een opp", "Confidence": "0.9"}


@contextmanager
def phone_server(tmp_path, **env_changes):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for key in ("TWILIO_AUTH_TOKEN", "WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING"):
        env.pop(key, None)
    env.update(env_changes)
    port, log = free_port(), tmp_path / "telefoon.log"
    process = subprocess.Popen([sys.executable, str(SERVER), str(port)], cwd=REPO, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/gezond", process, log, timeout=60)
        yield f"http://127.0.0.1:{port}/webhooks/twilio_voice_nl/webhook", log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_without_a_token_every_phone_request_is_refused(tmp_path):
    with phone_server(tmp_path) as (url, log):
        for headers in ({}, {"X-Twilio-Signature": "abc"}):
            response = requests.post(url, data=FORM, headers=headers, timeout=30)
            assert response.status_code == 403
            assert GOT_THROUGH not in response.text and "Sorry" in response.text
        assert "every phone request is refused" in log.read_text()


def test_the_development_switch_lets_unsigned_requests_through_and_says_so(tmp_path):
    with phone_server(tmp_path, WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING="1") as (url, log):
        response = requests.post(url, data=FORM, timeout=30)
        assert response.status_code == 200 and GOT_THROUGH in response.text
        assert "DEVELOPMENT SWITCH" in log.read_text()


def test_the_switch_does_not_weaken_a_configured_token(tmp_path):
    with phone_server(tmp_path, TWILIO_AUTH_TOKEN="t" * 32, WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING="1") as (url, _):
        assert requests.post(url, data=FORM, timeout=30).status_code == 403
