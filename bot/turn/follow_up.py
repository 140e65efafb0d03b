"""Follow-up questions about the previous answer (issue 16).

After the answer about the TLV, "en wie beslist dat?" is a question about the TLV. On its own the
message names no topic, so the classifier guesses (often a topic whose training sentences say
"beslist"). This module decides, from the message and the topic answered last, whether the message
is a follow-up, and answers it from that topic's own content: the sentences that answer the question
(who decides, how long, what it costs, what if they refuse, how to ask, in writing), under "Over de
TLV weet ik dit." so the user sees which answer it is about; or, when the topic's answer says nothing
about it, says so honestly and offers a person.

Plain Python over data (``follow_up.yml``, ``content/vervolg/onderwerpen.yml``) and the content
library; ``bot.turn.plan`` calls it, the Rasa actions only supply the last topic (a slot).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Optional

import yaml

from bot.signals.normalize import normalize_for_matching
from bot.turn.replies import VOICE, Button, Reply, source_line
from bot.turn.topic_words import names_topic, topic_patterns

RULES_FILE = Path(__file__).with_name("follow_up.yml")
NAMES_FILE = Path(__file__).resolve().parents[2] / "content" / "vervolg" / "onderwerpen.yml"
FRAME, UNKNOWN, NO_TOPIC = "vervolg", "vervolg_onbekend", "vervolg_zonder_onderwerp"
# Intents that are never read as a follow-up: they are what the user says, whatever came before.
OWN_MEANING = frozenset({
    "veiligheid", "bedankt", "afscheid", "groet", "mens_spreken", "hulpvraag_starten",
    "hulpvraag_intrekken", "stappenplan", "woonplaats_noemen", "vraag_contact", "vraag_bot", "privacy_gesprek",
    "wat_kun_je", "andere_taal",
})
# A classifier this sure of another topic wins over a follow-up that asks no facet.
TRUST_OTHER_TOPIC = 0.6
# A follow-up without an earlier topic is asked about only when it is this short.
MAX_WORDS_WITHOUT_TOPIC = 8
MAX_SENTENCES = 3
# A question word found in more than this share of the answer's sentences picks none of them.
DISCRIMINATING = 0.4
# Words of a question that carry no topic of their own (besides spaCy's Dutch stop words).
_QUESTION_WORDS = frozenset({
    "wie", "wat", "hoe", "waar", "wanneer", "waarom", "welke", "lang", "hoelang", "nou", "gewoon",
    "eigenlijk", "precies", "meestal", "ongeveer", "toch", "echt", "even", "ok", "oke", "oké",
    "zo", "n", "zon", "nog", "ook", "wel", "niet", "geen", "dan", "dus", "maar", "als", "stel",
    "mag", "moet", "kan", "kun", "kunnen", "moeten", "mogen", "wil", "willen", "zeggen", "zegt",
})
_MIN_CONTENT_WORD = 4
_STEM = 5


@dataclass(frozen=True)
class Facet:
    name: str
    questions: tuple[re.Pattern[str], ...]
    sentence_starts: tuple[str, ...]
    see_also: Optional[str] = None  # a topic to offer when the previous answer does not cover it
    # the question may name who does it ("en als het samenwerkingsverband nee zegt?" after the TLV): the
    # organisation it names is the one that refuses, not a new subject
    names_who: bool = False


@dataclass(frozen=True)
class FollowUpRules:
    max_words: int
    refers_back: re.Pattern[str]
    openers: re.Pattern[str]
    facets: tuple[Facet, ...]


@dataclass(frozen=True)
class FollowUp:
    """The message asks about ``topic`` (the previous answer), optionally one ``facet`` of it."""
    topic: Optional[str]
    facet: Optional[str] = None


def _words(items) -> str:
    return "|".join(re.escape(str(i)) for i in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> FollowUpRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    facets = tuple(
        Facet(name, tuple(re.compile(p) for p in spec.get("vraag") or ()),
              tuple(str(s) for s in spec.get("zinnen") or ()), spec.get("verwijzing"),
              bool(spec.get("noemt_wie", False)))
        for name, spec in (data.get("facets") or {}).items()
    )
    return FollowUpRules(
        max_words=int(data.get("max_words", 25)),
        refers_back=re.compile(rf"\b(?:{_words(data.get('refers_back') or ())})\b"),
        openers=re.compile(rf"^(?:{_words(data.get('openers') or ())})\b"),
        facets=facets,
    )


@lru_cache(maxsize=1)
def topic_names(path: Path = NAMES_FILE) -> Mapping[str, str]:
    """How a follow-up reply names a topic after "Over": ``vraag_tlv`` -> "de TLV"."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _QUESTION_WORDS


def facet_of(normalised: str, rules: Optional[FollowUpRules] = None) -> Optional[Facet]:
    for facet in (rules or load_rules()).facets:
        if any(p.search(normalised) for p in facet.questions):
            return facet
    return None


