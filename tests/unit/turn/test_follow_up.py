"""bot.turn.follow_up: a follow-up question is answered about the topic answered last (issue 16).

Written for this module, not taken from the independent corpora (tests/nlu_corpus/)."""
import pytest
import yaml

from bot.content.loader import ContentLibrary
from bot.turn.follow_up import (
    FollowUp, answering_sentences, detect_follow_up, facet_of, follow_up_reply, topic_names,
)
from bot.signals.normalize import normalize_for_matching
from bot.turn.plan import TOPICS_FILE, TurnInput, button_titles, is_topic, plan_turn


@pytest.fixture(scope="module")
def library():
    return ContentLibrary()


def detect(text, intent="nlu_fallback", confidence=0.2, previous="vraag_tlv", library=None):
    previous_text = library.get(previous).tekst["ouder"] if library and previous else ""
    return detect_follow_up(text, intent, confidence, previous, is_topic, previous_text)


@pytest.mark.parametrize("text, facet", [
    ("en wie bepaalt dat dan?", "wie_beslist"),
    ("hoelang duurt zoiets", "hoe_lang"),
    ("moeten wij daar voor betalen", "kosten"),
    ("en als ze gewoon nee zeggen?", "oneens"),
    ("hoe vraag ik dat aan", "aanvragen"),
    ("moet dat op papier?", "schriftelijk"),
    ("en dan?", None),
])
def test_what_a_follow_up_asks(text, facet):
    found = facet_of(normalize_for_matching(text))
    assert (found.name if found else None) == facet


def test_a_question_without_a_topic_of_its_own_is_about_the_previous_answer(library):
    assert detect("en wie bepaalt dat dan?", library=library) == FollowUp("vraag_tlv", "wie_beslist")
    # the classifier's guess from the word "beslissen" does not win: the message names no topic
    assert detect("wie mag dat beslissen dan", "vraag_doorzettingsmacht", 0.7, library=library) == \
        FollowUp("vraag_tlv", "wie_beslist")


def test_a_message_that_names_another_topic_is_about_that_topic(library):
    assert detect("en hoe zit het dan met een schorsing", "vraag_schorsing", 0.5,
                  previous="naar_huis_gestuurd", library=library) is None
    assert detect("kan ik dan bij de inspectie terecht?", "vraag_inspectie", 0.8,
                  previous="vraag_klacht", library=library) is None


def test_who_refuses_may_be_another_topics_organisation(library):
    # "en als X nee zegt?": X is who refuses in the previous answer's process, not a new subject
    assert detect("en als het samenwerkingsverband nee zegt?", "vraag_samenwerkingsverband", 0.7,
                  library=library) == FollowUp("vraag_tlv", "oneens")
    assert detect("en als ook de leerplichtambtenaar niks doet?", "vraag_leerplichtambtenaar", 0.7,
                  previous="vraag_escalatie", library=library) == FollowUp("vraag_escalatie", "oneens")
    # the topic named as what the user wants to do, not as who refuses, is a new subject
    assert detect("en waar kan ik dan een klacht indienen als ze niet naar haar luisteren?", "vraag_klacht", 0.7,
                  previous="vraag_meepraten", library=library) is None
    # and without the refusal, naming the organisation is a question about it
    assert detect("en wat doet het samenwerkingsverband dan?", "vraag_samenwerkingsverband", 0.7,
                  library=library) is None


def test_the_tlv_follow_up_about_a_refusal_answers_from_the_tlv(library):
    reply = follow_up_reply(FollowUp("vraag_tlv", "oneens"), "en als het samenwerkingsverband nee zegt?", "ouder",
                            library, button_titles(library))
    assert reply.text.startswith("Over de TLV weet ik dit.")
    assert "bezwaar" in reply.text


def test_what_the_user_means_by_itself_is_never_read_as_a_follow_up(library):
    for intent in ("bedankt", "afscheid", "mens_spreken", "veiligheid", "hulpvraag_starten", "woonplaats_noemen"):
        assert detect("dan wil ik dat iemand mij belt", intent, 0.9, library=library) is None


