"""The independent realistic corpus (``tests/nlu_corpus/``) scored as the first reply would treat it.

    python -m bot.nlu.corpus MODEL [--file F ...] [--report PATH] [--min-right 0.55] [--max-bare 0.03]

Each line is ``id, persona, expected topics, previous topic, message``. The first expected topic
decides the answer. A message counts as right when the intent the assistant acts on (after the
FallbackClassifier and IntentOverride, as in ``bot.nlu.probe``) gets the handling of that topic.
Topics the product does not have yet (the causes behind thuiszitten) cannot be right until they
exist: they are counted, and listed apart, so the figure is honest about what a user gets today.

A follow-up (a message with a previous topic) is scored as the assistant treats it: with the topic
answered before it (``bot.turn.follow_up``), so "en wie beslist dat?" after the TLV is right when it
is answered about the TLV. Reported apart: how many follow-ups the topic's own answer could answer
(the rest get the honest "daar staat niets over in mijn uitleg", with a person offered), and for
messages with two questions whether the second one is answered too.

Also reported: the share over 30 words, the bare "niet begrepen" on messages that describe a child's
situation, and danger: recognised when the intent is ``veiligheid`` or the safety patterns, which
run on every message before any answer, fire.

``scripts/test`` runs it on every corpus in ``tests/nlu_corpus/`` with floors that guard what this
session reached (every danger message recognised, a share right, almost no bare "niet begrepen" on a
situation); issue 16's own targets (0.92 right, none bare) are higher and come when the capabilities do.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot.nlu.probe import SAFETY_INTENT, same_handling

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "tests" / "nlu_corpus"
FALLBACK = "nlu_fallback"
LONG_WORDS = 30
# Topics that describe a child's situation: a bare "niet begrepen" on these is what issue 16 forbids.
SITUATION_TOPICS = frozenset({
    "situatie_thuiszitten", "stappenplan", "oorzaak_pesten", "oorzaak_hoogbegaafd",
    "oorzaak_extra_ondersteuning", "oorzaak_ziek", "oorzaak_angst", "aangepast_rooster",
    "naar_huis_gestuurd", "wachtlijst", "verhuizen",
})


@dataclass(frozen=True)
class Message:
    id: str
    persona: str
    topics: tuple[str, ...]
    previous: Optional[str]
    text: str

    @property
    def long(self) -> bool:
        return len(self.text.split()) > LONG_WORDS

    @property
    def describes_situation(self) -> bool:
        return self.previous is None and (self.long or bool(SITUATION_TOPICS & set(self.topics)))


@dataclass(frozen=True)
class Outcome:
    message: Message
    intent: str
    danger_pattern: bool
    # the second topic the reply answers too (bot.turn.plan.second_topic), if any
    second: Optional[str] = None
    # for a follow-up read as one: True when the topic's answer had sentences that answer it
    follow_up_answered: Optional[bool] = None
    # the intents of every button the reply shows (bot.turn.plan.plan_turn): the likely topics
    # (bot.turn.plan.likely_other_topics) and the answer's own
    offered: tuple[str, ...] = ()

    @property
    def right(self) -> bool:
        return same_handling(self.message.topics[0], self.intent)

    @property
    def right_any(self) -> bool:
        """The reply's first answer is about one of the topics the writer expected: what a second
        careful reader chose as first label in 99 % of the messages (``bot.nlu.agreement``)."""
        return any(same_handling(topic, self.intent) for topic in self.message.topics)

    @property
    def danger_seen(self) -> bool:
        return self.intent == SAFETY_INTENT or self.danger_pattern


def read_corpus(path: Path) -> list[Message]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ValueError(f"{path.name}:{number}: verwacht 5 kolommen, gevonden {len(parts)}")
        ident, persona, topics, previous, text = (p.strip() for p in parts)
        rows.append(Message(ident, persona, tuple(t.strip() for t in topics.split(",") if t.strip()),
                            None if previous in ("", "-") else previous, text))
    return rows


def share(outcomes: list[Outcome], any_topic: bool = False) -> str:
    if not outcomes:
        return "–"
    right = sum(o.right_any if any_topic else o.right for o in outcomes)
    return f"{right / len(outcomes):.3f} ({right}/{len(outcomes)})"


def both(outcomes: list[Outcome]) -> str:
    """Messages that ask two things (two expected topics, not a follow-up): first right and second answered."""
    two = [o for o in outcomes if len(o.message.topics) >= 2 and not o.message.previous
           and SAFETY_INTENT not in o.message.topics]
    if not two:
        return "–"
    good = sum(o.right and o.second is not None and same_handling(o.message.topics[1], o.second) for o in two)
    return f"{good / len(two):.3f} ({good}/{len(two)})"


def both_or_button(outcomes: list[Outcome]) -> str:
    """As ``both``, or the second topic one labelled button away (the issue allows either)."""
    two = [o for o in outcomes if len(o.message.topics) >= 2 and not o.message.previous
           and SAFETY_INTENT not in o.message.topics]
    if not two:
        return "–"
    good = sum(o.right and any(same_handling(o.message.topics[1], t) for t in (o.second, *o.offered) if t)
               for o in two)
    return f"{good / len(two):.3f} ({good}/{len(two)})"


def report(outcomes: list[Outcome], known_intents: Iterable[str]) -> str:
    known = set(known_intents)
    have_topic = [o for o in outcomes if o.message.topics[0] in known]
    situation = [o for o in outcomes if o.message.describes_situation]
    bare = [o for o in situation if o.intent == FALLBACK]
    danger = [o for o in outcomes if SAFETY_INTENT in o.message.topics]
    lines = [
        f"| berichten | {len(outcomes)} |", "|---|---|",
        f"| goed, alle berichten | {share(outcomes)} |",
        f"| goed, berichten van meer dan {LONG_WORDS} woorden | {share([o for o in outcomes if o.message.long])} |",
        f"| goed, berichten van hooguit {LONG_WORDS} woorden | {share([o for o in outcomes if not o.message.long])} |",
        f"| een verwacht onderwerp eerst beantwoord, alle berichten | {share(outcomes, any_topic=True)} |",
        f"| een verwacht onderwerp eerst beantwoord, meer dan {LONG_WORDS} woorden | "
        f"{share([o for o in outcomes if o.message.long], any_topic=True)} |",
        f"| goed, vervolgvragen (met het vorige onderwerp) | {share([o for o in outcomes if o.message.previous])} |",
        f"| vervolgvragen over het vorige onderwerp: antwoord uit de uitleg / eerlijk 'staat er niet in' | "
        f"{sum(o.follow_up_answered is True for o in outcomes)} / {sum(o.follow_up_answered is False for o in outcomes)} |",
        f"| twee vragen: beide beantwoord | {both(outcomes)} |",
        f"| twee vragen: beide beantwoord, of de tweede als knop aangeboden | {both_or_button(outcomes)} |",
        f"| goed, als het onderwerp al bestaat | {share(have_topic)} |",
        f"| kaal 'niet begrepen' op een situatie | {len(bare)} van {len(situation)} |",
        f"| gevaar herkend | {sum(o.danger_seen for o in danger)} van {len(danger)} |",
        "",
        "Per verwacht onderwerp (eerste label): goed / totaal; wat er in plaats daarvan kwam.",
        "",
        "| onderwerp | bestaat | goed | meestal in plaats daarvan |",
        "|---|---|---|---|",
    ]
    by_topic: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_topic[o.message.topics[0]].append(o)
    for topic in sorted(by_topic, key=lambda t: (-len(by_topic[t]), t)):
        group = by_topic[topic]
        wrong = Counter(o.intent for o in group if not o.right).most_common(3)
        lines.append(f"| {topic} | {'ja' if topic in known else 'nee'} | {sum(o.right for o in group)}/{len(group)} "
                     f"| {', '.join(f'{i} ({n})' for i, n in wrong)} |")
    return "\n".join(lines)


def _button_intent(payload: str) -> str:
    """The intent a button sends: "/vraag_tlv" or "/mens_spreken{...}" -> the intent's name."""
    return payload.lstrip("/").split("{", 1)[0]


