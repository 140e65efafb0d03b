"""False places: run the region lookup over every user sentence in data/ and tests/ and count the
sentences that name no place but get one (and, for reference, the annotated ones that get none).

    PYTHONPATH=. python bench/place_false_positives.py [--list]

Which sentences name a place: tests/support/place_sentences.py (entity annotations plus the reviewed
allow-list tests/fixtures/regio/sentences_with_place.txt). tests/unit/regio/test_no_false_places.py
asserts zero false places; this script prints the figures for reports/plaatsherkenning.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true", help="print every false place and every miss")
    a = ap.parse_args()

    from bot.regio.lookup import ONBEKEND, resolve_place
    from tests.support.place_sentences import sentences

    rows = sentences()
    false, missed, by_kind = [], [], {}
    for s in rows:
        r = resolve_place(s.text)
        if not s.names_place and r.status != ONBEKEND:
            false.append((s, r))
            by_kind[r.match] = by_kind.get(r.match, 0) + 1
        elif s.names_place and r.status == ONBEKEND:
            missed.append((s, r))
    named = sum(s.names_place for s in rows)
    print(f"sentences: {len(rows)} ({named} name a place, {len(rows) - named} name none)")
    print(f"false places: {len(false)} {dict(sorted(by_kind.items()))}")
    print(f"named but not found: {missed.__len__()} of {named}")
    if a.list:
        for s, r in false:
            shown = r.gemeente or ", ".join(c.label for c in r.candidates)
            print(f"  FALSE {s.source}: {s.text!r} -> {r.status}/{r.match} {r.matched_text!r} = {shown}")
        for s, r in missed:
            print(f"  MISSED {s.source}: {s.text!r} ({r.reden})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
