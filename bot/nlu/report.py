"""Checks and summarises a ``rasa test nlu`` result directory (held-out test or cross-validation).

    python -m bot.nlu.report RESULTS_DIR [--min-intent-f1 0.85] [--min-safety-recall 1.0] [--markdown OUT]

Exits 1 when the weighted intent F1 or the recall of the safety intent is below the floor.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SAFETY_INTENT = "veiligheid"


def load_report(results: Path) -> dict:
    path = results / "intent_report.json"
    if not path.exists():
        raise FileNotFoundError(f"geen intent_report.json in {results}")
    return json.loads(path.read_text(encoding="utf-8"))


def weighted_f1(report: dict) -> float:
    return float(report["weighted avg"]["f1-score"])


def per_intent(report: dict) -> dict[str, dict]:
    skip = {"accuracy", "macro avg", "weighted avg", "micro avg"}
    return {name: values for name, values in report.items() if name not in skip and isinstance(values, dict)}


def problems(report: dict, min_f1: float, min_safety_recall: float | None) -> list[str]:
    found = []
    f1 = weighted_f1(report)
    if f1 < min_f1:
        found.append(f"gewogen intent-F1 {f1:.3f} < {min_f1:.3f}")
    if min_safety_recall is not None:
        safety = per_intent(report).get(SAFETY_INTENT)
        if safety is None:
            found.append("geen testzinnen voor veiligheid")
        elif float(safety["recall"]) < min_safety_recall:
            found.append(f"recall veiligheid {float(safety['recall']):.3f} < {min_safety_recall:.3f}")
    return found


def markdown(report: dict, title: str) -> str:
    lines = [f"# {title}", "", f"Weighted intent F1: **{weighted_f1(report):.3f}**", "",
             "| intent | precision | recall | f1 | support |", "|---|---|---|---|---|"]
    for name, values in sorted(per_intent(report).items()):
        lines.append(
            f"| {name} | {values['precision']:.2f} | {values['recall']:.2f} | "
            f"{values['f1-score']:.2f} | {int(values['support'])} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results", type=Path)
    parser.add_argument("--min-intent-f1", type=float, default=0.0)
    parser.add_argument("--min-safety-recall", type=float, default=None)
    parser.add_argument("--markdown", type=Path, default=None)
    parser.add_argument("--title", default="NLU-resultaten")
    args = parser.parse_args(argv)
    report = load_report(args.results)
    weakest = sorted(per_intent(report).items(), key=lambda item: item[1]["f1-score"])[:5]
    print(f"gewogen intent-F1: {weighted_f1(report):.3f}")
    print("zwakste intents: " + ", ".join(f"{n} {v['f1-score']:.2f}" for n, v in weakest))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown(report, args.title), encoding="utf-8")
    found = problems(report, args.min_intent_f1, args.min_safety_recall)
    for problem in found:
        print(f"FOUT: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
