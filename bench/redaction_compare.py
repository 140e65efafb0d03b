"""Measure the product's redaction (bot.privacy.redaction) against ``deduce`` on a test set, per kind.

    python bench/redaction_compare.py --deduce-python /tmp/deduce-venv/bin/python \
        [--testset tests/fixtures/redaction_testset_issue18.yml] [--uit bench/results/redaction_compare.md]

Measurement only (issue 18): deduce is not a dependency of the product and is never imported by it. It runs
in its own virtualenv (``python -m venv /tmp/deduce-venv && /tmp/deduce-venv/bin/pip install deduce==3.0.6
pyyaml``); this script calls that interpreter with ``--deduce-spans`` and reads its findings as JSON.

Scoring, for each detector (product, deduce, and both together):
- recall per kind: an expected piece counts when every letter and digit of it is masked (by a finding of any kind:
  the kinds of the two detectors differ, and masked is masked); "deels" counts a piece with any masked part;
- precision: findings that overlap an expected piece, of all findings (lines without personal data included);
- untouched: lines without personal data that come back without any finding.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTSET = REPO / "tests" / "fixtures" / "redaction_testset_issue18.yml"
KIND_ORDER = ("naam", "telefoon", "email", "postcode_huisnummer", "bsn", "iban", "geboortedatum", "school")


def load(path: Path) -> dict:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def texts_of(data: dict) -> list[str]:
    return [item["tekst"] for item in data["met_persoonsgegevens"]] + list(data["zonder_persoonsgegevens"])


def deduce_spans(path: Path) -> dict[str, list[list]]:
    """Run inside the deduce virtualenv: text -> [[tag, start, end], ...]."""
    from deduce import Deduce
    deduce = Deduce()
    out = {}
    for text in texts_of(load(path)):
        doc = deduce.deidentify(text)
        out[text] = [[str(a.tag), int(a.start_char), int(a.end_char)] for a in doc.annotations]
    return out


def product_spans(texts: list[str]) -> dict[str, list[list]]:
    sys.path.insert(0, str(REPO))
    from bot.privacy.redaction import find_personal_data
    return {t: [[s.kind, s.start, s.end] for s in find_personal_data(t)] for t in texts}


def score(data: dict, spans: dict[str, list[list]]) -> dict:
    from bot.privacy.measure import locate  # here, not at the top: the --deduce-spans run has no bot deps

    expected, full, partial = Counter(), Counter(), Counter()
    findings = overlapping = negatives = untouched = 0
    misses: list[tuple[str, str, str]] = []
    false_alarms: list[tuple[str, str]] = []
    for item in data["met_persoonsgegevens"]:
        text, found = item["tekst"], spans.get(item["tekst"], [])
        used: set = set()
        pieces = [(kind, *locate(text, piece, used)) for kind, piece in item["verwacht"]]
        masked = set()
        for _tag, s, e in found:
            masked |= set(range(s, e))
        for kind, s, e in pieces:
            expected[kind] += 1
            chars = set(range(s, e))
            # fully masked: every letter and digit of the piece (a comma or space between a masked street
            # and a masked postcode reveals nothing)
            if {i for i in chars if text[i].isalnum()} <= masked:
                full[kind] += 1
            else:
                misses.append((kind, text[s:e], text))
            if chars & masked:
                partial[kind] += 1
        for tag, s, e in found:
            findings += 1
            if any(s < pe and ps < e for _k, ps, pe in pieces):
                overlapping += 1
            else:
                false_alarms.append((tag, text[s:e]))
    for text in data["zonder_persoonsgegevens"]:
        negatives += 1
        found = spans.get(text, [])
        untouched += not found
        findings += len(found)
        false_alarms += [(tag, text[s:e]) for tag, s, e in found]
    return {"expected": expected, "full": full, "partial": partial, "findings": findings,
            "overlapping": overlapping, "negatives": negatives, "untouched": untouched,
            "misses": misses, "false_alarms": false_alarms}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def report(data: dict, results: dict[str, dict], testset: Path) -> str:
    names = list(results)
    first = results[names[0]]
    total = sum(first["expected"].values())
    lines = [f"Testset `{testset.relative_to(REPO) if testset.is_relative_to(REPO) else testset}`: "
             f"{len(data['met_persoonsgegevens'])} regels met {total} stukjes persoonsgegevens, "
             f"{first['negatives']} regels zonder.", "",
             "Recall (heel gemaskeerd; tussen haakjes: deels gemaskeerd):", "",
             "| soort | stukjes | " + " | ".join(names) + " |",
             "|---|---:|" + "---:|" * len(names)]
    kinds = [k for k in KIND_ORDER if first["expected"][k]] + sorted(set(first["expected"]) - set(KIND_ORDER))
    for kind in kinds + ["alles"]:
        n = total if kind == "alles" else first["expected"][kind]
        cells = []
        for name in names:
            r = results[name]
            full = sum(r["full"].values()) if kind == "alles" else r["full"][kind]
            part = sum(r["partial"].values()) if kind == "alles" else r["partial"][kind]
            cells.append(f"{_pct(full, n)} ({_pct(part, n)})")
        label = "**alles**" if kind == "alles" else kind
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")
    lines += ["", "| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    hit, all_ = {n: results[n]["overlapping"] for n in names}, {n: results[n]["findings"] for n in names}
    lines.append("| precisie (vondsten die persoonsgegevens raken) | " + " | ".join(
        f"{_pct(hit[n], all_[n])} ({hit[n]}/{all_[n]})" for n in names) + " |")
    lines.append("| regels zonder persoonsgegevens ongemoeid | " + " | ".join(
        f"{_pct(results[n]['untouched'], results[n]['negatives'])}" for n in names) + " |")
    for name in names:
        lines += ["", f"### Gemist door {name}", ""]
        lines += [f"- {k}: `{piece}` in “{text}”" for k, piece, text in results[name]["misses"]] or ["(niets)"]
        lines += ["", f"### Onterecht gemaskeerd door {name}", ""]
        lines += [f"- {tag}: `{piece}`" for tag, piece in results[name]["false_alarms"]] or ["(niets)"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testset", type=Path, default=TESTSET)
    parser.add_argument("--deduce-python", help="python of the virtualenv with deduce")
    parser.add_argument("--deduce-spans", action="store_true", help="(internal) print deduce's findings as JSON")
    parser.add_argument("--uit", type=Path, help="write the report here (Markdown)")
    args = parser.parse_args(argv)
    if args.deduce_spans:
        print(json.dumps(deduce_spans(args.testset)))
        return 0
    data = load(args.testset)
    results = {"Wegwijzer (huidig)": score(data, product_spans(texts_of(data)))}
    if args.deduce_python:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}   # nothing of the product's venv
        run = subprocess.run([args.deduce_python, __file__, "--deduce-spans", "--testset", str(args.testset)],
                             capture_output=True, text=True, check=True, env=env)
        ded = json.loads(run.stdout.strip().splitlines()[-1])
        ours = product_spans(texts_of(data))
        results["deduce 3.0.6"] = score(data, ded)
        results["samen (unie)"] = score(data, {t: ours.get(t, []) + ded.get(t, []) for t in ours})
    text = report(data, results, args.testset.resolve())
    if args.uit:
        args.uit.parent.mkdir(parents=True, exist_ok=True)
        args.uit.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
