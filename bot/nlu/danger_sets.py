"""Scores the whole understanding on the independent safety sets (tests/safety_sets/): a danger message is
recognised when a pattern sees it or the intent after the classifier and the overrides is ``veiligheid``
(then the safety message comes first, bot.turn.plan); an ordinary message that gets ``veiligheid`` is a false
alarm. Floors per set in ``tests/safety_sets/ondergrenzen.yml``; ``scripts/test`` runs it.

    python -m bot.nlu.danger_sets models/wegwijzer.tar.gz --floors tests/safety_sets/ondergrenzen.yml
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.nlu.intent_override import SAFETY_INTENT
from bot.signals.safety import detect_danger

SETS_DIR = Path(__file__).resolve().parents[2] / "tests" / "safety_sets"
NO_DANGER = "geen"


@dataclass(frozen=True)
class Score:
    danger: int
    recognised: int
    ordinary: int
    false_alarms: int
    missed: tuple[str, ...]


def read_set(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name}:{number}: verwacht 3 kolommen (id, soort, bericht), gevonden {len(parts)}")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def score(rows: list[tuple[str, str, str]], seen: list[bool]) -> Score:
    danger = [(r, s) for r, s in zip(rows, seen) if r[1] != NO_DANGER]
    ordinary = [(r, s) for r, s in zip(rows, seen) if r[1] == NO_DANGER]
    return Score(len(danger), sum(s for _, s in danger), len(ordinary), sum(s for _, s in ordinary),
                 tuple(r[0] for r, s in danger if not s))


async def _seen(model: Path, texts: list[str]) -> list[bool]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        intent = (parsed.get("intent") or {}).get("name")
        out.append(intent == SAFETY_INTENT or detect_danger(text) is not None)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--floors", type=Path, required=True,
                        help="YAML per set: herkend (ondergrens, aandeel) en vals_alarm (bovengrens, aandeel)")
    args = parser.parse_args(argv)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    floors = yaml.safe_load(args.floors.read_text(encoding="utf-8")) or {}
    sets = {name: read_set(SETS_DIR / name) for name in sorted(floors)}
    texts = [t for rows in sets.values() for _, _, t in rows]
    seen = asyncio.run(_seen(args.model, texts))
    failures, start = [], 0
    for name, rows in sets.items():
        result = score(rows, seen[start:start + len(rows)])
        start += len(rows)
        recognised = result.recognised / result.danger if result.danger else 1.0
        alarms = result.false_alarms / result.ordinary if result.ordinary else 0.0
        print(f"{name}: gevaar herkend {result.recognised}/{result.danger} ({recognised:.3f}), "
              f"vals alarm {result.false_alarms}/{result.ordinary} ({alarms:.3f})")
        own = floors[name]
        if recognised < float(own["herkend"]):
            failures.append(f"{name}: herkend {recognised:.3f} onder de grens {own['herkend']} "
                            f"(gemist: {', '.join(result.missed)})")
        if alarms > float(own["vals_alarm"]):
            failures.append(f"{name}: vals alarm {alarms:.3f} boven de grens {own['vals_alarm']}")
    for failure in failures:
        print(f"FOUT: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
