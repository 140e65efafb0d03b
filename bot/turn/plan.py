"""Plans the replies to one user message: safety first, honesty on the first turn, then the answer.

Plain Python over the content library, so it is tested without Rasa; the actions in ``actions/``
only collect the inputs from the tracker and send the replies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml

from bot import clock
from bot.content.schema import SAFETY_ID, SAFETY_UNCONFIRMED_ID
from bot.signals.audience import detect_audience
from bot.signals.language import detect_language
from bot.turn.replies import PARENT, VOICE, YOUTH, Button, Reply, choose_variant, render_answer
from bot.signals.safety import detect_danger
from bot.turn.acknowledgement import acknowledgement
from bot.turn.follow_up import detect_follow_up, follow_up_reply
from bot.signals.causes import named_causes
from bot.signals.normalize import normalize_for_matching
from bot.turn.questions import asked_topic, questions, second_question_topic
from bot.turn.topic_words import named_topics

SAFETY = SAFETY_ID
FALLBACK = "nlu_fallback"
OTHER_LANGUAGE = "andere_taal"
ENGLISH_VARIANT = "engels"
INTRO = "kennismaking"
# Answers that already say the assistant is a computer program and how to reach a person.
PERSON = "mens_spreken"
SELF_INTRODUCING = {"groet", "vraag_bot", "wat_kun_je", SAFETY, SAFETY_UNCONFIRMED_ID, PERSON}  # PERSON: one sentence of it, below
# A second topic in the same message is answered too when the classifier gives it at least this much.
SECOND_TOPIC_MIN_CONFIDENCE = 0.2
# A message's other question, classified on its own, is answered too when this sure (issue 16, two
# questions in one). Measured on the eight corpora of session 14 (reports/begrip.md): at 0.5 both
# questions answered 76 -> 104 of 872 with 39 second answers the writer had not asked for; at 0.6
# 76 -> 100 with 28; below 0.5 mostly noise.
QUESTION_TOPIC_MIN_CONFIDENCE = 0.6
# ...and offered as a button first (one tap away) when at least this sure.
QUESTION_TOPIC_BUTTON_MIN_CONFIDENCE = 0.3
# After a safety message, the school question in the same message is answered when this sure.
TOPIC_AFTER_SAFETY_MIN_CONFIDENCE = 0.35
# When only the classifier (not the danger patterns) saw danger, the safety message still comes
# first, but the best school topic is answered too, so a false alarm does not leave the user stuck.
TOPIC_AFTER_UNCONFIRMED_SAFETY_MIN_CONFIDENCE = 0.05
# Fallback suggests topics the classifier thought possible.
SUGGESTION_MIN_CONFIDENCE = 0.1
MAX_SUGGESTIONS = 3
# Region intents are answered by the region step (bot.turn.regio), never as an extra topic.
NOT_AN_EXTRA_TOPIC = {"vraag_contact"}
# The general story answer is never added after a specific topic: a parent who told about bullying
# gets the bullying answer, whose buttons offer the step plan and a person, not both texts.
STORY_TOPIC = "situatie_thuiszitten"
# A story touches more than one topic: the next most likely ones are offered as buttons before the
# answer's own, so a second question is "one clearly labelled button away" and never dropped
# silently (issue 16). Only for messages of a story's length; a short question gets its answer's own.
LIKELY_TOPIC_BUTTONS = 3
LIKELY_TOPICS_MIN_WORDS = 12
MAX_BUTTONS = 5
# Beside those, a story's reply always offers the step plan and a person (issue 16: "the two or three
# most likely next topics plus the step plan and a person as buttons"); the answer's own buttons fill
# what is left.
ALWAYS_AFTER_A_STORY = ("stappenplan", PERSON)
OWN_LIKELY_MIN = 2  # the story's own likely topics: never fewer than two


@dataclass(frozen=True)
class TurnInput:
    intent: str
    text: str = ""
    intent_ranking: Sequence[tuple[str, float]] = ()
    audience_slot: Optional[str] = None
    audience_hint: Optional[str] = None  # from channel metadata, e.g. the youth widget
    voice: bool = False
    first_bot_turn: bool = False
    previous_topic: Optional[str] = None  # the guidance topic answered last in this conversation
    # Each question's own intent and confidence, when the message asks two or more
    # (bot.nlu.question_topics, read from the parse data); () otherwise.
    question_topics: Sequence[tuple[str, float]] = ()


@dataclass(frozen=True)
class TurnPlan:
    replies: tuple[Reply, ...]
    audience: str
    answered: tuple[str, ...] = field(default_factory=tuple)
    # The guidance topic the conversation is about after this turn (follow-ups refer to it); None
    # when this turn answered no topic (the previous one still stands).
    topic: Optional[str] = None


TOPICS_FILE = Path(__file__).resolve().parents[1] / "rasa" / "domain" / "onderwerpen.yml"


@lru_cache(maxsize=1)
def topic_intents(path: Path = TOPICS_FILE) -> frozenset[str]:
    """The guidance topics: the intents of the domain's ``onderwerpen.yml`` (one list, kept by the
    people who add a topic), so a new topic is suggested, answered as a second question and
    answered inside a form like every other."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(i) for i in data.get("intents") or ())