def content_words(normalised: str) -> tuple[str, ...]:
    """The words of a question that could name something: no stop or question words, no numbers."""
    stop = _stop_words()
    return tuple(w for w in normalised.split()
                 if len(w) >= _MIN_CONTENT_WORD and w not in stop and not w.isdigit())


def _mentions(word: str, text_words: frozenset[str]) -> bool:
    stem = word[:_STEM]
    return any(t.startswith(stem) for t in text_words)


def detect_follow_up(text: str, intent: str, confidence: float, previous: Optional[str],
                     is_topic: Callable[[str], bool], previous_text: str = "") -> Optional[FollowUp]:
    """A follow-up on ``previous`` (the topic answered last), or on nothing (``FollowUp(None)``:
    ask what it is about), or None: answer the message as the classifier read it."""
    if not text or intent in OWN_MEANING:
        return None
    rules = load_rules()
    normalised = normalize_for_matching(text)
    words = normalised.replace(" . ", " ").split()
    lead = None
    if len(words) > rules.max_words:
        # A longer message that opens with a short question ("Hoe lang is dat dan meestal? Ze zeiden
        # tegen ons ...") is read for that question; the rest is context.
        lead = leading_question(text)
        normalised = normalize_for_matching(lead) if lead else ""
        words = normalised.replace(" . ", " ").split()
    if not words or len(words) > rules.max_words:
        return None
    facet = facet_of(normalised, rules)
    refers_back = bool(rules.openers.search(normalised) or rules.refers_back.search(normalised))
    if not (facet or refers_back):
        return None
    if previous is None or not is_topic(previous):
        if lead:
            return None  # a longer message with nothing to refer back to is read as a whole
        # Nothing to refer back to: a short message that points back ("hoe lang duurt dat?"), for which
        # the classifier only guessed a topic that the message does not name, is asked about.
        guessed = (is_topic(intent) and confidence < TRUST_OTHER_TOPIC
                   and not names_topic(normalised, intent))
        unclear = intent == "nlu_fallback" or (refers_back and guessed)
        if unclear and len(words) <= MAX_WORDS_WITHOUT_TOPIC:
            return FollowUp(None, facet.name if facet else None)
        return None
    if intent != previous and is_topic(intent):
        who_refuses = bool(facet and facet.names_who and _names_who(normalised, intent, facet))
        if names_topic(normalised, intent) and not names_topic(normalised, previous) and not who_refuses:
            return None  # "wat is dan het verschil met een schorsing?": about schorsing
        known = frozenset(normalize_for_matching(previous_text).split())
        # the words that ask the facet ("hoe lang duurt") are the question, not a new subject
        asked = _without_facet(normalised, facet)
        new_words = [w for w in content_words(asked) if not _mentions(w, known)]
        # Words the previous answer never used mean a new subject: trusted when the classifier is
        # sure, and always for a longer message (its opening question is only a lead).
        if new_words and (lead or (confidence >= TRUST_OTHER_TOPIC and not facet)):
            return None
    return FollowUp(previous, facet.name if facet else None)


def _names_who(normalised: str, topic: str, facet: Facet) -> bool:
    """The topic is named as who does what the facet asks, between "als" and the facet's words: "en als het
    samenwerkingsverband nee zegt?" (not "waar kan ik een klacht indienen als ze niet luisteren?")."""
    named = topic_patterns().get(topic)
    found = named.search(normalised) if named else None
    asked = [m.start() for m in (p.search(normalised) for p in facet.questions) if m]
    if found is None or not asked:
        return False
    return bool(re.search(r"\bals\b", normalised[:found.start()])) and found.start() < min(asked)


# A longer message's opening question counts as a follow-up only when it is this short.
MAX_LEAD_QUESTION_WORDS = 12


def leading_question(text: str) -> Optional[str]:
    """The message's first sentence when it is a short question ("Mag dat zomaar?"), else None."""
    first = next(iter(split_sentences(text or "")), "")
    if not first.endswith("?") or len(first.split()) > MAX_LEAD_QUESTION_WORDS:
        return None
    return first


def _without_facet(normalised: str, facet: Optional[Facet]) -> str:
    """The message without the words that ask ``facet`` ("hoe lang duurt dat" -> "dat")."""
    if facet is None:
        return normalised
    for pattern in facet.questions:
        normalised = pattern.sub(" ", normalised)
    return normalised


def _has_start(start: str, plain: str, words: frozenset[str]) -> bool:
    """A word of the sentence starts with ``start``; a phrase ("niet eens") occurs as words."""
    if " " in start:
        return f" {start}" in f" {plain}"
    return any(w.startswith(start) for w in words)


