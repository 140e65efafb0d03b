"""Real conversations over Rasa's REST channel with the trained model and the real action server."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
import yaml

from bot.content import contacts

pytestmark = pytest.mark.integration


def content_text(stack, answer_id: str, variant: str = "ouder") -> str:
    data = yaml.safe_load((Path(stack.content_dir) / f"{answer_id}.yml").read_text(encoding="utf-8"))
    # as the user gets it: contact keys filled in from the stack's copy of content/regio/landelijk.yml
    return contacts.fill(data["tekst"][variant], variant, Path(stack.regio_dir) / "landelijk.yml").strip()


def test_direct_question_gets_direct_answer_with_honest_intro(stack):
    sender = stack.new_sender()
    texts = stack.texts(sender, "wat houdt passend onderwijs in")
    assert "computerprogramma" in texts[0]
    assert any(content_text(stack, "vraag_passend_onderwijs") in t for t in texts)
    assert any("Bron:" in t and "Gecontroleerd op" in t for t in texts)


def test_intro_only_on_first_turn(stack):
    sender = stack.new_sender()
    stack.texts(sender, "hoi")
    texts = stack.texts(sender, "wat is een opp?")
    assert not any(content_text(stack, "kennismaking") in t for t in texts)
    assert any(content_text(stack, "vraag_opp") in t for t in texts)


def test_safety_comes_first_even_inside_a_school_question(stack):
    sender = stack.new_sender()
    texts = stack.texts(sender, "ik ga nie naar school want mn stiefvader slaat me")
    assert "112" in texts[0]
    assert "0800-2000" in texts[0]
    assert "0800-0432" in texts[0]


@pytest.mark.parametrize("message", [
    "ik wil dood",
    "soms denk ik erover om een einde aan mn leven te maken",
    "mijn dochter snijdt zichzelf en zit al weken thuis",
])
def test_self_harm_and_suicide_get_113(stack, message):
    texts = stack.texts(stack.new_sender(), message)
    assert "113" in texts[0] and "0800-0113" in texts[0]


def test_young_person_gets_youth_variant(stack):
    sender = stack.new_sender()
    texts = stack.texts(sender, "mag school mij zomaar naar huis sturen als ik boos word? ben 14")
    # sent home without a formal schorsing: its own topic since issue 16
    assert any(content_text(stack, "naar_huis_gestuurd", "jongere") in t for t in texts)


def test_widget_metadata_chooses_youth_variant(stack):
    texts = stack.texts(stack.new_sender(), "wat is een tlv", metadata={"doelgroep": "jongere"})
    assert any(content_text(stack, "vraag_tlv", "jongere") in t for t in texts)


def test_voice_metadata_gives_voice_safe_text(stack):
    texts = stack.texts(stack.new_sender(), "wat is een tlv", metadata={"spraak": True})
    joined = " ".join(texts)
    assert content_text(stack, "vraag_tlv", "spraak") in joined
    assert "http" not in joined and "Bron:" not in joined


def test_english_gets_english_reply(stack):
    texts = stack.texts(stack.new_sender(), "Hello, my son has not been to school for weeks, can you help me?")
    data = yaml.safe_load((Path(stack.content_dir) / "andere_taal.yml").read_text(encoding="utf-8"))
    assert any(data["tekst"]["engels"].strip() in t for t in texts)


def test_out_of_scope_is_not_answered(stack):
    texts = stack.texts(stack.new_sender(), "wanneer wordt het groene afval opgehaald")
    assert any(content_text(stack, "buiten_scope") in t for t in texts)


def test_nonsense_gets_clarifying_reply_with_suggestions(stack):
    replies = stack.say(stack.new_sender(), "sdfkjh qwpeoi zxmcnv")
    assert any(content_text(stack, "nlu_fallback") in r.get("text", "") for r in replies)
    assert any(r.get("buttons") for r in replies)


def test_buttons_lead_to_answers(stack):
    sender = stack.new_sender()
    replies = stack.say(sender, "wat is een schorsing")
    buttons = [b for r in replies for b in (r.get("buttons") or [])]
    assert buttons, "een antwoord biedt vervolgonderwerpen aan"
    follow = stack.texts(sender, buttons[0]["payload"])
    target = buttons[0]["payload"].lstrip("/")
    assert any(content_text(stack, target) in t for t in follow)


@pytest.mark.parametrize("message", ["<script>alert(1)</script>", "/nonexistent_intent", "{\"a\": 1}"])
def test_hostile_input_never_crashes(stack, message):
    assert isinstance(stack.say(stack.new_sender(), message), list)


@pytest.mark.parametrize("message, code", [("", "leeg"), ("   ", "leeg"), ("x" * 10000, "te_lang")])
def test_empty_or_too_long_input_gets_a_friendly_400(stack, message, code):
    r = requests.post(f"{stack.rasa_url}/webhooks/rest/webhook",
                      json={"sender": stack.new_sender(), "message": message}, timeout=30)
    assert r.status_code == 400
    assert r.json()["fout"] == code and r.json()["tekst"]


def test_content_edit_is_live_without_retraining(stack):
    path = Path(stack.content_dir) / "vraag_inspectie.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    marker = "Deze tekst is net aangepast door de redactie."
    data["tekst"]["ouder"] = data["tekst"]["ouder"] + " " + marker
    time.sleep(1.1)  # mtime granularity
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    time.sleep(1.1)  # the library checks for changes at most once a second
    texts = stack.texts(stack.new_sender(), "hoe meld ik iets bij de onderwijsinspectie")
    assert any(marker in t for t in texts)


def test_a_follow_up_is_answered_about_the_previous_topic(stack):
    """Issue 16: "en hoe lang mag dat duren?" after the answer about schorsing is about schorsing."""
    sender = stack.new_sender()
    stack.texts(sender, "mag school mijn kind zomaar schorsen?")
    texts = stack.texts(sender, "en hoe lang mag dat dan duren?")
    assert texts[0].startswith("Over schorsing weet ik dit.")
    assert "een week" in texts[0] and "Bron:" in texts[0]
    # a new question is a new topic, and the next follow-up is about that one
    stack.texts(sender, "wat is een tlv")
    texts = stack.texts(sender, "wie beslist daarover?")
    assert texts[0].startswith("Over de TLV weet ik dit.")


def test_a_follow_up_may_name_who_refuses(stack):
    """Issue 16: "en als het samenwerkingsverband nee zegt?" after the TLV is about the TLV (bezwaar), not an
    explanation of what a samenwerkingsverband is (seen in Chromium, session 17)."""
    sender = stack.new_sender()
    stack.texts(sender, "wat is een tlv")
    texts = stack.texts(sender, "en als het samenwerkingsverband nee zegt?")
    assert texts[0].startswith("Over de TLV weet ik dit."), texts
    assert "bezwaar" in texts[0]


def test_a_follow_up_that_reads_like_a_story_is_still_about_the_previous_answer(stack):
    """After a waiting-list story that says how long the child is at home, "Hoe lang duurt dat dan
    meestal? <more story>" is read as a story by the classifier; it is answered about the waiting list,
    not with the step plan's first question (found in Chromium, session 13)."""
    sender = stack.new_sender()
    first = stack.texts(sender, "onze dochter van 14 staat sinds de zomer op de wachtlijst voor de ggz en zit nu al "
                                "9 weken thuis, school stuurt alleen af en toe wat huiswerk. mag dat zomaar?")
    assert any("9 weken" in t for t in first)
    texts = stack.texts(sender, "Hoe lang duurt dat dan meestal? Ze zeiden tegen ons misschien een half jaar, maar "
                                "ik weet echt niet hoe ik dat thuis moet volhouden met mijn werk erbij.")
    assert texts and texts[0].startswith("Over wachtlijsten"), texts
    assert not any("Wat heeft u al gedaan" in t for t in texts), texts


