"""Recall per kind of the product's redaction on every redaction test set, per set and pooled.

    python bench/redaction_all_sets.py [--sets tests/fixtures/redaction_testset_*.yml] [--json /tmp/x.json]
    python bench/redaction_all_sets.py --code /tmp/old    # an older checkout's bot/ (git archive), for before/after

Scoring as bench/redaction_compare.py (a piece counts when every letter and digit of it is masked).
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from redaction_compare import KIND_ORDER, load, score, texts_of  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=sorted(glob.glob(str(REPO / "tests/fixtures/redaction_testset*.yml"))))
    ap.add_argument("--json", type=Path)
    ap.add_argument("--code", type=Path, default=REPO, help="folder whose bot/ is measured (default: this checkout)")
    ap.add_argument("--missers", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.code))
    from bot.privacy.redaction import find_personal_data

    def product_spans(texts: list[str]) -> dict[str, list[list]]:
        return {t: [[s.kind, s.start, s.end] for s in find_personal_data(t)] for t in texts}

    rows, pooled = {}, {"expected": Counter(), "full": Counter(), "findings": 0, "overlapping": 0,
                        "negatives": 0, "untouched": 0}
    for path in map(Path, args.sets):
        data = load(path)
        r = score(data, product_spans(texts_of(data)))
        name = path.stem.replace("redaction_testset", "") or "_eigen"
        rows[name] = r
        for k in ("expected", "full"):
            pooled[k].update(r[k])
        for k in ("findings", "overlapping", "negatives", "untouched"):
            pooled[k] += r[k]
        if args.missers:
            for kind, piece, text in r["misses"]:
                print(f"MISS {name} {kind}: {piece!r} in {text!r}")
            for tag, piece in r["false_alarms"]:
                print(f"FP   {name} {tag}: {piece!r}")
    rows["ALLE"] = pooled
    header = ["set"] + list(KIND_ORDER) + ["alles", "precisie", "ongemoeid"]
    print(" | ".join(header))
    out = {}
    for name, r in rows.items():
        cells, entry = [name], {}
        for kind in KIND_ORDER:
            n = r["expected"][kind]
            entry[kind] = [r["full"][kind], n]
            cells.append(f"{100 * r['full'][kind] / n:.1f} ({n})" if n else "–")
        n = sum(r["expected"].values())
        entry["alles"] = [sum(r["full"].values()), n]
        cells.append(f"{100 * sum(r['full'].values()) / n:.1f} ({n})")
        entry["precisie"] = [r["overlapping"], r["findings"]]
        cells.append(f"{100 * r['overlapping'] / max(1, r['findings']):.1f}")
        entry["ongemoeid"] = [r["untouched"], r["negatives"]]
        cells.append(f"{100 * r['untouched'] / max(1, r['negatives']):.1f} ({r['negatives']})")
        print(" | ".join(cells))
        out[name] = entry
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
