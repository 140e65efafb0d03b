"""bot.voice.twiml: Dutch TwiML, escaping, the question inside <Gather>."""
import pytest

from bot.voice.speech_text import SpokenTurn, speak_turn
from bot.voice.twiml import DUTCH_VOICES, VoiceConfigError, VoiceSettings, hangup_response, turn_response
from twiml_helpers import Twiml

SETTINGS = VoiceSettings(action_url="/webhooks/twilio_voice_nl/webhook", hints=("OPP", "passend onderwijs"))


def test_every_say_and_the_gather_are_dutch_with_a_dutch_polly_voice():
    turn = SpokenTurn(parts=("Eerste deel.", "Tweede deel."), prompt="Wat wilt u weten?")
    twiml = Twiml.parse(turn_response(turn, SETTINGS))
    assert len(twiml.says) == 3
    for say in twiml.says:
        assert say.get("language") == "nl-NL"
        assert say.get("voice") == "Polly.Laura-Neural"
    gather = twiml.gather
    assert gather.get("language") == "nl-NL"
    assert gather.get("input") == "speech"
    assert gather.get("action") == "/webhooks/twilio_voice_nl/webhook?stil=0"
    assert gather.get("actionOnEmptyResult") == "true"
    assert gather.get("hints") == "OPP, passend onderwijs"
    assert twiml.root.find("Pause") is not None  # between the two parts


def test_answer_is_said_before_and_question_inside_gather():
    turn = speak_turn([{"text": "Uw kind heeft recht op onderwijs. Wilt u weten hoe?"}], "Nog iets?")
    twiml = Twiml.parse(turn_response(turn, SETTINGS, silences=1))
    assert twiml.before_gather == "Uw kind heeft recht op onderwijs."
    assert twiml.prompt == "Wilt u weten hoe?"
    assert twiml.gather.get("action").endswith("?stil=1")
    # after <Gather>, silence is reported to the same URL if Twilio does not call the action
    children = [child.tag for child in twiml.root]
    assert children[-2:] == ["Gather", "Redirect"]
    assert twiml.root.find("Redirect").text == "/webhooks/twilio_voice_nl/webhook?stil=1"


def test_hostile_text_is_escaped_and_stays_text():
    hostile = "<script>alert(1)</script> & </Say><Hangup/> \x00\x1b"
    raw = turn_response(SpokenTurn(parts=(hostile,), prompt="Vraag & <b>?"), SETTINGS)
    assert "<script>" not in raw and "</Say><Hangup/>" not in raw
    assert "&lt;script&gt;" in raw and "&amp;" in raw
    twiml = Twiml.parse(raw)  # still well-formed XML
    assert not twiml.hangs_up
    assert twiml.before_gather.startswith("<script>alert(1)</script> & </Say><Hangup/>")
    assert twiml.prompt == "Vraag & <b>?"


def test_hangup_response_says_goodbye_and_ends_the_call():
    twiml = Twiml.parse(hangup_response(["Tot ziens."], SETTINGS))
    assert twiml.said == "Tot ziens." and twiml.hangs_up and twiml.gather is None
    assert all(say.get("language") == "nl-NL" for say in twiml.says)


@pytest.mark.parametrize("voice", DUTCH_VOICES)
def test_the_three_dutch_polly_voices_are_accepted(voice):
    assert VoiceSettings(action_url="/x", voice=voice).voice == voice


@pytest.mark.parametrize("changes", [
    {"voice": "Polly.Reuben"},  # misspelt in Rasa 3.6's list; Polly's Dutch male voice is Ruben
    {"voice": "woman"},
    {"voice": "Polly.Joanna"},
    {"language": "en-US"},
    {"speech_timeout": "soon"},
    {"timeout": 0},
    {"speech_model": "best"},
    {"action_url": "javascript:alert(1)"},
])
def test_settings_that_would_not_speak_dutch_or_that_twilio_rejects_fail_at_start(changes):
    with pytest.raises(VoiceConfigError):
        VoiceSettings(**{"action_url": "/x", **changes})


def test_optional_speech_model_is_passed_on():
    settings = VoiceSettings(action_url="/x", speech_model="phone_call")
    twiml = Twiml.parse(turn_response(SpokenTurn(parts=(), prompt="Vraag?"), settings))
    assert twiml.gather.get("speechModel") == "phone_call"