def test_a_follow_up_without_an_earlier_topic_asks_what_it_is_about(stack):
    sender = stack.new_sender()
    texts = stack.texts(sender, "hoe lang duurt dat?")
    assert any("Waar gaat uw vraag over?" in t for t in texts)


def test_a_changed_number_is_live_in_every_variant(stack):
    """One source for every number (issue 17): one edit in landelijk.yml changes the answer for parents,
    young people and the phone, over the real servers, without retraining or restarting."""
    path = Path(stack.regio_dir) / "landelijk.yml"
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["organisaties"]["ouders_onderwijs"]["telefoon"] = "0800-1234"  # a test value, never shown to users
    try:
        time.sleep(1.1)  # mtime granularity
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        time.sleep(1.1)  # the libraries check for changes at most once a second
        parent = "\n".join(stack.texts(stack.new_sender(), "/vraag_ouders_onderwijs"))
        young = "\n".join(stack.texts(stack.new_sender(), "/vraag_ouders_onderwijs", {"doelgroep": "jongere"}))
        spoken = "\n".join(stack.texts(stack.new_sender(), "/vraag_ouders_onderwijs", {"spraak": True}))
        assert "0800-1234" in parent and "0800-5010" not in parent
        assert "0800-1234" in young and "0800-5010" not in young
        assert "0 8 0 0, 1 2 3 4" in spoken and "0 8 0 0, 5 0 1 0" not in spoken
    finally:
        time.sleep(1.1)
        path.write_text(original, encoding="utf-8")
        time.sleep(1.1)
    assert "0800-5010" in "\n".join(stack.texts(stack.new_sender(), "/vraag_ouders_onderwijs"))


def test_two_questions_in_a_story_get_both_answers(stack):
    """Issue 16, two questions in one: the second question names no topic word and the whole message's
    runner-up topic is far below it; classified on its own (bot.nlu.question_topics) it is answered too."""
    sender = stack.new_sender()
    texts = stack.texts(sender, "Mijn dochter wordt al maanden gepest en zit nu thuis. Ze huilt elke ochtend en "
                                "slaapt slecht. Wat moet de school doen tegen het pesten? En krijgen wij een boete "
                                "als ze thuisblijft?")
    assert any(content_text(stack, "oorzaak_pesten") in t for t in texts), texts
    assert any(content_text(stack, "vraag_leerplichtambtenaar") in t for t in texts), texts
