"""bot.turn.regio: when the region takes the turn, what is remembered, regional lines."""
from pathlib import Path

import pytest

from bot.content.loader import ContentLibrary
from bot.turn.regio import PENDING_CHOICE, PENDING_PLACE, RegionInput, add_regional_lines, plan_region, resolve
from bot.regio.directory import RegionDirectory
from bot.turn.replies import Reply

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def lib():
    return ContentLibrary(REPO / "content" / "antwoorden")


@pytest.fixture(scope="module")
def directory():
    return RegionDirectory(REPO / "content" / "regio")


def plan(lib, directory, intent, text="", **kw):
    return plan_region(RegionInput(intent=intent, text=text, **kw), lib, directory)


def test_contact_question_without_place_asks_one_question(lib, directory):
    step = plan(lib, directory, "vraag_contact", "wie kan ik bellen")
    assert step.takes_turn and step.pending == PENDING_PLACE and step.gemeente is None
    assert step.answered == ("vraag_contact",)
    assert "postcode" in step.replies[0].text and step.replies[0].buttons[0].title == "Liever niet zeggen"


def test_contact_question_with_known_place_gives_contacts(lib, directory):
    step = plan(lib, directory, "vraag_contact", "wie kan ik bellen", gemeente="GM0479")
    assert step.replies[0].text.startswith("In Zaanstad kunt u terecht bij:") and step.pending is None


def test_contact_question_with_place_inside(lib, directory):
    step = plan(lib, directory, "vraag_contact", "welk samenwerkingsverband hoort bij Deventer")
    assert step.gemeente == "GM0150" and step.replies[0].text.startswith("In Deventer")


def test_answer_to_the_place_question_gives_contacts(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "Zaandam", pending=PENDING_PLACE)
    assert step.gemeente == "GM0479" and step.pending is None
    assert step.replies[0].text.startswith("In Zaanstad kunt u terecht bij:")


def test_bare_postcode_after_the_question(lib, directory):
    step = plan(lib, directory, "nlu_fallback", "9712", pending=PENDING_PLACE)
    assert step.takes_turn and step.gemeente == "GM0014"
    assert step.replies[0].text.startswith("In Groningen")


def test_typo_after_the_question(lib, directory):
    step = plan(lib, directory, "buiten_scope", "Amstrdam", pending=PENDING_PLACE)
    assert step.gemeente == "GM0363"


def test_naming_a_place_unasked_confirms_with_a_button(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "ik woon in Zaandam")
    assert step.gemeente == "GM0479"
    assert "Ik onthoud dat u in Zaanstad woont." in step.replies[0].text
    assert step.replies[0].buttons[0].payload == "/vraag_contact"


def test_correction_confirms_and_gives_new_contacts(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "nee, ik bedoel Deventer", gemeente="GM0479")
    assert step.gemeente == "GM0150"
    assert "Deventer" in step.replies[0].text and step.replies[1].text.startswith("In Deventer")


def test_ambiguous_place_asks_and_the_button_choice_resolves(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "Bergen")
    assert step.pending == "keuze:GM0373,GM0893" and step.gemeente is None
    assert [b.title for b in step.replies[0].buttons] == ["Bergen (Noord-Holland)", "Bergen (Limburg)"]
    chosen = plan(lib, directory, "woonplaats_noemen", "", place_entities=("GM0893",), pending=step.pending)
    assert chosen.gemeente == "GM0893" and chosen.replies[0].text.startswith("In Bergen (Limburg)")


def test_skip_button_and_typed_skip_give_national_contacts(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "", place_entities=("geen",), pending=PENDING_PLACE)
    assert step.pending is None and "Ouders & Onderwijs" in step.replies[0].text
    typed = plan(lib, directory, "nlu_fallback", "zeg ik liever niet", pending=PENDING_PLACE)
    assert typed.takes_turn and typed.answered == ("regio_landelijk",)


def test_not_recognised_asks_again(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "ik woon in Parijs", pending=PENDING_PLACE)
    assert step.answered == ("regio_niet_herkend",) and step.pending == PENDING_PLACE
    fallback = plan(lib, directory, "nlu_fallback", "asdfgh", pending=PENDING_PLACE)
    assert fallback.answered == ("regio_niet_herkend",)


def test_place_inside_a_story_is_remembered_without_taking_the_turn(lib, directory):
    step = plan(lib, directory, "situatie_thuiszitten",
                "wij wonen in Zaandam en onze zoon zit al 8 weken thuis, niemand doet iets")
    assert not step.takes_turn and step.gemeente == "GM0479"


def test_other_topic_after_the_question_clears_it_and_keeps_the_place(lib, directory):
    step = plan(lib, directory, "vraag_opp", "wat is een opp eigenlijk", gemeente="GM0150", pending=PENDING_PLACE)
    assert not step.takes_turn and step.pending is None and step.gemeente == "GM0150"


def test_short_place_message_misread_as_small_talk(lib, directory):
    assert plan(lib, directory, "groet", "Den Helder").gemeente == "GM0400"
    assert not plan(lib, directory, "groet", "hallo").takes_turn


