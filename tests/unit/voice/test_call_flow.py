"""bot.voice.call_flow: one phone call, turn by turn, against a scripted assistant that keeps
Rasa-style events (the real assistant is tested in tests/integration/voice/)."""
from bot.voice.call_flow import CallFlow, with_disclosure
from bot.voice.request_check import CallRequest
from bot.voice.speech_text import SpokenTurn
from bot.voice.texts import load_texts
from bot.voice.twiml import VoiceSettings
from twiml_helpers import URL_MARKERS, Twiml

SID = "CA" + "ab" * 16
SETTINGS = VoiceSettings(action_url="/webhooks/twilio_voice_nl/webhook")


class ScriptedAssistant:
    """Answers from a script and records events the way Rasa's tracker does."""

    def __init__(self, script, fail=False):
        self.script, self.fail = script, fail
        self.log, self.sent = [], []

    async def send(self, sender_id, text, metadata):
        if self.fail:
            raise ConnectionError("action server down")
        self.sent.append((sender_id, text, dict(metadata)))
        intent, confidence, messages = self.script[text]
        self.log.append({"event": "user", "text": text,
                            "parse_data": {"intent": {"name": intent, "confidence": confidence}}})
        for message in messages:
            self.log.append({"event": "bot", "text": message.get("text"),
                                "data": {"buttons": message.get("buttons")}})
        self.log.append({"event": "action", "name": "action_listen"})
        return messages

    async def events(self, sender_id):
        return list(self.log)


SCRIPT = {
    "/groet": ("groet", 1.0, [{"text": "Hallo, ik ben een computerprogramma. Waar kan ik u mee helpen?"}]),
    "mijn zoon zit thuis": ("situatie_thuiszitten", 0.9, [
        {"text": "Wat naar. Zie https://www.example.nl of bel 0800-5010.",
         "buttons": [{"title": "Escalatie", "payload": "/vraag_escalatie"},
                     {"title": "Onderwijsconsulent", "payload": "/vraag_onderwijsconsulent"}]}]),
    "doei": ("afscheid", 0.95, [{"text": "Tot ziens."}]),
    "doei misschien": ("afscheid", 0.4, [{"text": "Tot ziens?"}]),
}


def call(speech="", status="in-progress", silences=0):
    return CallRequest(call_sid=SID, speech=speech, call_status=status, silences=silences)


def flow():
    return CallFlow(SETTINGS, load_texts(), max_silences=2)


async def test_a_whole_call():
    assistant, f = ScriptedAssistant(SCRIPT), flow()

    start = Twiml.parse((await f.handle(call(status="ringing"), assistant)).twiml)
    assert assistant.sent[0] == (f"telefoon-{SID}", "/groet", {"spraak": True, "kanaal": "telefoon"})
    assert "computerprogramma" in start.said
    assert start.prompt == "Waar kan ik u mee helpen?"

    answer = Twiml.parse((await f.handle(call("mijn zoon zit thuis"), assistant)).twiml)
    assert "0 8 0 0, 5 0 1 0" in answer.before_gather
    assert not URL_MARKERS.search(answer.said)
    assert answer.prompt == "Zeg: escalatie, of: onderwijsconsulent. Wat wilt u nog weten?"

    silent = Twiml.parse((await f.handle(call(), assistant)).twiml)
    assert silent.before_gather == load_texts().stilte
    assert silent.gather.get("action").endswith("?stil=1")

    again = Twiml.parse((await f.handle(call("Kunt u dat herhalen?"), assistant)).twiml)
    assert again.said == answer.said  # the last answer, not the re-prompt
    assert len(assistant.sent) == 2  # "herhaal" never reached the assistant

    gone = Twiml.parse((await f.handle(call(silences=1), assistant)).twiml)
    assert gone.hangs_up and gone.said == load_texts().stilte_afscheid


async def test_goodbye_ends_the_call_only_when_sure():
    assistant, f = ScriptedAssistant(SCRIPT), flow()
    await f.handle(call(status="ringing"), assistant)
    unsure = Twiml.parse((await f.handle(call("doei misschien"), assistant)).twiml)
    assert not unsure.hangs_up and unsure.prompt == "Tot ziens?"
    bye = Twiml.parse((await f.handle(call("doei"), assistant)).twiml)
    assert bye.hangs_up and bye.said == "Tot ziens."


async def test_first_request_without_ringing_status_still_greets():
    assistant = ScriptedAssistant(SCRIPT)
    start = Twiml.parse((await flow().handle(call(), assistant)).twiml)
    assert assistant.sent[0][1] == "/groet" and not start.hangs_up


async def test_disclosure_is_added_when_the_greeting_lacks_it():
    script = {"/groet": ("groet", 1.0, [{"text": "Hallo! Waar kan ik u mee helpen?"}])}
    start = Twiml.parse((await flow().handle(call(status="ringing"), ScriptedAssistant(script))).twiml)
    assert start.before_gather.startswith(load_texts().kennismaking)
    turn = SpokenTurn(parts=("Ik ben een computerprogramma.",), prompt="Vraag?")
    assert with_disclosure(turn, "X") is turn


async def test_repeat_before_anything_was_said():
    reply = Twiml.parse((await flow().handle(call("herhaal"), ScriptedAssistant(SCRIPT))).twiml)
    assert reply.before_gather == load_texts().herhaal_leeg


async def test_failure_is_a_friendly_dutch_goodbye_not_a_stack_trace():
    reply = await flow().handle(call("mijn zoon zit thuis"), ScriptedAssistant(SCRIPT, fail=True))
    twiml = Twiml.parse(reply.twiml)
    assert reply.status == 200 and twiml.hangs_up and twiml.said == load_texts().fout
    assert "Traceback" not in reply.twiml and "ConnectionError" not in reply.twiml


async def test_silent_assistant_is_handled():
    script = {"/groet": ("groet", 1.0, [])}
    twiml = Twiml.parse((await flow().handle(call(status="ringing"), ScriptedAssistant(script))).twiml)
    # the disclosure is still said; with nothing else to say the prompt is the default question
    assert load_texts().kennismaking in twiml.said


def test_rejection_speaks_dutch_and_hangs_up():
    reply = flow().rejection(403)
    twiml = Twiml.parse(reply.twiml)
    assert reply.status == 403 and twiml.hangs_up and twiml.said == load_texts().ongeldig
