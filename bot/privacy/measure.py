"""Measure redaction on the hand-written test set and write reports/redaction.md.

    python -m bot.privacy.measure [--testset tests/fixtures/redaction_testset.yml] [--rapport reports/redaction.md]

Recall per kind: an expected piece counts as found when every character of it lies inside findings of
the same kind ("gemaskeerd" also accepts another kind: masked is masked). Precision: findings that
overlap an expected piece, of all findings (lines without personal data included).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.privacy.redaction import find_personal_data, redact
from bot.privacy.span import KINDS

REPO = Path(__file__).resolve().parents[2]
TESTSET = REPO / "tests" / "fixtures" / "redaction_testset.yml"
REPORT = REPO / "reports" / "redaction.md"
KEEP_FROM = "\n## Vergelijking met deduce"   # a later section of the report that this script leaves as it is


@dataclass
class Result:
    expected: Counter = field(default_factory=Counter)
    found_same_kind: Counter = field(default_factory=Counter)
    found_any_kind: Counter = field(default_factory=Counter)
    detected: Counter = field(default_factory=Counter)
    detected_correct: Counter = field(default_factory=Counter)
    detected_overlapping: int = 0
    negatives: int = 0
    negatives_untouched: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def recall(self, kind: str, strict: bool = True) -> float:
        hits = (self.found_same_kind if strict else self.found_any_kind)[kind]
        return hits / self.expected[kind] if self.expected[kind] else 1.0

    def precision(self, kind: str | None = None) -> float:
        if kind is None:
            total = sum(self.detected.values())
            return self.detected_overlapping / total if total else 1.0
        return self.detected_correct[kind] / self.detected[kind] if self.detected[kind] else 1.0

    @property
    def untouched_rate(self) -> float:
        return self.negatives_untouched / self.negatives if self.negatives else 1.0


def _covered(start: int, end: int, spans) -> bool:
    chars = set(range(start, end))
    for s in spans:
        chars -= set(range(s.start, s.end))
    return not chars


def locate(text: str, piece: str, used: set) -> tuple[int, int]:
    """Where ``piece`` stands in ``text``, skipping the starts in ``used`` (a piece may occur twice)."""
    pos = text.find(piece)
    while pos in used and pos != -1:
        pos = text.find(piece, pos + 1)
    if pos == -1:
        raise ValueError(f"{piece!r} staat niet in {text!r}")
    used.add(pos)
    return pos, pos + len(piece)


def measure(path: Path = TESTSET) -> Result:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    r = Result()
    for item in data["met_persoonsgegevens"]:
        text = item["tekst"]
        spans = find_personal_data(text)
        used: set = set()
        expected = [(kind, *locate(text, piece, used)) for kind, piece in item["verwacht"]]
        for kind, s, e in expected:
            r.expected[kind] += 1
            if _covered(s, e, [x for x in spans if x.kind == kind]):
                r.found_same_kind[kind] += 1
            else:
                r.misses.append((kind, text, text[s:e], redact(text)))
            if _covered(s, e, spans):
                r.found_any_kind[kind] += 1
        for x in spans:
            r.detected[x.kind] += 1
            overlaps = [k for k, s, e in expected if x.start < e and s < x.end]
            if overlaps:
                r.detected_overlapping += 1
                if x.kind in overlaps:
                    r.detected_correct[x.kind] += 1
            else:
                r.false_alarms.append((x.kind, text, x.text))
    for text in data["zonder_persoonsgegevens"]:
        r.negatives += 1
        spans = find_personal_data(text)
        if not spans:
            r.negatives_untouched += 1
        for x in spans:
            r.detected[x.kind] += 1
            r.false_alarms.append((x.kind, text, x.text))
    return r


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def report(r: Result, path: Path) -> str:
    lines = ["# Redactie: gemeten recall en precisie", "",
             f"Gemeten met `python -m bot.privacy.measure` op `{path.relative_to(REPO) if path.is_relative_to(REPO) else path}`: "
             f"{sum(r.expected.values())} stukjes persoonsgegevens in de regels met persoonsgegevens, "
             f"{r.negatives} regels zonder persoonsgegevens. De testset is met de hand geschreven vóór het "
             "afstellen van de herkenning; alle gegevens zijn verzonnen.", "",
             "Doel: recall ≥ 95 % voor telefoon, e-mail, BSN en postcode; precisie ≥ 90 %. "
             "Namen: 'waar haalbaar', zonder doel.", "",
             "| soort | verwacht | recall (juiste soort) | recall (gemaskeerd) | gevonden | precisie |",
             "|---|---:|---:|---:|---:|---:|"]
    for kind in KINDS:
        if not r.expected[kind] and not r.detected[kind]:
            continue
        lines.append(f"| {kind} | {r.expected[kind]} | {_pct(r.recall(kind))} | {_pct(r.recall(kind, False))} | "
                     f"{r.detected[kind]} | {_pct(r.precision(kind))} |")
    lines += ["", f"- Precisie over alle vondsten: **{_pct(r.precision())}** "
                  f"({r.detected_overlapping} van {sum(r.detected.values())}).",
              f"- Regels zonder persoonsgegevens die ongewijzigd bleven: **{_pct(r.untouched_rate)}** "
              f"({r.negatives_untouched} van {r.negatives}).", ""]
    lines += ["## Gemist", ""] + ([f"- {k}: `{piece}` in “{text}” → “{red}”" for k, text, piece, red in r.misses]
                                 or ["(niets)"])
    lines += ["", "## Onterecht gemaskeerd", ""] + ([f"- {k}: `{piece}` in “{text}”" for k, text, piece in
                                                    r.false_alarms] or ["(niets)"])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy.measure", description=__doc__.splitlines()[0])
    parser.add_argument("--testset", type=Path, default=TESTSET)
    parser.add_argument("--rapport", type=Path, default=REPORT)
    args = parser.parse_args(argv)
    result = measure(args.testset)
    text = report(result, args.testset.resolve())
    args.rapport.parent.mkdir(parents=True, exist_ok=True)
    old = args.rapport.read_text(encoding="utf-8") if args.rapport.exists() else ""
    kept = old[old.index(KEEP_FROM):] if KEEP_FROM in old else ""   # bench/redaction_compare.py's section
    args.rapport.write_text(text + kept, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
