"""bot.turn.plan: which answers one user message gets, in which order and variant."""
from pathlib import Path

import pytest

from bot.content.loader import ContentLibrary
from bot.turn.plan import TurnInput, plan_turn

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "content"


@pytest.fixture(scope="module")
def library():
    return ContentLibrary(FIXTURES)


def ids(plan):
    return [reply.answer_id for reply in plan.replies]


def test_direct_question_on_first_turn_gets_intro_then_answer(library):
    plan = plan_turn(TurnInput(intent="vraag_opp", text="wat is een opp", first_bot_turn=True), library)
    assert ids(plan) == ["kennismaking", "vraag_opp"]


def test_later_turns_have_no_intro(library):
    plan = plan_turn(TurnInput(intent="vraag_opp", text="wat is een opp"), library)
    assert ids(plan) == ["vraag_opp"]


def test_greeting_introduces_itself_no_double_intro(library):
    plan = plan_turn(TurnInput(intent="groet", text="hoi", first_bot_turn=True), library)
    assert ids(plan) == ["groet"]


def test_danger_in_text_overrides_any_intent_and_comes_first(library):
    turn = TurnInput(intent="vraag_schorsing", text="ik ben geschorst en thuis slaat mijn vader me",
                     intent_ranking=(("vraag_schorsing", 0.8),), first_bot_turn=True)
    plan = plan_turn(turn, library)
    assert ids(plan)[0] == "veiligheid"
    assert "vraag_schorsing" in ids(plan)


def test_pattern_confirmed_danger_without_clear_school_question_gives_only_safety(library):
    turn = TurnInput(intent="veiligheid", text="ik wil dood", intent_ranking=(("veiligheid", 0.9), ("vraag_opp", 0.1)))
    assert ids(plan_turn(turn, library)) == ["veiligheid"]


def test_danger_with_a_named_cause_answers_that_cause_after_safety():
    # hit by classmates: the safety message first, then bullying, though the classifier is unsure
    turn = TurnInput(intent="veiligheid", text="ze pesten mijn zoon op school en ze slaan hem elke pauze, wat nu",
                     intent_ranking=(("veiligheid", 0.7), ("oorzaak_pesten", 0.2), ("vraag_opp", 0.1)))
    assert ids(plan_turn(turn, ContentLibrary())) == ["veiligheid", "oorzaak_pesten"]


def test_danger_without_a_named_cause_still_gives_only_safety():
    turn = TurnInput(intent="veiligheid", text="mijn vader slaat me als ik thuis ben",
                     intent_ranking=(("veiligheid", 0.9), ("oorzaak_pesten", 0.05)))
    assert ids(plan_turn(turn, ContentLibrary())) == ["veiligheid"]


def test_classifier_only_safety_still_first_but_school_topic_answered(library):
    turn = TurnInput(intent="veiligheid", text="vanaf wanneer moet mijn zusje naar school",
                     intent_ranking=(("veiligheid", 0.8), ("vraag_opp", 0.1)))
    # session 15: the same numbers, with an opening that says why they come (veiligheid_zekerheid; this
    # fixture library has no such text, so the plain safety message stands in for it)
    assert plan_turn(turn, library).answered == ("veiligheid_zekerheid", "vraag_opp")
    assert ids(plan_turn(turn, library)) == ["veiligheid", "vraag_opp"]


@pytest.fixture(scope="module")
def real_library():
    return ContentLibrary()


@pytest.mark.parametrize("text, audience, words", [
    ("mijn zoon zegt dat we beter af zijn zonder hem, wat nu", None, "uw bericht"),
    ("ik zit al weken op mn kamer en praat met niemand", "jongere", "je bericht"),
])
def test_only_a_classifier_saw_danger_the_numbers_come_with_why(real_library, text, audience, words):
    turn = TurnInput(intent="veiligheid", text=text, intent_ranking=(("veiligheid", 0.4),), audience_slot=audience)
    plan = plan_turn(turn, real_library)
    first = plan.replies[0].text
    assert plan.answered[0] == "veiligheid_zekerheid"
    assert "112" in first and "voor de zekerheid" in first and words in first
    assert "Lees ik het verkeerd?" in first


