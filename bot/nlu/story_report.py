"""Checks an end-to-end ``rasa test core --e2e`` run of the test stories against accuracy floors.

    python -m bot.nlu.story_report RESULTS_DIR --stories tests/test_stories \
        [--min-turn-intent-accuracy 0.9] [--min-conversation-accuracy 0.75]

Rasa's e2e run writes failed stories with ``# predicted: <intent>: <text>`` comments on the turns it
got wrong. This counts user turns whose intent was wrong (entity mistakes are counted separately)
and compares with the number of user turns in the stories. Exits 1 below a floor; safety turns
(intent ``veiligheid``) must all be right.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

SAFETY_INTENT = "veiligheid"
_INTENT_LINE = re.compile(r"^\s*- intent: (\S+)\s+# predicted: ([^:\s]+):")
_ENTITY_LINE = re.compile(r"^\s*- \w+: .*# predicted: ")


@dataclass(frozen=True)
class StoryScore:
    user_turns: int
    intent_errors: int
    safety_errors: int
    entity_errors: int
    conversation_accuracy: float

    @property
    def turn_intent_accuracy(self) -> float:
        return 1.0 - self.intent_errors / self.user_turns if self.user_turns else 0.0


def count_user_turns(stories_dir: Path) -> int:
    """User turns with a text: the turns the e2e run sends through the NLU. An intent-only step
    (a plain answer inside a form, whose text the form reads itself) skips the NLU in Rasa's e2e
    run and is always "right" there, so it is not counted."""
    total = 0
    for path in sorted(stories_dir.glob("*.yml")):
        for story in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories", []):
            total += sum(1 for step in story.get("steps", []) if "user" in step)
    return total


def count_errors(failed_stories_text: str) -> tuple[int, int, int]:
    intent_errors = safety_errors = entity_errors = 0
    for line in failed_stories_text.splitlines():
        match = _INTENT_LINE.match(line)
        if match:
            expected, predicted = match.groups()
            if expected != predicted:
                intent_errors += 1
                if SAFETY_INTENT in (expected,):
                    safety_errors += 1
            continue
        if _ENTITY_LINE.match(line):
            entity_errors += 1
    return intent_errors, safety_errors, entity_errors


def score(results: Path, stories: Path) -> StoryScore:
    failed = results / "failed_test_stories.yml"
    text = failed.read_text(encoding="utf-8") if failed.exists() else ""
    intent_errors, safety_errors, entity_errors = count_errors(text)
    report = json.loads((results / "story_report.json").read_text(encoding="utf-8"))
    return StoryScore(
        user_turns=count_user_turns(stories),
        intent_errors=intent_errors,
        safety_errors=safety_errors,
        entity_errors=entity_errors,
        conversation_accuracy=float(report["conversation_accuracy"]["accuracy"]),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results", type=Path)
    parser.add_argument("--stories", type=Path, required=True)
    parser.add_argument("--min-turn-intent-accuracy", type=float, default=0.9)
    parser.add_argument("--min-conversation-accuracy", type=float, default=0.75)
    args = parser.parse_args(argv)
    result = score(args.results, args.stories)
    print(f"beurten: {result.user_turns}, intent goed: {result.turn_intent_accuracy:.3f}, "
          f"entiteitfouten: {result.entity_errors}, gesprekken helemaal goed: {result.conversation_accuracy:.3f}")
    problems = []
    if result.turn_intent_accuracy < args.min_turn_intent_accuracy:
        problems.append(f"intent per beurt {result.turn_intent_accuracy:.3f} < {args.min_turn_intent_accuracy}")
    if result.conversation_accuracy < args.min_conversation_accuracy:
        problems.append(f"gesprekken {result.conversation_accuracy:.3f} < {args.min_conversation_accuracy}")
    if result.safety_errors:
        problems.append(f"{result.safety_errors} gevaarsignalen niet herkend")
    for problem in problems:
        print(f"FOUT: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
