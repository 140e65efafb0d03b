"""Every answer as a caller hears it: each content/antwoorden spraak variant, the spoken step plan
for every situation of tests/unit/stappenplan/situaties.yml, and the help-request form's spoken texts
go through the phone's call flow (speak_turn, parts, TwiML); no turn says more than 80 words, "verder"
walks through the whole answer, and the caller never hears two questions in a row."""
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.content import contacts
from bot.content.check_other_texts import _variant_strings
from bot.content.loader import REPO_ROOT
from bot.stappenplan import build_plan, extract_situation, render_plan
from bot.voice.call_flow import CallFlow
from bot.voice.parts import MAX_WORDS, word_count
from bot.voice.request_check import CallRequest
from bot.voice.speech_text import sentences, speakable
from bot.voice.texts import load_texts
from bot.voice.twiml import VoiceSettings
from test_call_flow import SID, ScriptedAssistant
from test_parts import part_of
from twiml_helpers import Twiml

SETTINGS = VoiceSettings(action_url="/webhooks/twilio_voice_nl/webhook")
ANSWERS = sorted((REPO_ROOT / "content" / "antwoorden").glob("*.yml"))
TABLE = yaml.safe_load((REPO_ROOT / "tests" / "unit" / "stappenplan" / "situaties.yml").read_text(encoding="utf-8"))
HULPVRAAG = [(f"{where}", text) for path in sorted((REPO_ROOT / "content" / "hulpvraag").glob("*.yml"))
             for where, variant, text in _variant_strings(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)
             if variant == "spraak"]


def _buttons(data: dict) -> list[dict]:
    titles = []
    for follow_up in data.get("vervolg") or []:
        other = REPO_ROOT / "content" / "antwoorden" / f"{follow_up}.yml"
        if other.exists():
            titles.append(yaml.safe_load(other.read_text(encoding="utf-8")).get("knop") or follow_up)
    return [{"title": t, "payload": "/x"} for t in titles]


async def hear_all(messages: list[dict]) -> list[Twiml]:
    """Says ``messages`` as the answer to a question, then "verder" until the answer is done."""
    assistant = ScriptedAssistant({"vraag": ("vraag", 0.9, messages)})
    flow = CallFlow(SETTINGS, load_texts())
    twiml = Twiml.parse((await flow.handle(CallRequest(SID, "vraag", "in-progress", 0), assistant)).twiml)
    heard = [twiml]
    while twiml.prompt == load_texts().verder:
        twiml = Twiml.parse((await flow.handle(
            CallRequest(SID, "verder", "in-progress", 0, part_of(twiml)), assistant)).twiml)
        heard.append(twiml)
        assert len(heard) < 20
    assert len(assistant.sent) == 1
    return heard


def assert_fits(heard: list[Twiml], text: str) -> None:
    for twiml in heard:
        said = sum(word_count(s.text or "") for s in twiml.says)
        assert said <= MAX_WORDS, (said, twiml.said)
        assert not twiml.before_gather.rstrip().endswith("?"), twiml.said  # one question, in <Gather>
        assert twiml.prompt.count("?") <= 1, twiml.prompt
    spoken = " ".join(t.said for t in heard)
    for sentence in sentences(speakable(text)):
        if not sentence.endswith("?"):
            assert sentence in spoken, sentence  # "verder" reaches every sentence


@pytest.mark.parametrize("path", ANSWERS, ids=[p.stem for p in ANSWERS])
async def test_every_answer_fits_on_the_phone(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = contacts.fill(data["tekst"]["spraak"], contacts.VOICE)
    assert_fits(await hear_all([{"text": text, "buttons": _buttons(data)}]), text)


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["naam"] for c in TABLE["cases"]])
async def test_every_spoken_step_plan_fits_on_the_phone(case: dict):
    today: date = TABLE["today"]
    plan = build_plan(extract_situation(case["tekst"], today), today, gemeente_code=case.get("gemeente"))
    text = render_plan(plan, "spraak")
    assert word_count(text) > 0
    assert_fits(await hear_all([{"text": text}]), text)


@pytest.mark.parametrize("where,text", HULPVRAAG, ids=[w for w, _ in HULPVRAAG])
async def test_every_spoken_help_request_text_fits_on_the_phone(where: str, text: str):
    text = contacts.fill(text, contacts.VOICE)
    assert_fits(await hear_all([{"text": text}]), text)


def test_the_step_plan_table_has_long_plans():
    """The walk above is not trivial: some spoken plans need several parts."""
    today: date = TABLE["today"]
    longest = max(word_count(render_plan(build_plan(extract_situation(c["tekst"], today), today,
                                                    gemeente_code=c.get("gemeente")), "spraak"))
                  for c in TABLE["cases"])
    assert longest > 2 * MAX_WORDS


def test_the_safety_answer_is_one_turn_with_every_number_in_it():
    """On any sign of danger the caller hears 112, Veilig Thuis, 113 and De Kindertelefoon at once,
    never after "verder"."""
    from bot.content.loader import ContentLibrary
    from bot.voice.parts import SpokenTurn, split_turn
    from bot.voice.texts import load_texts

    text = ContentLibrary().get("veiligheid").tekst["spraak"]
    pages = split_turn(SpokenTurn(parts=(text,), prompt=load_texts().standaardvraag), load_texts().verder)
    assert len(pages) == 1
    spoken = " ".join(pages[0].parts)
    for number in ("1 1 2", "0 8 0 0, 2 0 0 0", "1 1 3", "0 8 0 0, 0 4 3 2"):
        assert number in spoken
