"""bot.nlu.question_topics without Rasa: each question of a message classified on its own by a real
(small) topic classifier, and the parse data read back defensively."""
from bot.nlu.question_topics import MAX_QUESTIONS, question_topics, read_question_topics
from bot.nlu.topic_classifier import TopicClassifier

EXAMPLES = {
    "vraag_opp": ["wat is een opp", "wat staat er in een ontwikkelingsperspectief", "moet school een opp maken",
                  "wie maakt het opp", "mag ik het opp lezen"],
    "vraag_klacht": ["waar kan ik een klacht indienen", "ik wil klagen over de school", "hoe werkt de klachtenregeling",
                     "klacht over de mentor", "bij wie dien ik een klacht in"],
    "groet": ["hallo", "hoi", "goedemorgen", "goedemiddag", "hey daar"],
}


def trained() -> TopicClassifier:
    texts = [t for ts in EXAMPLES.values() for t in ts]
    labels = [i for i, ts in EXAMPLES.items() for _ in ts]
    return TopicClassifier.fit(texts, labels, c=50)


def test_each_question_of_a_story_gets_its_own_topic_in_order():
    text = ("Mijn dochter zit al twee maanden thuis en school doet niks. Wat is een opp eigenlijk? "
            "En waar kan ik een klacht indienen over de school?")
    found = question_topics(trained().rank, text)
    assert [f["intent"] for f in found] == ["vraag_opp", "vraag_klacht"]
    assert all(0.0 <= f["confidence"] <= 1.0 for f in found)
    assert not any("tekst" in f or "text" in f for f in found)  # never the user's words a second time


def test_a_message_with_one_question_gets_none():
    assert question_topics(trained().rank, "Mijn zoon zit thuis. Wat is een opp?") == []
    assert question_topics(trained().rank, "") == []


def test_at_most_five_questions_are_read():
    text = " ".join(["Wat is een opp?"] * 9)
    assert len(question_topics(trained().rank, text)) == MAX_QUESTIONS


def test_hostile_parse_data_is_left_out():
    assert read_question_topics(None) == ()
    assert read_question_topics("vraag_opp") == ()
    assert read_question_topics([{"intent": "vraag_opp", "confidence": 0.8}, {"intent": 3, "confidence": 0.5},
                                 {"intent": "x" * 65, "confidence": 0.5}, {"intent": "vraag_tlv", "confidence": 7},
                                 {"intent": "vraag_klacht", "confidence": 0.4}]) == (("vraag_opp", 0.8),
                                                                                     ("vraag_klacht", 0.4))
    assert read_question_topics([{"intent": "vraag_tlv", "confidence": True}, "vraag_klacht", [1]]) == ()
    assert len(read_question_topics([{"intent": "vraag_opp", "confidence": 0.5}] * 50)) == MAX_QUESTIONS