def test_safety_is_never_taken_over(lib, directory):
    step = plan(lib, directory, "veiligheid", "ik woon in Zaandam en mijn vader slaat me")
    assert not step.takes_turn and step.gemeente == "GM0479"


def test_first_turn_gets_the_honest_intro(lib, directory):
    step = plan(lib, directory, "vraag_contact", "wie kan ik bellen", first_bot_turn=True)
    assert step.answered == ("kennismaking", "vraag_contact")
    assert "computerprogramma" in step.replies[0].text


def test_unknown_code_in_payload_is_not_remembered(lib, directory):
    res, skipped = resolve(RegionInput(intent="woonplaats_noemen", place_entities=("GM9999",)))
    assert res.gm_code == "GM9999" and not skipped
    step = plan(lib, directory, "woonplaats_noemen", "", place_entities=("GM9999",))
    assert step.gemeente is None


def test_regional_lines_follow_region_dependent_answers(directory):
    replies = (Reply("Nationaal antwoord.", answer_id="vraag_jeugdhulp"), Reply("OPP.", answer_id="vraag_opp"))
    out = add_regional_lines(replies, "GM0479", "ouder", directory)
    assert [r.answer_id for r in out] == ["vraag_jeugdhulp", "regio:vraag_jeugdhulp", "vraag_opp"]
    assert out[0].text == "Nationaal antwoord." and out[1].text.startswith("In Zaanstad")
    assert add_regional_lines(replies, None, "ouder", directory) == replies


@pytest.mark.parametrize("answer, expected", [
    ("die in Limburg", "GM0893"),
    ("noord-holland", "GM0373"),
    ("de eerste", "GM0373"),
    ("de tweede graag", "GM0893"),
    ("nee, ik woon in Venlo", "GM0983"),
])
def test_typed_answer_to_the_ambiguity_question(lib, directory, answer, expected):
    step = plan(lib, directory, "nlu_fallback", answer, pending="keuze:GM0373,GM0893")
    assert step.takes_turn and step.gemeente == expected


def test_unclear_answer_to_the_ambiguity_question_asks_again(lib, directory):
    step = plan(lib, directory, "nlu_fallback", "weet ik veel", pending="keuze:GM0373,GM0893")
    assert step.answered == ("regio_niet_herkend",) and step.gemeente is None


def test_unknown_word_read_as_a_place_leaves_the_turn_to_the_fallback(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "asdfkj")
    assert not step.takes_turn
    cued = plan(lib, directory, "woonplaats_noemen", "wij wonen in Parijs")
    assert cued.answered == ("regio_niet_herkend",)


# --- an uncertain typo is a suggestion: "Bedoelt u ...?" with Ja/Nee (issue 16 item 5) -----------

def test_uncertain_typo_asks_yes_or_no(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "ik woon in nimwegen")
    assert step.takes_turn and step.gemeente is None and step.pending == "keuze:GM0268"
    assert step.replies[0].text.startswith("Bedoelt u de gemeente Nijmegen?")
    assert [(b.title, b.payload) for b in step.replies[0].buttons] == [
        ("Ja", '/woonplaats_noemen{"plaats": "GM0268"}'), ("Nee", "/woonplaats_noemen")]
    young = plan(lib, directory, "woonplaats_noemen", "ik woon in builenpest", variant="jongere")
    assert young.replies[0].text.startswith("Bedoel je Buitenpost, gemeente Achtkarspelen?")


@pytest.mark.parametrize("answer", ["ja", "Ja!", "klopt", "ja, dat klopt"])
def test_typed_yes_takes_the_suggestion(lib, directory, answer):
    step = plan(lib, directory, "bevestigen", answer, pending="keuze:GM0268")
    assert step.takes_turn and step.gemeente == "GM0268"


def test_yes_button_takes_the_suggestion(lib, directory):
    step = plan(lib, directory, "woonplaats_noemen", "", place_entities=("GM0268",), pending="keuze:GM0268")
    assert step.gemeente == "GM0268" and step.answered == ("regio_contacten",)


@pytest.mark.parametrize("intent,answer", [("ontkennen", "nee"), ("ontkennen", "Nee, dat klopt niet"),
                                           ("woonplaats_noemen", "")])
def test_no_asks_for_the_place(lib, directory, intent, answer):
    step = plan(lib, directory, intent, answer, pending="keuze:GM0268")
    assert step.takes_turn and step.gemeente is None
    assert step.pending == PENDING_PLACE and step.answered == ("vraag_contact",)


def test_yes_and_no_words_do_not_choose_between_several_places(lib, directory):
    step = plan(lib, directory, "bevestigen", "ja", pending="keuze:GM0373,GM0893")
    assert step.gemeente is None


def test_suggestion_inside_a_story_is_not_remembered(lib, directory):
    step = plan(lib, directory, "situatie_thuiszitten", "we wonen in nimwegen en mijn zoon zit al weken thuis")
    assert not step.takes_turn and step.gemeente is None