_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def answering_sentences(answer_text: str, question: str, facet_name: Optional[str]) -> tuple[str, ...]:
    """The sentences of the topic's answer that answer the question, in their own order.

    With a facet ("hoe lang", "wie beslist") only sentences that speak to it count; words of the
    question that the sentence shares add to that, as long as they are not words nearly every
    sentence of the answer has (the topic's own name says nothing about which sentence answers)."""
    rules = load_rules()
    facet = next((f for f in rules.facets if f.name == facet_name), None)
    sentences = split_sentences(answer_text)
    plains = [normalize_for_matching(s).replace(" . ", " ") for s in sentences]
    word_sets = [frozenset(p.split()) for p in plains]
    asked = [w for w in dict.fromkeys(content_words(normalize_for_matching(question)))
             if sum(_mentions(w, ws) for ws in word_sets) <= max(1, len(sentences) * DISCRIMINATING)]
    scores = []
    for plain, words in zip(plains, word_sets):
        facet_hits = sum(1 for start in facet.sentence_starts if _has_start(start, plain, words)) if facet else 0
        shared = sum(1 for w in asked if _mentions(w, words))
        if facet and not facet_hits:
            scores.append(0)
        else:
            scores.append(2 * facet_hits + 3 * shared)
    best = sorted((i for i, s in enumerate(scores) if s >= 2), key=lambda i: (-scores[i], i))[:MAX_SENTENCES]
    chosen = set(best)
    for i in best:
        # "Bent u het niet eens? Dan kunt u …": a question and its "Dan" answer go together, and a
        # sentence that points back ("Dat kan als …") takes the sentence it points at.
        if i > 0 and (sentences[i].startswith("Dan ") and sentences[i - 1].endswith("?")
                      or sentences[i].split(" ", 1)[0] in _POINTS_BACK
                      or sentences[i].split(" ")[1:2] == ["dan"]):
            chosen.add(i - 1)
        if sentences[i].endswith("?"):
            if i + 1 < len(sentences) and sentences[i + 1].startswith("Dan "):
                chosen.add(i + 1)
            else:
                chosen.discard(i)  # a question without its answer answers nothing
    return tuple(_as_sentence(sentences[i]) for i in sorted(chosen))


_POINTS_BACK = frozenset({"Dat", "Dit", "Die", "Daar", "Daarin", "Daarvoor", "Ook", "Hij", "Zij", "Het"})


def _as_sentence(line: str) -> str:
    """A list item taken out of its list reads as a sentence: "- u krijgt een brief;" -> "U krijgt een brief."."""
    text = line.lstrip("-•* ").strip()
    if text.endswith((";", ":", ",")):
        text = text[:-1].rstrip() + "."
    if text and text[-1] not in ".?!":
        text += "."
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def follow_up_reply(follow_up: FollowUp, question: str, variant: str, library,
                    button_title: Callable[[str], Optional[str]]) -> Optional[Reply]:
    """The reply to a follow-up, from the topic's own answer in this variant; None without content."""
    if follow_up.topic is None:
        frame = library.get(NO_TOPIC)
        if frame is None:
            return None
        text = (frame.tekst.get(variant) or frame.tekst.get("ouder", "")).strip()
        return Reply(text=text, buttons=_buttons(frame.vervolg, variant, button_title), answer_id=NO_TOPIC)
    answer = library.get(follow_up.topic)
    if answer is None:
        return None
    name = topic_names().get(follow_up.topic) or (answer.knop or follow_up.topic)
    own_text = answer.tekst.get(variant) or answer.tekst.get("ouder", "")
    sentences = answering_sentences(own_text, question, follow_up.facet)
    if sentences:
        frame = library.get(FRAME)
        template = (frame.tekst.get(variant) or frame.tekst.get("ouder", "")) if frame else "{antwoord}"
        text = template.format(onderwerp=name, antwoord=" ".join(sentences)).strip()
        line = source_line(answer, variant)
        if line:
            text = f"{text}\n\n{line}"
        follow_ups = [follow_up.topic] + [v for v in answer.vervolg if v != follow_up.topic]
        return Reply(text=text, buttons=_buttons(follow_ups[:3], variant, button_title), answer_id=follow_up.topic)
    frame = library.get(UNKNOWN)
    if frame is None:
        return None
    text = (frame.tekst.get(variant) or frame.tekst.get("ouder", "")).format(onderwerp=name).strip()
    facet = next((f for f in load_rules().facets if f.name == follow_up.facet), None)
    see_also = [facet.see_also] if facet and facet.see_also and facet.see_also != follow_up.topic else []
    return Reply(text=text, buttons=_buttons([follow_up.topic, *see_also, *frame.vervolg], variant, button_title),
                 answer_id=UNKNOWN)


def _buttons(ids, variant: str, button_title: Callable[[str], Optional[str]]) -> tuple[Button, ...]:
    if variant == VOICE:
        return ()
    out = []
    for answer_id in ids:
        title = button_title(answer_id)
        if title:
            out.append(Button(title=title, payload=f"/{answer_id}"))
    return tuple(out)