def is_topic(intent: str) -> bool:
    """A guidance topic, or the region question "wie kan ik bellen" (a topic that the region step
    answers, so never an extra one)."""
    return intent in topic_intents() or intent in NOT_AN_EXTRA_TOPIC


def resolve_audience(turn: TurnInput) -> str:
    if turn.audience_hint in (PARENT, YOUTH):
        return turn.audience_hint
    detected = detect_audience(turn.text) if turn.text else None
    return detected or turn.audience_slot or PARENT


def _may_be_extra(name: str) -> bool:
    return is_topic(name) and name not in NOT_AN_EXTRA_TOPIC and name != STORY_TOPIC


def second_topic(turn: TurnInput, main: str) -> Optional[str]:
    """A second question in the same message ("wat is een opp en kan ik bezwaar maken?"): the
    classifier's runner-up when it is sure enough, else another question that names its topic."""
    if len(turn.text.split()) < 6:
        return None
    for name, confidence in turn.intent_ranking:
        if name == main or not _may_be_extra(name):
            continue
        if confidence >= SECOND_TOPIC_MIN_CONFIDENCE:
            return name
        break
    named = second_question_topic(turn.text, main, lambda name: name != main and _may_be_extra(name))
    return named or _other_question_topic(turn, main, QUESTION_TOPIC_MIN_CONFIDENCE)


def _other_question_topic(turn: TurnInput, main: str, minimum: float) -> Optional[str]:
    """The first question of the message whose own intent is another topic than ``main``, when the
    classifier is at least ``minimum`` sure of it (bot.nlu.question_topics)."""
    for name, confidence in turn.question_topics:
        if name != main and _may_be_extra(name) and confidence >= minimum:
            return name
    return None


# The classifier's intent may give way to the topic a story's question names (bot.turn.questions).
QUESTION_MAY_DECIDE = frozenset({FALLBACK, "stappenplan", STORY_TOPIC})


def topics_to_answer(turn: TurnInput, intent: str) -> tuple[str, Optional[str]]:
    """(the topic to answer, a second one or None). In a story that ends with a question, the
    question decides and the story's own topic follows as the second answer; otherwise the
    classifier's intent, and a second question in the message if there is one."""
    if turn.text and intent in QUESTION_MAY_DECIDE:
        asked = asked_topic(turn.text, intent, lambda name: name != intent and _may_be_extra(name))
        if asked:
            return asked, (intent if _may_be_extra(intent) else None)
    second = second_topic(turn, intent) if is_topic(intent) else None
    return in_asked_order(turn, intent, second)


def in_asked_order(turn: TurnInput, first: str, second: Optional[str]) -> tuple[str, Optional[str]]:
    """Two questions are answered in the order they were asked: "Wat is een tlv? En mag ik meepraten?"
    gets the TLV first, also when the whole message leans to the second question (its own
    classification says which question came first; session 14: 13 instead of 9 writers' first topics
    answered first on the 22 messages of the development corpora where this swaps)."""
    if not second or len(turn.question_topics) < 2:
        return first, second
    asked = [name for name, _ in turn.question_topics]
    if asked[0] == second and first in asked[1:]:
        return second, first
    return first, second