def test_a_danger_pattern_keeps_the_plain_safety_message(real_library):
    turn = TurnInput(intent="veiligheid", text="mijn vader slaat mij elke avond", intent_ranking=(("veiligheid", 0.9),))
    plan = plan_turn(turn, real_library)
    assert plan.answered[0] == "veiligheid"
    assert "voor de zekerheid" not in plan.replies[0].text and "112" in plan.replies[0].text


def test_without_the_unconfirmed_text_the_plain_safety_message_comes(library):
    # a deployment whose content lacks veiligheid_zekerheid still gives the numbers, never the fallback
    turn = TurnInput(intent="veiligheid", text="vanaf wanneer moet mijn zusje naar school",
                     intent_ranking=(("veiligheid", 0.8),))
    assert library.get("veiligheid_zekerheid") is None
    assert plan_turn(turn, library).replies[0].answer_id == "veiligheid"


def test_second_question_in_one_message_is_answered_too(library):
    turn = TurnInput(intent="vraag_opp", text="wat is een opp en kan ik bezwaar maken tegen een tlv",
                     intent_ranking=(("vraag_opp", 0.55), ("vraag_tlv", 0.35), ("groet", 0.05)))
    assert ids(plan_turn(turn, library)) == ["vraag_opp", "vraag_tlv"]


def test_short_message_gets_one_answer(library):
    turn = TurnInput(intent="vraag_opp", text="opp?", intent_ranking=(("vraag_opp", 0.5), ("vraag_tlv", 0.4)))
    assert ids(plan_turn(turn, library)) == ["vraag_opp"]


def test_youth_text_gets_youth_variant(library):
    turn = TurnInput(intent="vraag_opp", text="ik ben 14 en mn mentor zegt dat ik een opp krijg")
    plan = plan_turn(turn, library)
    assert plan.audience == "jongere"
    assert plan.replies[0].text.startswith("Jongere vraag_opp.")


def test_metadata_hint_wins_and_slot_is_remembered(library):
    assert plan_turn(TurnInput(intent="vraag_opp", audience_hint="jongere"), library).audience == "jongere"
    assert plan_turn(TurnInput(intent="vraag_opp", text="en een tlv?", audience_slot="jongere"), library).audience == "jongere"
    assert plan_turn(TurnInput(intent="vraag_opp", text="wat is dat"), library).audience == "ouder"


def test_voice_has_no_source_line_and_no_buttons(library):
    plan = plan_turn(TurnInput(intent="vraag_opp", voice=True), library)
    assert plan.replies[0].text == "Spraak vraag_opp."
    assert plan.replies[0].buttons == ()


def test_chat_answer_carries_source_and_dutch_check_date(library):
    reply = plan_turn(TurnInput(intent="vraag_opp"), library).replies[0]
    assert "Bron: Bron van vraag_opp. Gecontroleerd op 24 november 2026." in reply.text
    assert [b.payload for b in reply.buttons] == ["/vraag_tlv"]


def test_fallback_suggests_what_the_classifier_thought_possible(library):
    turn = TurnInput(intent="nlu_fallback", text="iets met school",
                     intent_ranking=(("vraag_schorsing", 0.3), ("vraag_tlv", 0.2), ("groet", 0.2)))
    reply = plan_turn(turn, library).replies[-1]
    assert [b.payload for b in reply.buttons] == ["/vraag_schorsing", "/vraag_tlv"]


def test_fallback_without_guesses_uses_default_suggestions(library):
    reply = plan_turn(TurnInput(intent="nlu_fallback", text="qwerty"), library).replies[-1]
    assert [b.payload for b in reply.buttons] == ["/vraag_opp", "/vraag_schorsing"]


def test_unknown_intent_falls_back_instead_of_crashing(library):
    plan = plan_turn(TurnInput(intent="bestaat_niet", text="x"), library)
    assert ids(plan) == ["nlu_fallback"]


def test_english_message_gets_english_reply_without_dutch_intro(library):
    turn = TurnInput(intent="andere_taal", text="Hello, can you help me with my son's school?", first_bot_turn=True)
    plan = plan_turn(turn, library)
    assert ids(plan) == ["andere_taal"]
    assert plan.replies[0].text.startswith("English reply.")


