"""Realistic messages through the whole NLU pipeline, scored as the user experiences them.

    python -m bot.nlu.probe MODEL [--file tests/nlu_probe/realistic_messages.tsv] [--min-right 0.85]

``rasa test nlu`` scores the classifier's ranking: it undoes the FallbackClassifier, so a message
that ends in "dat begreep ik niet" still counts as right when the top intent was. Here a message is
right when the intent the assistant acts on gets the handling of the expected intent (intents of
one group in ``intent_groups.yml`` count as the same). Exit 1 below ``--min-right`` or when any
danger message is not recognised as danger.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Iterable

from bot.nlu.intent_groups import groups

REPO = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO / "tests" / "nlu_probe" / "realistic_messages.tsv"
SAFETY_INTENT = "veiligheid"


def read_probe(path: Path) -> list[tuple[str, str]]:
    """(expected intent, message) for every line ``intent<TAB>message``; # starts a comment."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        intent, message = line.split("\t", 1)
        rows.append((intent.strip(), message.strip()))
    return rows


def same_handling(expected: str, got: str) -> bool:
    return expected == got or any(expected in g and got in g for g in groups())


def score(results: Iterable[tuple[str, str, str]]) -> tuple[float, list[tuple[str, str, str]], list[str]]:
    """(share right, misses as (expected, got, message), danger messages not seen as danger)."""
    results = list(results)
    misses = [(e, g, m) for e, g, m in results if not same_handling(e, g)]
    missed_danger = [m for e, g, m in results if e == SAFETY_INTENT and g != SAFETY_INTENT]
    return (1 - len(misses) / len(results)) if results else 0.0, misses, missed_danger


async def _parse_all(model: Path, rows: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    out = []
    for expected, message in rows:
        parsed = await agent.parse_message(message)
        out.append((expected, (parsed.get("intent") or {}).get("name") or "", message))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--min-right", type=float, default=0.0)
    args = parser.parse_args(argv)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    rows = read_probe(args.file)
    right, misses, missed_danger = score(asyncio.run(_parse_all(args.model, rows)))
    print(f"realistische berichten: {len(rows)}, goed afgehandeld: {right:.3f}")
    for expected, got, message in misses:
        print(f"  {expected} -> {got}: {message[:100]}")
    if missed_danger:
        print(f"FOUT: {len(missed_danger)} bericht(en) met gevaar niet herkend")
    if right < args.min_right:
        print(f"FOUT: {right:.3f} is onder de grens {args.min_right}")
    return 1 if missed_danger or right < args.min_right else 0


if __name__ == "__main__":
    sys.exit(main())
