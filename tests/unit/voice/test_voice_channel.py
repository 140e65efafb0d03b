"""bot/channels/twilio_voice_nl.py: the Rasa adapter checks Twilio's signature and wires the flow.

Uses a minimal stand-in for Sanic's request (body, headers, url, args, app.ctx.agent); the signature
check, form parsing and TwiML are the real code. The full conversation over HTTP is tested in
tests/integration/voice/ (without a token, as in development)."""
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from bot.channels.twilio_voice_nl import TwilioVoiceNlInput
from bot.voice.texts import load_texts
from twiml_helpers import Twiml

TOKEN = "test-auth-token"
PUBLIC = "https://wegwijzer.gemeente.example"
PATH = "/webhooks/twilio_voice_nl/webhook"
SID = "CA" + "12" * 16


class Args(dict):
    def get(self, key, default=None):  # Sanic's RequestParameters.get returns the first value
        values = super().get(key)
        return values[0] if values else default


def request(form: dict, query: str = "stil=0", signature: str | None = None, content_type=None):
    headers = {"content-type": content_type or "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    agent = SimpleNamespace(tracker_store=SimpleNamespace(retrieve=_no_tracker))
    return SimpleNamespace(
        body=urlencode(form).encode(), headers=headers, args=Args({"stil": [query.split("=")[1]]}),
        url=f"http://10.0.0.7:5005{PATH}?{query}", app=SimpleNamespace(ctx=SimpleNamespace(agent=agent)),
    )


async def _no_tracker(sender_id):
    return None


def signed(form: dict, query: str = "stil=0") -> str:
    return RequestValidator(TOKEN).compute_signature(f"{PUBLIC}{PATH}?{query}", form)


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.setenv("TEST_TWILIO_TOKEN", TOKEN)
    monkeypatch.setenv("TEST_SPRAAK_URL", PUBLIC)
    return TwilioVoiceNlInput.from_credentials({
        "stem": "Polly.Ruben", "auth_token_env": "TEST_TWILIO_TOKEN", "publieke_url_env": "TEST_SPRAAK_URL"})


async def never_called(message):
    raise AssertionError("the assistant must not be reached")


async def test_signed_request_on_the_public_url_is_answered(channel):
    form = {"CallSid": SID, "CallStatus": "in-progress", "SpeechResult": "herhaal", "Digits": ""}
    reply = await channel._reply(request(form, signature=signed(form)), never_called)
    twiml = Twiml.parse(reply.twiml)
    assert reply.status == 200
    assert twiml.before_gather == load_texts().herhaal_leeg  # nothing said yet in this call
    assert {say.get("voice") for say in twiml.says} == {"Polly.Ruben"}


@pytest.mark.parametrize("tamper", ["no signature", "other text", "other query", "internal url"])
async def test_unsigned_or_tampered_requests_are_refused_in_dutch(channel, tamper):
    form = {"CallSid": SID, "CallStatus": "in-progress", "SpeechResult": "herhaal"}
    signature = signed(form)
    query = "stil=0"
    if tamper == "no signature":
        signature = None
    elif tamper == "other text":
        form = {**form, "SpeechResult": "/veiligheid"}
    elif tamper == "other query":
        query = "stil=1"
    elif tamper == "internal url":
        signature = RequestValidator(TOKEN).compute_signature(f"http://10.0.0.7:5005{PATH}?stil=0", form)
    reply = await channel._reply(request(form, query=query, signature=signature), never_called)
    twiml = Twiml.parse(reply.twiml)
    assert reply.status == 403 and twiml.hangs_up and twiml.said == load_texts().ongeldig


async def test_garbage_is_refused_before_the_signature_or_the_assistant(channel):
    reply = await channel._reply(request({"x": "y"}, content_type="application/json"), never_called)
    assert reply.status == 415 and Twiml.parse(reply.twiml).hangs_up


def test_wrong_voice_in_credentials_stops_the_server_at_start():
    with pytest.raises(ValueError):
        TwilioVoiceNlInput.from_credentials({"stem": "Polly.Reuben"})
    with pytest.raises(ValueError):
        TwilioVoiceNlInput.from_credentials({"max_stilte": 99})
    assert TwilioVoiceNlInput.name() == "twilio_voice_nl"
