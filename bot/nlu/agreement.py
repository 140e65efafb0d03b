"""How often two careful human readers agree on what a corpus message is about (issue 16).

The corpus scorer (``bot.nlu.corpus``) counts a reply right when it answers the writer's *first*
label. A second reader who labels the same messages blind (``tests/nlu_corpus/tweede_lezer/``)
shows how far that single label is a fact about the message and how far a judgement: the share on
which the two readers pick the same first topic is the ceiling a classifier can be held to on that
measure, and the share where the second reader's first topic is one of the writer's topics is the
ceiling of "a topic the writer expected is answered first".

    python -m bot.nlu.agreement CORPUS.tsv SECOND_READER.tsv
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.nlu.corpus import LONG_WORDS, Message, read_corpus


def read_second_reader(path: Path) -> dict[str, tuple[str, ...]]:
    labels: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path.name}:{number}: verwacht 2 kolommen, gevonden {len(parts)}")
        topics = tuple(t.strip() for t in parts[1].split(",") if t.strip())
        if not topics:
            raise ValueError(f"{path.name}:{number}: geen onderwerp")
        labels[parts[0].strip()] = topics
    return labels


@dataclass(frozen=True)
class Agreement:
    messages: int
    same_first: int          # both readers chose the same first topic
    first_in_writers: int    # the second reader's first topic is one of the writer's topics

    def share(self, count: int) -> float:
        return count / self.messages if self.messages else 0.0


def agreement(messages: list[Message], second: dict[str, tuple[str, ...]]) -> Agreement:
    both = [(m, second[m.id]) for m in messages if m.id in second]
    return Agreement(len(both), sum(m.topics[0] == s[0] for m, s in both),
                     sum(s[0] in m.topics for m, s in both))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("second_reader", type=Path)
    args = parser.parse_args(argv)
    messages = read_corpus(args.corpus)
    second = read_second_reader(args.second_reader)
    missing = [m.id for m in messages if m.id not in second]
    if missing:
        print(f"FOUT: de tweede lezer mist {', '.join(missing)}")
        return 1
    for name, group in (("alle berichten", messages),
                        (f"meer dan {LONG_WORDS} woorden", [m for m in messages if m.long]),
                        (f"hooguit {LONG_WORDS} woorden", [m for m in messages if not m.long])):
        a = agreement(group, second)
        print(f"{name}: {a.messages} berichten; zelfde eerste onderwerp {a.share(a.same_first):.3f}; "
              f"eerste onderwerp van de tweede lezer bij die van de schrijver {a.share(a.first_in_writers):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