def plan_turn(turn: TurnInput, library, offer_likely: bool = True) -> TurnPlan:
    """The replies to one message. ``offer_likely=False`` inside a form, whose own question follows."""
    audience = resolve_audience(turn)
    variant = choose_variant(audience, turn.voice)
    danger = detect_danger(turn.text) if turn.text else None
    intent = SAFETY if danger or turn.intent == SAFETY else turn.intent

    english = intent == OTHER_LANGUAGE and not turn.voice and detect_language(turn.text) == "en"
    ids: list[str] = []
    if english:
        ids.append(OTHER_LANGUAGE)  # the English text itself says it is a computer program
    elif intent == SAFETY:
        # only a classifier read danger: the same numbers first, with an opening that says why (a false alarm
        # then reads as care, not as a misreading; reports/begrip.md, "Danger", session 15)
        ids.append(SAFETY if danger else SAFETY_UNCONFIRMED_ID)
        minimum = (TOPIC_AFTER_SAFETY_MIN_CONFIDENCE if danger
                   else TOPIC_AFTER_UNCONFIRMED_SAFETY_MIN_CONFIDENCE)
        # A cause the message names outright ("hij wordt gepest, ze slaan hem") is its school
        # question too, however unsure the classifier is next to the danger.
        school_question = (_top_topic(turn.intent_ranking, minimum)
                           or next((c for c in named_causes(turn.text) if _may_be_extra(c)), None))
        if school_question:
            ids.append(school_question)
    else:
        intent, extra = topics_to_answer(turn, intent)
        if turn.first_bot_turn and intent not in SELF_INTRODUCING:
            ids.append(INTRO)
        ids.append(intent)
        if extra:
            ids.append(extra)

    title = button_titles(library)
    if intent != SAFETY and not english and turn.text:
        follow_up = follow_up_turn(turn, intent, variant, library, title)
        if follow_up is not None:
            intro = library.get(INTRO) if turn.first_bot_turn else None
            replies = ((render_answer(intro, variant, title, with_buttons=False),) if intro else ()) + (follow_up[0],)
            return TurnPlan(replies=replies, audience=audience, answered=(follow_up[0].answer_id,),
                            topic=follow_up[1])

    replies: list[Reply] = []
    # A story gets one sentence that shows it was heard, before the answer to its topic (not before
    # the general story answer, which opens with its own, nor before safety).
    # A story that asks for a person (bot.nlu.contact_wish) is heard too, before the way to a person.
    heard = (acknowledgement(turn.text, variant, clock.today(), library)
             if turn.text and (is_topic(intent) or intent == PERSON) and intent not in (STORY_TOPIC, SAFETY)
             else None)
    for answer_id in ids:
        answer = (library.get(answer_id)
                  or (library.get(SAFETY) if answer_id == SAFETY_UNCONFIRMED_ID else None)  # never without the numbers
                  or library.get(FALLBACK))
        if answer is None:
            continue
        is_last = answer_id == ids[-1]
        if english and answer.id == OTHER_LANGUAGE and answer.tekst.get(ENGLISH_VARIANT):
            reply = _english_reply(answer, variant)
        else:
            reply = render_answer(answer, variant, title, with_buttons=is_last)
        if answer.id == FALLBACK and is_last:
            reply = _with_suggestions(reply, turn, title, variant)
        if heard and answer.id == intent:
            reply = Reply(text=f"{heard}\n{reply.text}", buttons=reply.buttons, answer_id=reply.answer_id)
            heard = None
        if turn.first_bot_turn and answer.id == PERSON and not replies:
            # Asking for a person on the first turn: still say first that this is a computer program
            # (the introduction's first sentence; its "typ mens spreken" would be asked already).
            who = _introduction_sentence(library, variant)
            if who:
                reply = Reply(text=f"{who}\n{reply.text}", buttons=reply.buttons, answer_id=reply.answer_id)
        replies.append(reply)
    # The topics a story touches stay one tap away, also when it asked for a person: the help-request
    # offer follows that reply with its own yes/no.
    if (offer_likely and replies and variant != VOICE
            and ((is_topic(intent) and intent not in NOT_AN_EXTRA_TOPIC) or intent == PERSON)):
        replies[-1] = with_likely_topics(replies[-1], likely_other_topics(turn, ids), title)
    topics = [i for i in ids if is_topic(i) and i not in NOT_AN_EXTRA_TOPIC]
    return TurnPlan(replies=tuple(replies), audience=audience, answered=tuple(ids),
                    topic=topics[-1] if topics else None)


def _introduction_sentence(library, variant: str) -> Optional[str]:
    """"Ik ben Wegwijzer, een computerprogramma.": the first sentence of the introduction."""
    intro = library.get(INTRO)
    text = (intro.tekst.get(variant) or intro.tekst.get(PARENT, "")) if intro else ""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0] if text else ""
    return first or None


