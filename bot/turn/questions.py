"""The questions in a message, and a second question's topic (issue 16: two questions in one).

"Wat is een OPP? En kan ik bezwaar maken tegen de TLV?" asks two things. The classifier gives the
message one intent; when the other question names its own topic ("tlv", see ``topic_words.yml``)
the reply answers it too. A question is a sentence that ends in "?" or opens like one ("hoe lang",
"kan ik", "moet de school"); "…en hoe vraag ik dat aan" inside one sentence starts another.
"""
from __future__ import annotations

from typing import Callable, Optional

from bot.signals.normalize import normalize_for_matching
from bot.signals.question_sentences import OPENS_LIKE_A_QUESTION, questions
from bot.turn.topic_words import named_topics

def second_question_topic(text: str, main: str, eligible: Callable[[str], bool]) -> Optional[str]:
    """The topic of another question in the message than the one ``main`` answers, when that
    question names it; None for a message with one question."""
    asked = questions(text)
    if len(asked) < 2:
        return None
    for question in asked:
        named = named_topics(normalize_for_matching(question))
        if main in named:
            continue
        for topic in named:
            if topic != main and eligible(topic):
                return topic
    return None


# A story of at least this many words is read for the question it ends with.
MIN_STORY_WORDS = 15


def asked_topic(text: str, intent: str, eligible: Callable[[str], bool]) -> Optional[str]:
    """The topic the story's question names, when it is not the one the classifier chose.

    "…Hij heeft autisme en school zegt dat ze hem niet kunnen helpen. Hoe meld ik hem aan bij een
    andere school?": the classifier hears the autism story; the question asks about applying. The
    last question that names exactly one topic decides (issue 16: the question decides the answer,
    the story gives context). None for a short message, or when no question names one topic."""
    if len((text or "").split()) < MIN_STORY_WORDS:
        return None
    for question in reversed(questions(text)):
        named = [t for t in named_topics(normalize_for_matching(question)) if eligible(t)]
        if intent in named:
            return None
        if len(named) == 1:
            return named[0]
    return None


# In a form, a short reply is an answer to the form's question ("ouder", "havo", "al 6 weken"),
# however sure the classifier is of a topic for it; a topic question asked in between has at least
# this many words, a question mark ("tlv?") or opens like a question ("wat is tlv").
MIN_ASIDE_WORDS = 4


def may_be_an_aside(text: str) -> bool:
    """Whether a message typed in a form may be a question asked in between rather than an answer."""
    text = (text or "").strip()
    return ("?" in text or len(text.split()) >= MIN_ASIDE_WORDS
            or bool(OPENS_LIKE_A_QUESTION.match(normalize_for_matching(text))))
