"""The action server crashes (SIGKILL) during conversations: users on every channel get the friendly
'storing' message (content/antwoorden/storing.yml) with how to reach a person, never silence or a
stack trace; when it is back, the same conversations get normal answers again."""
from __future__ import annotations

import asyncio
import secrets

import pytest
import requests
import socketio

from tests.support.clients import ORIGIN_HEADERS, request_session, twilio_headers

pytestmark = pytest.mark.integration

VOICE = "/webhooks/twilio_voice_nl/webhook"


def phone(rasa_url: str, call_sid: str, speech: str, token: str | None) -> requests.Response:
    form = {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid, "CallStatus": "in-progress",
            "SpeechResult": speech, "Confidence": "0.9"}
    return requests.post(rasa_url + VOICE, timeout=60, data=form,
                         headers=twilio_headers(token, rasa_url + VOICE, form))


async def widget_turn(rasa_url: str, message: str) -> list[str]:
    client = socketio.AsyncClient(reconnection=False)
    texts: list[str] = []
    client.on("bot_uttered", lambda data: texts.append(data.get("text", "")))
    await client.connect(rasa_url, socketio_path="/socket.io", transports=["websocket"], wait_timeout=30,
                         headers=ORIGIN_HEADERS)
    try:
        session_id = (await request_session(client))["session_id"]
        assert await client.call("user_uttered", {"session_id": session_id, "message": message,
                                                  "customData": {"doelgroep": "jongere"}}, timeout=60)
        await asyncio.sleep(0.5)
    finally:
        await client.disconnect()
    return texts


def test_users_hear_a_friendly_message_while_the_action_server_is_down(stack):
    parent, youth, call = stack.new_sender(), stack.new_sender(), "CA" + secrets.token_hex(16)
    assert any("OPP" in t for t in stack.texts(parent, "wat is een opp"))
    stack.running.stop_actions()
    try:
        assert not stack.running.alive()["actions"]
        down = stack.texts(parent, "wat is een tlv")
        assert any("er ging bij mij iets mis" in t for t in down), down
        assert any("0800-5010" in t and "112" in t for t in down), down
        assert sum("iets mis" in t for t in down) == 1  # one message, not one per failed action
        assert not any("Traceback" in t or "Exception" in t or "action_" in t for t in down)

        youth_down = stack.texts(youth, "ik zit al weken thuis", {"doelgroep": "jongere"})
        assert any("Kindertelefoon" in t and "Probeer het zo nog een keer" in t for t in youth_down), youth_down

        widget = asyncio.run(widget_turn(stack.rasa_url, "hoe werkt passend onderwijs"))
        assert any("iets mis" in t for t in widget), widget

        spoken = phone(stack.rasa_url, call, "wat is een opp", stack.running.twilio_token)
        assert spoken.status_code == 200
        assert "0 8 0 0, 5 0 1 0" in spoken.text and "Traceback" not in spoken.text
    finally:
        stack.running.start_actions()
    back = stack.texts(parent, "wat is een tlv")
    assert any("TLV" in t or "toelaatbaarheidsverklaring" in t for t in back), back
    assert not any("iets mis" in t for t in back)
    assert "iets mis" not in phone(stack.rasa_url, call, "wat is een tlv", stack.running.twilio_token).text