def test_long_messages_and_messages_without_a_pointer_are_not_follow_ups(library):
    story = ("onze zoon van 14 zit al sinds de zomer thuis en de school zegt dat ze hem niet kunnen helpen "
             "omdat hij autisme heeft en nu weten wij echt niet meer wat we moeten doen met hem")
    assert detect(story, library=library) is None
    assert detect("passend onderwijs", library=library) is None


def test_without_an_earlier_topic_a_short_follow_up_asks_what_it_is_about(library):
    assert detect("hoe lang duurt dat?", previous=None) == FollowUp(None, "hoe_lang")
    # "dat" points back to nothing: a topic the classifier guessed for it is not what the user asked
    assert detect("hoe lang duurt dat?", "vraag_schorsing", 0.4, previous=None) == FollowUp(None, "hoe_lang")
    # a message that names its topic is answered as the classifier read it
    assert detect("hoe lang duurt een schorsing?", "vraag_schorsing", 0.4, previous=None) is None
    reply = follow_up_reply(FollowUp(None, "hoe_lang"), "hoe lang duurt dat?", "ouder", library, button_titles(library))
    assert reply.answer_id == "vervolg_zonder_onderwerp" and reply.buttons


def test_the_answer_is_the_sentences_of_the_topic_that_answer_it():
    text = ("Een TLV geeft toegang tot het speciaal onderwijs. De school vraagt de TLV aan. "
            "Bent u het niet eens? Dan kunt u binnen 6 weken bezwaar maken. Het is gratis.")
    assert answering_sentences(text, "hoe lang heb ik daarvoor?", "hoe_lang") == (
        "Bent u het niet eens?", "Dan kunt u binnen 6 weken bezwaar maken.")
    assert answering_sentences(text, "kost dat wat?", "kosten") == ("Het is gratis.",) or \
        answering_sentences(text, "kost dat wat?", "kosten")[-1] == "Het is gratis."
    assert answering_sentences(text, "mag ik een tolk meenemen?", None) == ()


def test_a_list_item_taken_out_reads_as_a_sentence():
    text = "Voor een schorsing gelden regels:\n- u krijgt een brief met de reden;\n- het duurt ten hoogste een week"
    assert answering_sentences(text, "krijg ik dat op papier?", "schriftelijk") == (
        "U krijgt een brief met de reden.",)


def test_reply_names_the_topic_and_keeps_its_source(library):
    reply = follow_up_reply(FollowUp("vraag_schorsing", "hoe_lang"), "hoe lang mag dat?", "ouder",
                            library, button_titles(library))
    assert reply.text.startswith("Over schorsing weet ik dit.")
    assert "ten hoogste een week" in reply.text
    assert "Bron:" in reply.text
    assert reply.buttons[0].payload == "/vraag_schorsing"  # the whole answer, one tap away


def test_nothing_in_the_answer_is_said_honestly_with_a_person_offered(library):
    reply = follow_up_reply(FollowUp("vraag_tlv", None), "mag mijn oma mee naar het gesprek?", "jongere",
                            library, button_titles(library))
    assert reply.answer_id == "vervolg_onbekend"
    assert "de TLV" in reply.text
    assert {b.payload for b in reply.buttons} >= {"/vraag_tlv", "/mens_spreken"}


def test_voice_gets_no_buttons_and_no_source_line(library):
    reply = follow_up_reply(FollowUp("vraag_schorsing", "hoe_lang"), "hoe lang mag dat?", "spraak",
                            library, button_titles(library))
    assert reply.buttons == () and "Bron:" not in reply.text


def test_every_topic_has_a_name_for_follow_up_replies():
    topics = set(yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))["intents"])
    assert topics <= set(topic_names())


def test_the_turn_plan_answers_the_follow_up_and_keeps_the_topic(library):
    turn = TurnInput(intent="vraag_doorzettingsmacht", text="en hoe lang duurt dat dan?",
                     intent_ranking=(("vraag_doorzettingsmacht", 0.5),), previous_topic="vraag_schorsing")
    plan = plan_turn(turn, library)
    assert plan.topic == "vraag_schorsing"
    assert plan.replies[0].text.startswith("Over schorsing weet ik dit.")
    # a new question sets the new topic
    plan = plan_turn(TurnInput(intent="vraag_opp", text="wat is een opp", previous_topic="vraag_schorsing"),
                     library)
    assert plan.topic == "vraag_opp"


