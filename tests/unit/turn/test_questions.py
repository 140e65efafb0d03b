"""bot.turn.questions: the questions in a message, a second question's topic, a story's question."""
from bot.turn.questions import asked_topic, questions, second_question_topic


def anything(_topic):
    return True


def test_questions_are_sentences_that_ask():
    assert questions("Wat is een OPP? En kan ik bezwaar maken tegen de TLV?") == (
        "Wat is een OPP?", "En kan ik bezwaar maken tegen de TLV?")
    assert questions("wat is een opp en hoe vraag ik een tlv aan") == ("wat is een opp", "hoe vraag ik een tlv aan")
    assert questions("Onze zoon zit thuis. Dus de school doet niks?") == ("Dus de school doet niks?",)
    assert questions("Onze zoon zit thuis.") == ()


def test_a_second_question_that_names_its_topic():
    text = "Wat is een OPP eigenlijk? En hoe lang duurt een schorsing?"
    assert second_question_topic(text, "vraag_opp", anything) == "vraag_schorsing"
    assert second_question_topic("Wat is een OPP eigenlijk precies?", "vraag_opp", anything) is None
    # the same question naming two things is one question
    assert second_question_topic("hoe lang duurt een tlv bij het samenwerkingsverband?", "vraag_tlv", anything) is None


def test_the_story_s_question_names_one_topic():
    story = ("Mijn dochter is 14 en zit al maanden thuis omdat ze niet meer durft, we zijn op. "
             "Moet ik nu de leerplichtambtenaar bellen?")
    assert asked_topic(story, "situatie_thuiszitten", anything) == "vraag_leerplichtambtenaar"
    assert asked_topic(story, "vraag_leerplichtambtenaar", anything) is None
    assert asked_topic("Moet ik de leerplichtambtenaar bellen?", "nlu_fallback", anything) is None  # too short


def test_a_name_inside_a_longer_name_names_nothing_of_its_own():
    from bot.turn.topic_words import named_topics

    assert named_topics("moet ik de leerplichtambtenaar bellen") == ("vraag_leerplichtambtenaar",)
    assert named_topics("geldt de leerplicht ook voor hem") == ("vraag_leerplicht",)
    assert named_topics("een klacht over de leerplichtambtenaar") == ("vraag_klacht", "vraag_leerplichtambtenaar")


def test_a_short_form_answer_is_not_an_aside_but_a_question_is():
    from bot.turn.questions import may_be_an_aside

    for answer in ("ouder", "havo", "al 6 weken", "", "  "):
        assert not may_be_an_aside(answer), answer
    for aside in ("wat is een tlv", "tlv?", "wat is tlv", "en wie beslist dat", "mag school dat eigenlijk wel"):
        assert may_be_an_aside(aside), aside
