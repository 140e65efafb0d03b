"""The offer to send a help request, and reading yes/no/withdrawal answers (plain Python)."""
import asyncio
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import content_library
from actions.turn import ActionAnswer
from bot.content.loader import ContentLibrary
from bot.turn.hulpvraag_aanbod import OFFER_SLOT_VALUE, offer_reply, reading_of_answer, wants_offer
from bot.turn.hulpvraag_intrekken import find_reference, pending_withdrawal
from bot.turn.plan import button_titles

CONTENT = Path(__file__).resolve().parents[3] / "content" / "antwoorden"


@pytest.mark.parametrize("answered, expected", [
    (("mens_spreken",), True),
    (("kennismaking", "mens_spreken"), True),
    (("vraag_escalatie",), True),
    (("vraag_contact",), True),
    (("vraag_tlv",), False),
    (("groet",), False),
    (("veiligheid", "mens_spreken"), False),  # never a form right after an emergency message
    (("veiligheid_zekerheid", "mens_spreken"), False),  # ...also when only a classifier read danger
    ((), False),
])
def test_wants_offer(answered, expected):
    assert wants_offer(answered) is expected


def test_no_offer_inside_the_form():
    assert wants_offer(("mens_spreken",), already_in_form=True) is False


@pytest.mark.parametrize("intent, pending, expected", [
    ("bevestigen", OFFER_SLOT_VALUE, "start"),
    ("ontkennen", OFFER_SLOT_VALUE, "afgeslagen"),
    ("bevestigen", None, "gewoon"),
    ("ontkennen", None, "gewoon"),
    ("vraag_tlv", OFFER_SLOT_VALUE, "gewoon"),
])
def test_reading_of_answer(intent, pending, expected):
    assert reading_of_answer(intent, pending) == expected


@pytest.mark.parametrize("variant", ["ouder", "jongere", "spraak"])
def test_offer_reply_has_yes_and_no(variant):
    library = ContentLibrary(CONTENT)
    reply = offer_reply(library, variant, button_titles(library))
    assert reply is not None and "?" in reply.text
    if variant == "spraak":
        assert reply.buttons == ()
    else:
        assert [b.payload for b in reply.buttons] == ["/hulpvraag_starten", "/ontkennen"]


@pytest.mark.parametrize("text, expected", [
    ("trek WW-7K3F-9Q2M in", "WW-7K3F-9Q2M"),
    ("ww-7k3f-9q2m intrekken", "WW-7K3F-9Q2M"),
    ("nummer ww 7k3f 9q2m", "WW-7K3F-9Q2M"),
    ("WW7K3F9Q2M", "WW-7K3F-9Q2M"),
    ("mijn referentie is: WW-ABCD-2345.", "WW-ABCD-2345"),
    ("ik wil mijn hulpvraag intrekken", None),
    ("XWW-7K3F-9Q2M", None),
    ("WW-7K3F-9Q2MX", None),
    ("", None),
])
def test_find_reference(text, expected):
    assert find_reference(text) == expected


def test_pending_withdrawal_only_when_unambiguous():
    assert pending_withdrawal(["WW-AAAA-BBBB"]) == "WW-AAAA-BBBB"
    assert pending_withdrawal(["WW-AAAA-BBBB", "WW-AAAA-BBBB"]) == "WW-AAAA-BBBB"
    assert pending_withdrawal(["WW-AAAA-BBBB", "WW-CCCC-DDDD"]) is None
    assert pending_withdrawal([]) is None


@pytest.fixture
def real_content(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_CONTENT_DIR", str(CONTENT))
    content_library.library.cache_clear()
    yield
    content_library.library.cache_clear()


def _tracker(text, intent, slots=None):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "intent_ranking": [],
              "entities": [], "metadata": {}}
    events = [{"event": "session_started"}, {"event": "action", "name": "action_listen"},
              {"event": "bot", "text": "eerder"},
              {"event": "user", "text": text, "input_channel": "rest", "parse_data": latest}]
    return Tracker("s1", {"doelgroep": "ouder", **(slots or {})}, latest, events, False, None, {}, "action_listen")


def _run(action, trk):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_answer_to_wanting_a_person_ends_with_the_offer(real_content):
    messages, slots = _run(ActionAnswer(), _tracker("kan iemand mij bellen", "mens_spreken"))
    assert "0800-5010" in messages[0]["text"]
    assert not messages[0].get("buttons")  # only the offer's yes/no buttons remain
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/hulpvraag_starten", "/ontkennen"]
    assert slots["aanbod"] == OFFER_SLOT_VALUE


def test_offer_lapses_on_another_question(real_content):
    messages, slots = _run(ActionAnswer(), _tracker("wat is een tlv", "vraag_tlv", {"aanbod": OFFER_SLOT_VALUE}))
    assert slots["aanbod"] is None
    assert all("/hulpvraag_starten" not in str(m.get("buttons")) for m in messages)