def test_danger_in_a_follow_up_comes_first(library):
    turn = TurnInput(intent="nlu_fallback", text="en als ik er gewoon niet meer wil zijn?",
                     previous_topic="vraag_schorsing")
    plan = plan_turn(turn, library)
    assert plan.answered[0] == "veiligheid"


def test_a_first_message_that_is_a_follow_up_still_gets_the_introduction(library):
    plan = plan_turn(TurnInput(intent="nlu_fallback", text="hoe lang duurt dat?", first_bot_turn=True), library)
    assert plan.answered == ("vervolg_zonder_onderwerp",)
    assert [r.answer_id for r in plan.replies] == ["kennismaking", "vervolg_zonder_onderwerp"]


def test_a_general_story_that_ends_with_a_named_question_gets_that_answer_first(library):
    from bot.turn.plan import topics_to_answer

    story = ("Onze zoon zit al een tijd thuis en het gaat niet goed met hem, hij slaapt slecht en zit de hele dag "
             "op zijn kamer. De school belt niet meer. Kunnen wij een onderwijsconsulent inschakelen?")
    turn = TurnInput(intent="situatie_thuiszitten", text=story)
    assert topics_to_answer(turn, "situatie_thuiszitten") == ("vraag_onderwijsconsulent", None)
    # a specific topic the classifier chose stays: the story's question only decides over the general story
    assert topics_to_answer(turn, "oorzaak_angst")[0] == "oorzaak_angst"
    # a short message is not a story
    assert topics_to_answer(TurnInput(intent="nlu_fallback", text="onderwijsconsulent?"), "nlu_fallback")[0] == \
        "nlu_fallback"


def test_a_refusal_the_answer_does_not_cover_offers_the_steps(library):
    reply = follow_up_reply(FollowUp("vraag_thuiszitter", "oneens"), "en als ze weigeren?", "ouder",
                            library, button_titles(library))
    assert reply.answer_id == "vervolg_onbekend"  # the definition of a thuiszitter says nothing about refusing
    assert [b.payload for b in reply.buttons] == ["/vraag_thuiszitter", "/vraag_escalatie", "/mens_spreken"]


@pytest.mark.parametrize("text", ["ook als hij pas 12 is?", "zelfs als ze al werk heeft?", "ook zonder diagnose dan?"])
def test_ook_als_and_zelfs_als_continue_the_previous_answer(text, library):
    assert detect(text, library=library) == FollowUp("vraag_tlv", None)


def test_a_longer_message_that_opens_with_a_short_question_about_the_answer_is_a_follow_up(library):
    text = ("Hoe lang duurt dat dan meestal? Het samenwerkingsverband zei tegen ons een paar weken, maar ik weet "
            "echt niet hoe wij dat thuis moeten volhouden met twee banen en nog drie andere kinderen in huis.")
    assert detect(text, library=library) == FollowUp("vraag_tlv", "hoe_lang")


def test_a_longer_message_whose_opening_question_brings_a_new_subject_is_not_a_follow_up(library):
    # a facet ("hoe kan ik") but words the TLV answer never uses: a new question, answered as classified
    text = ("hoe kan ik mijn achterstand in wiskunde nog inhalen als ik weer ga? ik heb bijna een half jaar "
            "gemist en de mentor zegt dat ik misschien moet blijven zitten, dat wil ik echt niet")
    assert detect(text, "vraag_terug_naar_school", 0.4, library=library) is None


def test_a_longer_message_without_an_opening_question_is_not_a_follow_up(library):
    text = ("Dank u, dat was duidelijk. Maar nu iets anders: mijn dochter van 9 zit sinds twee weken ook thuis, "
            "ze krijgt buikpijn elke ochtend en de juf zegt dat ze zich aanstelt. Wat moet ik daarmee?")
    assert detect(text, "oorzaak_angst", 0.4, library=library) is None


def test_a_longer_message_with_nothing_to_refer_back_to_is_read_as_a_whole():
    text = ("Hoe lang duurt dat nou? Mijn zoon van 13 zit al sinds de zomer thuis en niemand van school of de "
            "gemeente heeft ons nog gebeld, terwijl ik elke week mail naar de mentor en de zorgcoördinator.")
    assert detect(text, previous=None) is None
