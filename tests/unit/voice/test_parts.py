"""bot.voice.parts and bot.voice.more: long answers in parts of at most 80 words, "verder" for the
next part, "herhaal" for the part just said, one question per turn; through the real call flow
against a scripted assistant (the real assistant is tested in tests/integration/voice/)."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.voice.call_flow import CallFlow
from bot.voice.more import is_more_request
from bot.voice.parts import MAX_WORDS, part_so_far, split_turn, turn_words, word_count
from bot.voice.request_check import CallRequest, parse_call
from bot.voice.speech_text import SpokenTurn, sentences, speak_turn, split_question
from bot.voice.texts import load_texts
from bot.voice.twiml import VoiceSettings
from test_call_flow import SID, ScriptedAssistant
from twiml_helpers import Twiml

SETTINGS = VoiceSettings(action_url="/webhooks/twilio_voice_nl/webhook")
MORE = load_texts().verder
LONG = " ".join(f"Dit is zin nummer {n} van een lang antwoord over school en thuis zitten." for n in range(1, 31))


def words_said(twiml: Twiml) -> int:
    return sum(word_count(say.text or "") for say in twiml.says)


def part_of(twiml: Twiml):
    values = parse_qs(urlsplit(twiml.gather.get("action")).query).get("deel")
    return int(values[0]) if values else None


# --- split_turn --------------------------------------------------------------------------------


def test_a_short_turn_stays_one_turn():
    turn = SpokenTurn(parts=("Kort antwoord.",), prompt="Wat wilt u nog weten?")
    assert split_turn(turn, MORE) == [turn]


def test_a_long_turn_is_cut_at_sentences_into_parts_of_at_most_80_words():
    turn = SpokenTurn(parts=("Eerste bericht.", LONG), prompt="Zeg: ja, of: nee. Wilt u dat?", own_question=True)
    pages = split_turn(turn, MORE)
    assert len(pages) >= 5
    for page in pages:
        assert turn_words(page) <= MAX_WORDS, page
        assert all(p.endswith(".") for p in page.parts)  # whole sentences only
    assert [p.prompt for p in pages[:-1]] == [MORE] * (len(pages) - 1)
    assert pages[-1].prompt == turn.prompt and pages[-1].own_question
    assert not any(p.own_question for p in pages[:-1])  # the question only once, at the end
    said = [s for page in pages for part in page.parts for s in sentences(part)]
    assert said == [s for part in turn.parts for s in sentences(part)]  # nothing lost, nothing twice


def test_a_sentence_longer_than_a_part_is_cut_at_commas_and_words():
    sentence = ", ".join(["een heel lange opsomming van dingen"] * 40) + "."
    pages = split_turn(SpokenTurn(parts=(sentence,), prompt="Vraag?"), MORE)
    assert len(pages) > 1 and all(turn_words(p) <= MAX_WORDS for p in pages)
    assert " ".join(" ".join(p.parts) for p in pages).split() == sentence.split()


@pytest.mark.parametrize("value,expected", [(None, None), ("0", 0), ("3", 3), ("-1", None), ("x", None),
                                            ("1e3", None), ("999", None), (" 2 ", 2), ("99", 29)])
def test_the_part_in_the_url_is_read_fail_closed(value, expected):
    assert part_so_far(value) == expected


def test_parse_call_reads_the_part():
    form = {"CallSid": SID, "CallStatus": "in-progress"}
    assert parse_call(form, {"stil": "0", "deel": "2"}).part == 2
    assert parse_call(form, {"stil": "0"}).part is None
    assert parse_call(form, {"deel": "<script>"}).part is None


# --- "verder" ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["verder", "Verder.", "ga door", "ga maar door", "meer", "nog meer",
                                  "ja graag verder", "vertel meer", "volgende deel", "ehm verder alstublieft"])
def test_more_requests(text):
    assert is_more_request(text)


@pytest.mark.parametrize("text", ["", "ja", "nee", "herhaal", "ik wil verder met school",
                                  "mijn zoon wil niet meer naar school", "meer over de leerplicht",
                                  "verder wil ik niet meer leven", "ik wil niet meer"])
def test_not_more_requests(text):
    assert not is_more_request(text)


# --- one question per turn ---------------------------------------------------------------------


def test_two_questions_in_a_row_become_one():
    assert split_question("Bent u ouder? Of bent u een jongere? Of doet u dit voor uw werk?") == (
        "", "Bent u ouder, of bent u een jongere, of doet u dit voor uw werk?")
    assert split_question("Dat is lastig. Heeft u gebeld? Wat wilt u weten?") == ("Dat is lastig.", "Wat wilt u weten?")
    turn = speak_turn([{"text": "Uitleg. Heeft u al gebeld? Zal ik dat doen?"}], "Wat wilt u nog weten?")
    spoken = " ".join((*turn.parts, turn.prompt))
    assert spoken.count("?") == 1 and turn.prompt == "Zal ik dat doen?"


# --- through the call flow ---------------------------------------------------------------------


SCRIPT = {
    "/groet": ("groet", 1.0, [{"text": "Hallo, ik ben een computerprogramma. Waar kan ik u mee helpen?"}]),
    "lang": ("vraag_aanmelden", 0.9, [{"text": LONG + " Wilt u meer weten over de leerplicht?",
                                       "buttons": [{"title": "Ja", "payload": "/bevestigen"},
                                                   {"title": "Nee", "payload": "/ontkennen"}]}]),
    "kort": ("bedankt", 0.9, [{"text": "Graag gedaan."}]),
    "verder": ("nlu_fallback", 0.3, [{"text": "Dat begreep ik niet."}]),
}


def call(speech="", part=None, silences=0, status="in-progress"):
    return CallRequest(call_sid=SID, speech=speech, call_status=status, silences=silences, part=part)


async def test_a_long_answer_is_said_in_parts_with_verder():
    assistant, flow = ScriptedAssistant(SCRIPT), CallFlow(SETTINGS, load_texts())
    await flow.handle(call(status="ringing"), assistant)

    first = Twiml.parse((await flow.handle(call("lang"), assistant)).twiml)
    assert words_said(first) <= MAX_WORDS and first.prompt == MORE and part_of(first) == 0
    assert "?" not in first.said

    heard, twiml, seen = [first], first, 1
    while twiml.prompt == MORE:
        twiml = Twiml.parse((await flow.handle(call("verder", part=part_of(twiml)), assistant)).twiml)
        assert words_said(twiml) <= MAX_WORDS
        assert part_of(twiml) == seen
        heard.append(twiml)
        seen += 1
    assert len(assistant.sent) == 2  # "verder" never reached the assistant
    last = heard[-1]
    assert last.prompt == "Zeg: ja, of: nee. Wilt u meer weten over de leerplicht?"
    assert " ".join(t.before_gather for t in heard).split() == LONG.split()

    again = Twiml.parse((await flow.handle(call("herhaal", part=1), assistant)).twiml)
    assert again.said == heard[1].said and part_of(again) == 1  # the part just said, not the whole answer

    silent = Twiml.parse((await flow.handle(call(part=1), assistant)).twiml)
    assert part_of(silent) == 1  # a silence keeps the place in the answer

    done = Twiml.parse((await flow.handle(call("verder", part=part_of(last)), assistant)).twiml)
    assert done.before_gather == load_texts().verder_einde and done.prompt == last.prompt


async def test_a_short_answer_carries_no_part_and_verder_then_goes_to_the_assistant():
    assistant, flow = ScriptedAssistant(SCRIPT), CallFlow(SETTINGS, load_texts())
    short = Twiml.parse((await flow.handle(call("kort"), assistant)).twiml)
    assert part_of(short) is None and not re.search(r"deel=", short.gather.get("action"))
    await flow.handle(call("verder"), assistant)
    assert assistant.sent[-1][1] == "verder"  # not in parts: the words are an ordinary message


def test_a_sentence_is_said_once_per_turn():
    turn = speak_turn([{"text": "Ik hoorde geen telefoonnummer. Zeg de cijfers een voor een."},
                       {"text": "Zeg de cijfers een voor een. Op welk nummer kan het contactpunt u bellen?"}],
                      "Wat wilt u nog weten?")
    spoken = " ".join((*turn.parts, turn.prompt))
    assert spoken.count("Zeg de cijfers een voor een.") == 1
    assert turn.prompt == "Op welk nummer kan het contactpunt u bellen?"


def test_times_are_not_cut_as_sentences():
    assert sentences("Open van 9.30 tot 17.00 uur. Bel gerust.") == ["Open van 9.30 tot 17.00 uur.", "Bel gerust."]
    long = "Bel op werkdagen van 9.30 tot 17.00 uur. " * 12
    pages = split_turn(SpokenTurn(parts=(long.strip(),), prompt="Vraag?"), MORE)
    assert len(pages) > 1 and all("9.30 tot 17.00" in " ".join(p.parts) for p in pages)