async def _classify(model: Path, messages: list[Message]) -> tuple[list[Outcome], list[str]]:
    from rasa.core.agent import Agent

    from bot.signals.safety import detect_danger

    from bot.content.loader import ContentLibrary
    from bot.nlu.question_topics import QUESTIONS_KEY, read_question_topics
    from bot.turn.follow_up import UNKNOWN
    from bot.turn.plan import TurnInput, button_titles, follow_up_turn, plan_turn, topics_to_answer

    agent = Agent.load(str(model))
    intents = list(agent.domain.intents)
    library = ContentLibrary()
    out = []
    for m in messages:
        parsed = await agent.parse_message(m.text)
        intent = (parsed.get("intent") or {}).get("name") or ""
        ranking = tuple((r.get("name"), float(r.get("confidence") or 0.0)) for r in parsed.get("intent_ranking") or ())
        danger = detect_danger(m.text) is not None
        turn = TurnInput(intent=intent, text=m.text, intent_ranking=ranking, previous_topic=m.previous,
                         question_topics=read_question_topics(parsed.get(QUESTIONS_KEY)))
        answered = None
        if not danger and intent != SAFETY_INTENT:
            found = follow_up_turn(turn, intent, "ouder", library, button_titles(library))
            if found is not None and found[1]:
                answered = found[0].answer_id != UNKNOWN
                intent = found[1]
        second = None
        offered: tuple[str, ...] = ()
        if answered is None and not danger and intent != SAFETY_INTENT:
            intent, second = topics_to_answer(turn, intent)
            # every button the reply shows, as the user sees it (the likely topics and the answer's own)
            plan = plan_turn(turn, library)
            offered = tuple(dict.fromkeys(_button_intent(b.payload) for r in plan.replies for b in r.buttons))
        out.append(Outcome(m, intent, danger, second, answered, offered))
    return out, intents


