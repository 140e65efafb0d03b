"""bot.voice.request_check: hostile posts, Twilio's signature, the public URL."""
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from bot.voice.request_check import (
    MAX_BODY_BYTES, CallRequest, Rejection, check_envelope, clean_speech, parse_call, parse_form,
    public_url, signature_valid,
)

SID = "CA" + "0123456789abcdef" * 2
FORM_TYPE = "application/x-www-form-urlencoded"


def test_envelope_rejects_large_and_non_form_posts():
    assert check_envelope(1500, FORM_TYPE) is None
    assert check_envelope(1500, "application/x-www-form-urlencoded; charset=UTF-8") is None
    assert check_envelope(MAX_BODY_BYTES + 1, FORM_TYPE).status == 413
    assert check_envelope(10, "application/json").status == 415
    assert check_envelope(10, "multipart/form-data; boundary=x").status == 415
    assert check_envelope(10, None).status == 415


def test_form_keeps_blank_values_and_the_first_of_duplicates():
    form = parse_form(b"CallSid=CA1&SpeechResult=&Digits=&From=%2B31612345678&CallSid=CA2")
    assert form == {"CallSid": "CA1", "SpeechResult": "", "Digits": "", "From": "+31612345678"}


@pytest.mark.parametrize("body", [b"\xff\xfe\x00garbage", "&".join(f"k{i}=v" for i in range(500)).encode()])
def test_garbage_or_huge_forms_are_rejected(body):
    assert isinstance(parse_form(body), Rejection)


@pytest.mark.parametrize("sid", ["", "CA123", "XX" + "0" * 32, SID + "0", "CA" + "g" * 32, "' OR 1=1 --"])
def test_call_sid_must_look_like_twilios(sid):
    result = parse_call({"CallSid": sid, "SpeechResult": "hallo"}, {})
    assert isinstance(result, Rejection) and result.status == 400


def test_call_request_fields():
    call = parse_call({"CallSid": SID, "SpeechResult": " Mijn zoon\x00 zit thuis. ", "CallStatus": "in-progress",
                       "From": "+31612345678"}, {"stil": "1"})
    assert call == CallRequest(call_sid=SID, speech="Mijn zoon zit thuis.", call_status="in-progress", silences=1)
    assert call.sender_id == f"telefoon-{SID}"
    assert "31612345678" not in repr(call)  # the caller's number is never kept


def test_speech_cannot_trigger_an_intent_directly_and_is_capped():
    assert clean_speech('/veiligheid{"x": 1}') == 'veiligheid{"x": 1}'
    assert clean_speech("//  /groet") == "groet"
    assert len(clean_speech("woord " * 500)) <= 500
    assert clean_speech(None) == ""


def test_public_url_replaces_scheme_and_host_behind_a_proxy():
    internal = "http://10.0.0.5:5005/webhooks/twilio_voice_nl/webhook?stil=1"
    assert public_url(internal, None) == internal
    assert public_url(internal, "https://wegwijzer.gemeente.nl/") == \
        "https://wegwijzer.gemeente.nl/webhooks/twilio_voice_nl/webhook?stil=1"
    assert public_url(internal, "https://gemeente.nl/bot") == "https://gemeente.nl/bot/webhooks/twilio_voice_nl/webhook?stil=1"


def test_signature_is_checked_with_twilios_algorithm():
    token, url = "geheim-token", "https://wegwijzer.gemeente.nl/webhooks/twilio_voice_nl/webhook?stil=0"
    form = {"CallSid": SID, "SpeechResult": "herhaal", "Digits": ""}
    good = RequestValidator(token).compute_signature(url, form)
    assert signature_valid(token, url, form, good)
    assert not signature_valid("ander-token", url, form, good)
    assert not signature_valid(token, url.replace("stil=0", "stil=1"), form, good)
    assert not signature_valid(token, url, {**form, "SpeechResult": "iets anders"}, good)
    assert not signature_valid(token, url, form, None)
    assert not signature_valid(token, url, form, "\x00" * 5000)
    assert urlencode(form)  # form values are plain strings, as Twilio posts them
