"""Phone-call helpers on top of the shared real stack (``stack`` in tests/integration/conftest.py):
posts Twilio-style form requests, signed with the stack's TWILIO_AUTH_TOKEN, to the Dutch voice
webhook and parses the TwiML."""
from __future__ import annotations

import secrets
import sys
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "voice"))

from twiml_helpers import Twiml  # noqa: E402

from bot.voice.texts import load_texts  # noqa: E402
from tests.support.clients import twilio_headers  # noqa: E402

WEBHOOK = "/webhooks/twilio_voice_nl/webhook"
MORE = load_texts().verder


class PhoneCall:
    """One call: the same CallSid, Twilio's form fields, and the action URL of the last <Gather>."""

    def __init__(self, rasa_url: str, token: str | None):
        self.rasa_url = rasa_url
        self.token = token  # the stack's TWILIO_AUTH_TOKEN: every post is signed as Twilio signs it
        self.call_sid = "CA" + secrets.token_hex(16)
        self.next_path = WEBHOOK

    def post(self, speech: str | None = None, status: str = "in-progress", path: str | None = None,
             **extra) -> requests.Response:
        form = {
            "AccountSid": "AC" + "0" * 32, "ApiVersion": "2010-04-01", "CallSid": self.call_sid,
            "CallStatus": status, "Direction": "inbound", "From": "+31612345678", "To": "+3185" + "0" * 7,
        }
        if speech is not None:
            form.update(SpeechResult=speech, Confidence="0.9")
        form.update(extra)
        url = self.rasa_url + (path or self.next_path)
        return requests.post(url, data=form, headers=twilio_headers(self.token, url, form), timeout=60)

    def turn(self, speech: str | None = None, status: str = "in-progress") -> Twiml:
        response = self.post(speech, status)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/xml")
        twiml = Twiml.parse(response.text)
        gather = twiml.gather
        if gather is not None:
            self.next_path = gather.get("action")
        return twiml

    def start(self) -> Twiml:
        return self.turn(status="ringing")

    def hear_all(self, speech: str) -> list[Twiml]:
        """Says ``speech``, then "verder" while the answer says there is more (long answers come in parts)."""
        heard = [self.turn(speech)]
        while heard[-1].gather is not None and heard[-1].prompt == MORE:
            heard.append(self.turn("verder"))
            assert len(heard) < 20, "an answer that never ends"
        return heard


@pytest.fixture
def phone(stack):
    return lambda: PhoneCall(stack.rasa_url, stack.running.twilio_token)