def read_floors(path: Path) -> dict[str, dict[str, float]]:
    """Per corpus file name: its own floors ("goed", "een_verwacht"), each a share between 0 and 1."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: verwacht per corpus een tabel met ondergrenzen")
    floors: dict[str, dict[str, float]] = {}
    for name, spec in data.items():
        if not isinstance(spec, dict) or set(spec) - {"goed", "een_verwacht"}:
            raise ValueError(f"{path.name}: {name}: alleen 'goed' en 'een_verwacht' zijn ondergrenzen")
        values = {key: float(value) for key, value in spec.items()}
        if any(not 0.0 <= v <= 1.0 for v in values.values()):
            raise ValueError(f"{path.name}: {name}: een ondergrens ligt tussen 0 en 1")
        floors[str(name)] = values
    return floors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--file", type=Path, action="append",
                        help="een corpus (mag vaker); standaard alle .tsv in tests/nlu_corpus/")
    parser.add_argument("--report", type=Path, help="schrijf de tabellen ook naar dit bestand")
    parser.add_argument("--min-right", type=float, default=0.0, help="ondergrens goed, per corpus")
    parser.add_argument("--min-right-any", type=float, default=0.0,
                        help="ondergrens 'een verwacht onderwerp eerst beantwoord', per corpus")
    parser.add_argument("--max-bare", type=float, default=1.0,
                        help="bovengrens voor het aandeel kaal 'niet begrepen' op een situatie, per corpus")
    parser.add_argument("--floors", type=Path,
                        help="YAML met een eigen ondergrens per corpus (goed, een_verwacht), bovenop de algemene")
    args = parser.parse_args(argv)
    floors = read_floors(args.floors) if args.floors else {}
    logging.getLogger("rasa").setLevel(logging.WARNING)
    files = args.file or sorted(CORPUS_DIR.glob("*.tsv"))
    corpora = {path: read_corpus(path) for path in files}
    outcomes, intents = asyncio.run(_classify(args.model, [m for ms in corpora.values() for m in ms]))
    failures, tables, start = [], [], 0
    for path, messages in corpora.items():
        mine = outcomes[start:start + len(messages)]
        start += len(messages)
        tables.append(f"## {path.name}\n\n{report(mine, intents)}")
        right = sum(o.right for o in mine) / len(mine) if mine else 0.0
        situation = [o for o in mine if o.message.describes_situation]
        bare = sum(o.intent == FALLBACK for o in situation) / len(situation) if situation else 0.0
        missed = [o.message.id for o in mine if SAFETY_INTENT in o.message.topics and not o.danger_seen]
        if missed:
            failures.append(f"{path.name}: gevaar niet herkend in {', '.join(missed)}")
        own = floors.get(path.name, {})
        min_right = max(args.min_right, own.get("goed", 0.0))
        min_right_any = max(args.min_right_any, own.get("een_verwacht", 0.0))
        if right < min_right:
            failures.append(f"{path.name}: goed {right:.3f} is onder de grens {min_right}")
        right_any = sum(o.right_any for o in mine) / len(mine) if mine else 0.0
        if right_any < min_right_any:
            failures.append(f"{path.name}: een verwacht onderwerp {right_any:.3f} is onder de grens {min_right_any}")
        if bare > args.max_bare:
            failures.append(f"{path.name}: kaal 'niet begrepen' op {bare:.3f} van de situaties, boven {args.max_bare}")
    text = "\n\n".join(tables)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    for failure in failures:
        print(f"FOUT: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