def test_other_language_gets_intro_and_dutch_reply(library):
    turn = TurnInput(intent="andere_taal", text="Dzień dobry, mój syn nie chodzi do szkoły", first_bot_turn=True)
    assert ids(plan_turn(turn, library)) == ["kennismaking", "andere_taal"]


def test_every_guidance_topic_of_the_domain_is_a_topic_and_nothing_else_is():
    from bot.turn.plan import is_topic, topic_intents

    assert {"situatie_thuiszitten", "vraag_tlv", "oorzaak_pesten", "wachtlijst", "mdo"} <= topic_intents()
    assert all(is_topic(t) for t in topic_intents())
    assert is_topic("vraag_contact")  # the region step answers it
    for other in ("groet", "mens_spreken", "nlu_fallback", "veiligheid", "bevestigen", "vraag_contact_x"):
        assert not is_topic(other)


def test_the_general_story_answer_is_never_added_after_a_specific_topic():
    from bot.turn.plan import TurnInput, second_topic

    turn = TurnInput(intent="oorzaak_pesten",
                     text="onze dochter wordt al maanden gepest en zit nu drie weken thuis, wat kunnen we doen",
                     intent_ranking=[("oorzaak_pesten", 0.55), ("situatie_thuiszitten", 0.35), ("vraag_klacht", 0.05)])
    assert second_topic(turn, "oorzaak_pesten") is None
    turn2 = TurnInput(intent="oorzaak_pesten", text=turn.text,
                      intent_ranking=[("oorzaak_pesten", 0.55), ("vraag_klacht", 0.3)])
    assert second_topic(turn2, "oorzaak_pesten") == "vraag_klacht"


STORY = ("mijn zoon van 12 wordt al maanden gepest en nu mag hij ook nog maar twee ochtenden per week "
         "naar school, wat kunnen wij doen")


def payloads(reply):
    return [button.payload for button in reply.buttons]


def test_a_story_offers_the_next_likely_topics_as_buttons_before_the_answers_own(library):
    turn = TurnInput(intent="vraag_opp", text=STORY,
                     intent_ranking=(("vraag_opp", 0.9), ("groet", 0.04), ("vraag_schorsing", 0.03),
                                     ("nlu_fallback", 0.02), ("vraag_tlv", 0.01)))
    plan = plan_turn(turn, library)
    assert ids(plan) == ["vraag_opp"]
    # runner-up topics in ranking order (greetings and the fallback are no topics); vraag_tlv is
    # also the answer's own follow-up: offered once
    assert payloads(plan.replies[-1]) == ["/vraag_schorsing", "/vraag_tlv"]


def test_a_short_question_keeps_only_its_answers_own_buttons(library):
    turn = TurnInput(intent="vraag_opp", text="wat is een opp precies",
                     intent_ranking=(("vraag_opp", 0.9), ("vraag_schorsing", 0.05)))
    assert payloads(plan_turn(turn, library).replies[-1]) == ["/vraag_tlv"]


def test_no_likely_topic_buttons_inside_a_form_or_on_the_phone(library):
    turn = TurnInput(intent="vraag_opp", text=STORY,
                     intent_ranking=(("vraag_opp", 0.9), ("vraag_schorsing", 0.05)))
    assert payloads(plan_turn(turn, library, offer_likely=False).replies[-1]) == ["/vraag_tlv"]
    voice = TurnInput(intent="vraag_opp", text=STORY, voice=True,
                      intent_ranking=(("vraag_opp", 0.9), ("vraag_schorsing", 0.05)))
    assert payloads(plan_turn(voice, library).replies[-1]) == []


def test_likely_topics_never_repeat_an_answered_one(library):
    turn = TurnInput(intent="vraag_opp", text=STORY + " en kan ik bezwaar maken tegen een tlv",
                     intent_ranking=(("vraag_opp", 0.55), ("vraag_tlv", 0.35), ("vraag_schorsing", 0.05)))
    plan = plan_turn(turn, library)
    assert ids(plan) == ["vraag_opp", "vraag_tlv"]
    assert payloads(plan.replies[-1]) == ["/vraag_schorsing"]


