"""Findings of the redaction on texts that (almost) never hold personal data, to compare two versions.

    python bench/redaction_false_positives.py --uit /tmp/new.json
    PYTHONPATH=/tmp/old python bench/redaction_false_positives.py --uit /tmp/old.json   # an older bot/privacy
    python bench/redaction_false_positives.py --diff /tmp/old.json /tmp/new.json

Texts: every line of content/ and data/ (answers, training sentences), and the realistic parents'
messages in tests/nlu_corpus, tests/nlu_probe, tests/nlu_testset and tests/test_stories. Any finding
there is either a real (invented) piece of personal data in a message or a false positive; the diff
shows what a change adds and removes, to be read by hand (reports/redaction.md).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("content", "data", "tests/nlu_corpus", "tests/nlu_probe", "tests/nlu_testset", "tests/test_stories")


def texts() -> list[str]:
    out = []
    for source in SOURCES:
        for path in sorted((REPO / source).rglob("*")):
            if not path.is_file() or path.suffix not in (".yml", ".yaml", ".md", ".tsv", ".json", ".txt"):
                continue
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                for part in line.split("\t"):
                    part = part.strip().lstrip("-").strip().strip('"')
                    if len(part) > 3 and not part.startswith("#"):
                        out.append(part)
    return list(dict.fromkeys(out))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uit")
    ap.add_argument("--diff", nargs=2)
    a = ap.parse_args()
    if a.diff:
        old, new = (json.loads(Path(p).read_text()) for p in a.diff)
        for text in sorted(set(old) | set(new)):
            o, n = set(map(tuple, old.get(text, []))), set(map(tuple, new.get(text, [])))
            for kind, piece in sorted(n - o):
                print(f"+ {kind}: {piece!r}  in  {text[:160]!r}")
            for kind, piece in sorted(o - n):
                print(f"- {kind}: {piece!r}  in  {text[:160]!r}")
        return 0
    from bot.privacy.redaction import find_personal_data
    all_texts = texts()
    find_personal_data("warm up")
    t0 = time.perf_counter()
    found = {t: [[s.kind, s.text] for s in find_personal_data(t)] for t in all_texts}
    took = time.perf_counter() - t0
    print(f"{len(all_texts)} texts, {sum(map(len, found.values()))} findings, "
          f"{1000 * took / len(all_texts):.3f} ms per text", file=sys.stderr)
    Path(a.uit).write_text(json.dumps({t: f for t, f in found.items() if f}, ensure_ascii=False, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