def likely_other_topics(turn: TurnInput, answered: Sequence[str], limit: int = LIKELY_TOPIC_BUTTONS) -> tuple[str, ...]:
    """The topics a story touches besides the answered ones, for a message of a story's length; ()
    for a short message. What the writer said outright comes first: the topic a question of the
    message names (by its words, then each question classified on its own), then a cause the
    story names (pesten, ziek, een wachtlijst), then the topics the classifier ranked next."""
    if len(turn.text.split()) < LIKELY_TOPICS_MIN_WORDS:
        return ()
    normalised = normalize_for_matching(turn.text)
    asked = [t for q in questions(turn.text) for t in named_topics(normalize_for_matching(q))]
    own = [name for name, confidence in turn.question_topics if confidence >= QUESTION_TOPIC_BUTTON_MIN_CONFIDENCE]
    asked = asked + own
    ranked = [name for name, _ in turn.intent_ranking]
    found = [name for name in (*asked, *named_causes(turn.text), *named_topics(normalised), *ranked)
             if _may_be_extra(name) and name not in answered]
    return tuple(dict.fromkeys(found))[:limit]


def with_likely_topics(reply: Reply, likely: Sequence[str], title,
                       always: Sequence[str] = ALWAYS_AFTER_A_STORY) -> Reply:
    """The likely topics' buttons first, then the step plan and a person (never cut off), then the
    reply's own (no doubles), at most MAX_BUTTONS."""
    if not likely:
        return reply
    kept = [Button(title=title(name), payload=f"/{name}") for name in always
            if name != reply.answer_id and title(name)]
    kept_payloads = {b.payload for b in kept}
    topics = [Button(title=title(name), payload=f"/{name}") for name in likely
              if title(name) and f"/{name}" not in kept_payloads]
    # the answer's own first next step (the complaint after bullying) keeps a place when it has one
    own = [b for b in reply.buttons if b.payload not in kept_payloads and b not in topics]
    room = MAX_BUTTONS - len(kept) - (1 if own else 0)
    buttons = topics[:max(OWN_LIKELY_MIN, room)] + kept
    payloads = {b.payload for b in buttons}
    buttons += [b for b in reply.buttons if b.payload not in payloads]
    return replace(reply, buttons=tuple(buttons[:MAX_BUTTONS]))


def _confidence(turn: TurnInput, intent: str) -> float:
    return next((c for name, c in turn.intent_ranking if name == intent), 0.0)


def is_follow_up(turn: TurnInput, library) -> bool:
    """The message asks more about the topic answered last (``follow_up_turn`` would answer it)."""
    if not turn.previous_topic or not turn.text or turn.intent == SAFETY or detect_danger(turn.text):
        return False
    variant = choose_variant(resolve_audience(turn), turn.voice)
    return follow_up_turn(turn, turn.intent, variant, library, button_titles(library)) is not None


def follow_up_turn(turn: TurnInput, intent: str, variant: str, library, title) -> Optional[tuple[Reply, Optional[str]]]:
    """A follow-up question on the previous topic ("en wie beslist dat?"), answered from that topic
    (bot.turn.follow_up); None when the message is not one."""
    previous = library.get(turn.previous_topic) if turn.previous_topic else None
    previous_text = (previous.tekst.get(variant) or previous.tekst.get(PARENT, "")) if previous else ""
    found = detect_follow_up(turn.text, intent, _confidence(turn, intent), turn.previous_topic,
                             is_topic, previous_text)
    if found is None:
        return None
    reply = follow_up_reply(found, turn.text, variant, library, title)
    return (reply, found.topic) if reply is not None else None


def _english_reply(answer, variant: str) -> Reply:
    """English first (the user wrote English), then the same in Dutch for whoever reads along."""
    text = f"{answer.tekst[ENGLISH_VARIANT].strip()}\n\n{answer.tekst.get(variant, '').strip()}"
    return Reply(text=text.strip(), buttons=(), answer_id=answer.id)


def _top_topic(ranking: Iterable[tuple[str, float]], minimum: float) -> Optional[str]:
    for name, confidence in ranking:
        if is_topic(name) and name not in NOT_AN_EXTRA_TOPIC and confidence >= minimum:
            return name
    return None


def button_titles(library):
    def title(answer_id: str) -> Optional[str]:
        answer = library.get(answer_id)
        return answer.knop if answer else None

    return title


def _with_suggestions(reply: Reply, turn: TurnInput, title, variant: str) -> Reply:
    """Fallback: offer what the classifier thought likely, else the default suggestions."""
    if variant == "spraak":
        return reply
    guesses = [
        name
        for name, confidence in turn.intent_ranking
        if is_topic(name) and confidence >= SUGGESTION_MIN_CONFIDENCE
    ][:MAX_SUGGESTIONS]
    if not guesses:
        return reply
    buttons = tuple(
        Button(title=title(name), payload=f"/{name}") for name in guesses if title(name)
    )
    return Reply(text=reply.text, buttons=buttons or reply.buttons, answer_id=reply.answer_id)