def test_what_a_story_names_outright_comes_before_the_classifiers_guesses():
    """A cause the story names (bullying) and a topic its question names (the leerplichtambtenaar)
    are offered even when the classifier ranks them low: the writer said them outright."""
    library = ContentLibrary()
    text = ("onze dochter van 13 wordt al het hele jaar gepest en zit nu vijf weken thuis, school zegt dat "
            "ze niks kunnen doen. moet ik de leerplichtambtenaar inschakelen?")
    turn = TurnInput(intent="situatie_thuiszitten", text=text,
                     intent_ranking=(("situatie_thuiszitten", 0.6), ("vraag_escalatie", 0.2),
                                     ("vraag_klacht", 0.1), ("oorzaak_pesten", 0.02)))
    plan = plan_turn(turn, library)
    # the question names the leerplichtambtenaar: it decides the answer; the bullying is one tap away
    assert ids(plan)[0] == "vraag_leerplichtambtenaar"
    assert payloads(plan.replies[-1])[0] == "/oorzaak_pesten"
    assert "/vraag_escalatie" in payloads(plan.replies[-1])


def test_at_most_three_likely_topics_and_five_buttons_in_all():
    from bot.turn.plan import LIKELY_TOPIC_BUTTONS, MAX_BUTTONS, likely_other_topics

    ranking = tuple((name, 0.1) for name in ("vraag_opp", "vraag_tlv", "vraag_klacht", "vraag_inspectie",
                                             "vraag_escalatie", "mdo"))
    turn = TurnInput(intent="vraag_opp", text=STORY, intent_ranking=ranking)
    assert len(likely_other_topics(turn, ("vraag_opp",))) == LIKELY_TOPIC_BUTTONS == 3
    assert len(plan_turn(turn, ContentLibrary()).replies[-1].buttons) <= MAX_BUTTONS


def test_a_story_that_asks_for_a_person_is_heard_and_keeps_its_topic_one_tap_away():
    """The contact wish decides (the help-request offer follows this reply), but the story is
    acknowledged and the waiting list it is about stays a button away."""
    library = ContentLibrary()
    text = ("Mijn zoon van 12 staat al sinds de zomer op de wachtlijst voor jeugdhulp en zit nu al 9 weken "
            "thuis, school doet niks. Kan iemand van de gemeente mij bellen?")
    turn = TurnInput(intent="mens_spreken", text=text,
                     intent_ranking=(("mens_spreken", 0.5), ("vraag_jeugdhulp", 0.3)))
    plan = plan_turn(turn, library)
    assert ids(plan) == ["mens_spreken"]
    assert plan.replies[0].text.startswith("Wat vervelend dat uw zoon van 12")
    assert payloads(plan.replies[-1])[:2] == ["/wachtlijst", "/vraag_jeugdhulp"]
    short = plan_turn(TurnInput(intent="mens_spreken", text="kan iemand mij bellen"), library)
    assert not short.replies[0].text.startswith("Wat vervelend")
    assert "/wachtlijst" not in payloads(short.replies[-1])


def test_asking_for_a_person_on_the_first_turn_still_hears_that_this_is_a_computer_program():
    from bot.content.loader import ContentLibrary

    library = ContentLibrary()
    first = plan_turn(TurnInput(intent="mens_spreken", text="kan ik iemand spreken", first_bot_turn=True), library)
    assert first.replies[0].text.startswith("Ik ben Wegwijzer, een computerprogramma.")
    assert "Typ dan: mens spreken" not in first.replies[0].text
    later = plan_turn(TurnInput(intent="mens_spreken", text="kan ik iemand spreken"), library)
    assert "computerprogramma" not in later.replies[0].text
    voice = plan_turn(TurnInput(intent="mens_spreken", text="mens spreken", voice=True, first_bot_turn=True), library)
    assert voice.replies[0].text.startswith("Ik ben Wegwijzer, een computerprogramma.")


