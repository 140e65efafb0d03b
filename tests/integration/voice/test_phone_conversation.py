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

    # the answer is longer than 80 words: it comes in parts, "verder" gives the next one
    parts = call.hear_all("mijn zoon zit al weken thuis")
    assert len(parts) >= 2
    for part in parts:
        assert_dutch_speech(part)
        assert words_said(part) <= 80, part.said
    answer = parts[-1]
    heard = " ".join(p.before_gather for p in parts)
    assert spraak(stack, "situatie_thuiszitten") in heard  # the voice-safe variant, via metadata
    assert "Bron:" not in heard and "0800" not in heard
    assert answer.prompt.endswith("?")

    silence = call.turn(None)
    assert_dutch_speech(silence)
    assert silence.before_gather == "Ik hoorde niets."
    assert "herhaal" in silence.prompt and silence.prompt.endswith("?")
    assert silence.gather.get("action") == f"{WEBHOOK}?stil=1&deel={len(parts) - 1}"  # keeps its place

    repeated = call.turn("Kunt u dat herhalen?")
    assert_dutch_speech(repeated)
    assert repeated.said == answer.said  # the part said last, not the whole answer again
    assert repeated.gather.get("action") == f"{WEBHOOK}?stil=0&deel={len(parts) - 1}"  # speech resets the silences

    danger_parts = call.hear_all("mn vader slaat me als hij gedronken heeft")
    danger = danger_parts[0]
    assert_dutch_speech(danger)
    first = danger.says[0].text
    assert "1 1 2" in first  # the emergency number comes first ...
    assert "0 8 0 0, 2 0 0 0" in first  # ... and Veilig Thuis, read in groups
    assert first.index("1 1 2") < first.index("0 8 0 0, 2 0 0 0")
    assert all(words_said(p) <= 80 for p in danger_parts)
    assert "computerprogramma" in " ".join(p.said for p in danger_parts)

    goodbye = call.turn("doeii, fijne dag nog")
    assert_dutch_speech(goodbye)
    assert spraak(stack, "afscheid") in goodbye.said
    assert goodbye.hangs_up and goodbye.gather is None


def words_said(twiml) -> int:
    return sum(len((say.text or "").split()) for say in twiml.says)


def test_the_spoken_step_plan_comes_in_parts_of_at_most_80_words(stack, phone):
    call = phone()
    call.start()
    question = call.turn("hij zit sinds 2 september thuis; we hebben met school gepraat en leerplicht gebeld")
    assert_dutch_speech(question)
    # the form's question with its choices spoken, the question last (issue 19)
    assert question.prompt == "Zeg: ja, of: nee. Staat uw kind nog ingeschreven op een school?"
    parts = call.hear_all("ja")
    if "stappenplan" not in parts[0].said:  # at most one more question (the age) before the plan
        assert parts[-1].prompt.endswith("?") and len(parts) == 1
        parts = call.hear_all("weet ik niet")
    assert len(parts) >= 3, [p.said for p in parts]
    for index, part in enumerate(parts):
        assert_dutch_speech(part)
        assert words_said(part) <= 80, part.said
        assert not part.before_gather.rstrip().endswith("?")  # one question per turn, in <Gather>
        if index < len(parts) - 1:
            assert part.prompt == "Zeg verder voor meer. Of stel een andere vraag."
            assert f"deel={index}" in part.gather.get("action")
    heard = " ".join(p.before_gather for p in parts)
    assert "stappenplan" in heard
    assert heard.index("volgende stap") < heard.index("Let op deze data")  # the next step first
    assert "zoek op" not in heard.lower()
    again = call.turn("herhaal")
    assert again.said == parts[-1].said
    done = call.turn("verder")
    assert done.before_gather == "Dat was alles." and done.prompt == parts[-1].prompt


def test_privacy_is_one_word_away_on_the_phone(stack, phone):
    """Issue 22: the greeting says "zeg privacy"; saying it gives what is kept, how long, who reads
    it and how to have it removed, with the deployment's own retention periods."""
    call = phone()
    greeting = call.start()
    assert "Zeg privacy" in greeting.before_gather
    parts = call.hear_all("privacy")
    for part in parts:
        assert_dutch_speech(part)
        assert words_said(part) <= 80, part.said
    heard = " ".join(p.before_gather for p in parts)
    assert spraak(stack, "privacy_gesprek") in heard
    assert "dagen" in heard and "wissen" in heard and "{{" not in heard


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


def test_danger_with_bullying_on_the_phone_gives_the_numbers_first_then_bullying_in_parts(stack, phone):
    """Session 13: after the safety message, a cause the caller names is answered too, in parts of at
    most 80 words; the emergency numbers stay the first thing said."""
    call = phone()
    call.start()
    parts = call.hear_all("mijn zoon wordt gepest op school en ze slaan hem elke pauze, wat moet ik doen")
    for part in parts:
        assert_dutch_speech(part)
        assert words_said(part) <= 80, part.said
    first = parts[0].says[0].text
    assert "1 1 2" in first
    heard = " ".join(p.before_gather for p in parts)
    assert heard.index("1 1 2") < heard.index("pesten")
