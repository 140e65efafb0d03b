"""The Dutch phone channel against the real stack: Twilio-style form posts to
/webhooks/twilio_voice_nl/webhook, TwiML back (language, voice, no URL, the question in <Gather>)."""
import sqlite3
from pathlib import Path

import requests
import yaml

from bot.content import contacts

from twiml_helpers import URL_MARKERS, Twiml

from bot.content.check import voice_problems
from tests.support.clients import twilio_headers, twilio_signature

VOICE = "Polly.Laura-Neural"
WEBHOOK = "/webhooks/twilio_voice_nl/webhook"


def spraak(stack, answer_id: str) -> str:
    data = yaml.safe_load((Path(stack.content_dir) / f"{answer_id}.yml").read_text(encoding="utf-8"))
    # as the caller hears it: contact keys filled in from the stack's copy of content/regio/landelijk.yml
    text = contacts.fill(data["tekst"]["spraak"], "spraak", Path(stack.regio_dir) / "landelijk.yml")
    return " ".join(text.split())


def assert_dutch_speech(twiml):
    assert twiml.says, "nothing said"
    for say in twiml.says:
        assert say.get("language") == "nl-NL"
        assert say.get("voice") == VOICE
        assert not URL_MARKERS.search(say.text or ""), say.text
        problems = [p for p in voice_problems(say.text or "") if "asks a question" not in p]
        assert problems == [], (problems, say.text)
    if twiml.gather is not None:
        assert twiml.gather.get("language") == "nl-NL"
        assert twiml.gather.get("input") == "speech"
        assert twiml.prompt.strip(), "no question inside <Gather>"


def test_a_whole_phone_call(stack, phone):
    call = phone()

    greeting = call.start()
    assert_dutch_speech(greeting)
    assert "computerprogramma" in greeting.said  # the disclosure, spoken on the first turn
    assert "0 8 0 0, 5 0 1 0" in greeting.said  # how to reach a person, digits in groups
    assert greeting.prompt.endswith("?") and "Waar kan ik u mee helpen?" in greeting.prompt
    assert "?" not in greeting.before_gather  # the one question is inside <Gather>, last

    answer = call.turn("mijn zoon zit al weken thuis")
    assert_dutch_speech(answer)
    assert spraak(stack, "situatie_thuiszitten") in answer.said  # the voice-safe variant, via metadata
    assert "Bron:" not in answer.said and "0800" not in answer.said
    assert answer.prompt.endswith("?")

    silence = call.turn(None)
    assert_dutch_speech(silence)
    assert silence.before_gather == "Ik hoorde niets."
    assert "herhaal" in silence.prompt and silence.prompt.endswith("?")
    assert silence.gather.get("action") == f"{WEBHOOK}?stil=1"

    repeated = call.turn("Kunt u dat herhalen?")
    assert_dutch_speech(repeated)
    assert repeated.said == answer.said
    assert repeated.gather.get("action") == f"{WEBHOOK}?stil=0"  # speech resets the silences

    danger = call.turn("mn vader slaat me als hij gedronken heeft")
    assert_dutch_speech(danger)
    first = danger.says[0].text
    assert "1 1 2" in first  # the emergency number comes first ...
    assert "0 8 0 0, 2 0 0 0" in first  # ... and Veilig Thuis, read in groups
    assert first.index("1 1 2") < first.index("0 8 0 0, 2 0 0 0")
    assert "computerprogramma" in danger.said

    goodbye = call.turn("doeii, fijne dag nog")
    assert_dutch_speech(goodbye)
    assert spraak(stack, "afscheid") in goodbye.said
    assert goodbye.hangs_up and goodbye.gather is None


def test_repeated_silence_ends_the_call_politely(phone):
    call = phone()
    call.start()
    first = call.turn(None)
    assert not first.hangs_up and first.before_gather == "Ik hoorde niets."
    second = call.turn(None)
    assert_dutch_speech(second)
    assert second.hangs_up and "Tot ziens" in second.said and "0 8 0 0, 5 0 1 0" in second.said


def test_repeat_as_first_words_and_calls_are_kept_apart(phone):
    one, two = phone(), phone()
    one.start()
    two.start()
    answer = one.turn("wat is een tlv")
    other = two.turn("nog een keer")
    assert other.said != answer.said  # the second call repeats its own greeting, not call one's answer
    assert "computerprogramma" in other.said


def test_hostile_speech_is_spoken_safely(phone):
    call = phone()
    call.start()
    response = call.post("<script>alert(1)</script> & /veiligheid", path=call.next_path)
    assert response.status_code == 200
    assert "<script>" not in response.text
    twiml = Twiml.parse(response.text)
    assert_dutch_speech(twiml)


def test_bad_requests_get_a_friendly_dutch_goodbye(stack):
    url = stack.rasa_url + WEBHOOK

    def signed(form):  # a genuine Twilio signature, so the request gets past the signature check
        return requests.post(url, data=form, headers=twilio_headers(stack.running.twilio_token, url, form),
                             timeout=30)

    cases = [
        requests.post(url, json={"CallSid": "CA" + "0" * 32, "SpeechResult": "hallo"}, timeout=30),
        signed({"SpeechResult": "hallo"}),  # no CallSid
        signed({"CallSid": "CA' OR 1=1", "SpeechResult": "hallo"}),
        requests.post(url, data={"CallSid": "CA" + "0" * 32, "SpeechResult": "x" * 40_000}, timeout=30),
        requests.post(url, data=b"\xff\xfe\x00\x01", timeout=30,
                      headers={"Content-Type": "application/x-www-form-urlencoded"}),
    ]
    for response in cases:
        assert response.status_code in (400, 413, 415), response.status_code
        assert "Traceback" not in response.text
        twiml = Twiml.parse(response.text)
        assert twiml.hangs_up and twiml.said.startswith("Sorry")
        assert_dutch_speech(twiml)
    assert requests.get(stack.rasa_url + "/webhooks/twilio_voice_nl/", timeout=10).json() == {"status": "ok"}


def _stored_events(stack, sender_id: str) -> int:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender_id,)).fetchone()[0]


def test_forged_requests_are_refused_before_the_assistant_hears_them(stack):
    """Issue 18, finding 4: the webhook accepted forged (unsigned) posts. Now only Twilio's signature
    for this exact URL and form passes; nothing else reaches the conversation."""
    url = stack.rasa_url + WEBHOOK
    call_sid = "CA" + "f" * 32
    form = {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid, "CallStatus": "in-progress",
            "SpeechResult": "trek mijn hulpvraag in", "Confidence": "0.9"}
    token = stack.running.twilio_token
    forged = [
        {},                                                                      # no signature
        {"X-Twilio-Signature": "abc"},                                           # garbage
        {"X-Twilio-Signature": twilio_signature("ander-token", url, form)},      # another account's
        {"X-Twilio-Signature": twilio_signature(token, url + "?stil=1", form)},  # for another URL
        {"X-Twilio-Signature": twilio_signature(token, url, {**form, "SpeechResult": "hoi"})},  # other form
    ]
    for headers in forged:
        response = requests.post(url, data=form, headers=headers, timeout=30)
        assert response.status_code == 403, (headers, response.status_code)
        twiml = Twiml.parse(response.text)
        assert twiml.hangs_up and twiml.said.startswith("Sorry")
    assert _stored_events(stack, f"telefoon-{call_sid}") == 0
    genuine = requests.post(url, data=form, headers=twilio_headers(token, url, form), timeout=60)
    assert genuine.status_code == 200 and "<Say" in genuine.text
    assert _stored_events(stack, f"telefoon-{call_sid}") > 0