def test_a_story_always_offers_the_step_plan_and_a_person_beside_its_likely_topics():
    """Issue 16: "the two or three most likely next topics plus the step plan and a person as buttons" —
    also when the answer's own buttons would have filled the five places first."""
    # the bullying answer's own buttons are [vraag_klacht, stappenplan, mens_spreken]: after three likely
    # topics, only two of them fit
    ranking = tuple((name, 0.1) for name in ("oorzaak_pesten", "vraag_inspectie", "vraag_escalatie", "mdo",
                                             "vraag_jeugdhulp"))
    turn = TurnInput(intent="oorzaak_pesten", text=STORY, intent_ranking=ranking)
    got = payloads(plan_turn(turn, ContentLibrary()).replies[-1])
    # two likely topics, the step plan and a person, and the answer's own first next step
    assert len(got) == 5 and len(set(got)) == 5
    assert got[2:] == ["/stappenplan", "/mens_spreken", "/vraag_klacht"]
    assert got[0] == "/vraag_inspectie"  # the classifier's next guess


def test_a_reply_about_a_person_does_not_offer_a_person_again():
    from bot.turn.plan import button_titles, with_likely_topics
    from bot.turn.replies import Reply

    title = button_titles(ContentLibrary())
    reply = with_likely_topics(Reply(text="x", answer_id="mens_spreken"), ("oorzaak_pesten", "vraag_klacht"), title)
    assert [b.payload for b in reply.buttons] == ["/oorzaak_pesten", "/vraag_klacht", "/stappenplan"]


def test_a_short_question_keeps_its_own_buttons_only():
    plan = plan_turn(TurnInput(intent="vraag_opp", text="wat is een opp"), ContentLibrary())
    own = ContentLibrary().get("vraag_opp").vervolg
    assert payloads(plan.replies[-1]) == [f"/{name}" for name in own][:len(payloads(plan.replies[-1]))]


# Two questions in one message, the second naming no topic word: its own classification decides
# (bot.nlu.question_topics; issue 16, "answer both").
TWO_QUESTIONS = "wat is een opp? En mag de school dat zomaar doen zonder ons?"


def test_a_second_question_classified_on_its_own_is_answered_when_sure(library):
    turn = TurnInput(intent="vraag_opp", text=TWO_QUESTIONS,
                     intent_ranking=(("vraag_opp", 0.9), ("groet", 0.05)),
                     question_topics=(("vraag_opp", 0.95), ("vraag_schorsing", 0.7)))
    assert ids(plan_turn(turn, library)) == ["vraag_opp", "vraag_schorsing"]


def test_an_unsure_second_question_is_not_answered_but_offered_first_in_a_story(library):
    story = ("Mijn zoon van 13 zit al zes weken thuis en de school belt niet meer terug. " + TWO_QUESTIONS)
    turn = TurnInput(intent="vraag_opp", text=story, intent_ranking=(("vraag_opp", 0.9), ("groet", 0.05)),
                     question_topics=(("vraag_opp", 0.95), ("vraag_schorsing", 0.45)))
    plan = plan_turn(turn, library)
    assert ids(plan) == ["vraag_opp"]
    assert "/vraag_schorsing" in [b.payload for b in plan.replies[-1].buttons]


def test_without_question_topics_the_second_question_is_not_guessed(library):
    turn = TurnInput(intent="vraag_opp", text=TWO_QUESTIONS, intent_ranking=(("vraag_opp", 0.9), ("groet", 0.05)))
    assert ids(plan_turn(turn, library)) == ["vraag_opp"]


def test_two_questions_are_answered_in_the_order_they_were_asked(library):
    turn = TurnInput(intent="vraag_schorsing", text="wat is een opp? En mogen ze hem zomaar thuis laten zitten?",
                     intent_ranking=(("vraag_schorsing", 0.7), ("vraag_opp", 0.25)),
                     question_topics=(("vraag_opp", 0.99), ("vraag_schorsing", 0.9)))
    assert ids(plan_turn(turn, library)) == ["vraag_opp", "vraag_schorsing"]
    # without the questions' own topics, the whole message's order stands
    turn = TurnInput(intent="vraag_schorsing", text=turn.text, intent_ranking=turn.intent_ranking)
    assert ids(plan_turn(turn, library)) == ["vraag_schorsing", "vraag_opp"]
