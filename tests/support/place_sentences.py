"""Every user sentence in data/ and tests/, with whether it names a place.

Sources: the NLU examples of data/nlu/*.yml and tests/nlu_testset/*.yml, the probe messages of
tests/nlu_probe/*.tsv and the user lines of tests/test_stories/*.yml. A sentence names a place when it
carries a ``plaats`` or ``postcode`` entity annotation, or when it is listed in
tests/fixtures/regio/sentences_with_place.txt (a small, reviewed allow-list of sentences that name a
place without an annotation). Used by tests/unit/regio/test_no_false_places.py and
bench/place_false_positives.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
ALLOW_FILE = REPO / "tests" / "fixtures" / "regio" / "sentences_with_place.txt"
MARKUP = re.compile(r"\[([^\]]+)\]\(([^)]*)\)|\[([^\]]+)\]\{([^}]*)\}")
PLACE_ENTITIES = ("plaats", "postcode")


@dataclass(frozen=True)
class Sentence:
    source: str  # file name relative to the repository
    text: str  # without entity markup, as a user would type it
    names_place: bool


def _plain(raw: str) -> tuple[str, bool]:
    annotated = False

    def repl(m: re.Match) -> str:
        nonlocal annotated
        label = m.group(2) if m.group(1) is not None else m.group(4)
        if any(re.search(rf"\b{e}\b", label or "") for e in PLACE_ENTITIES):
            annotated = True
        return m.group(1) if m.group(1) is not None else m.group(3)

    return MARKUP.sub(repl, raw), annotated


def allow_list() -> set[str]:
    if not ALLOW_FILE.exists():
        return set()
    return {line.strip() for line in ALLOW_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _nlu(path: Path):
    for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
        if "intent" not in block:
            continue  # lookup tables, regexes, synonyms: not sentences
        for line in str(block.get("examples", "")).splitlines():
            if line.strip().startswith("- "):
                yield line.strip()[2:]


def _stories(path: Path):
    for story in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories") or []:
        for step in story.get("steps") or []:
            if isinstance(step, dict) and "user" in step:
                yield str(step["user"]).strip()


def _probe(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            yield line.split("\t", 1)[1].strip()


def sentences() -> list[Sentence]:
    allowed = allow_list()
    out: list[Sentence] = []
    sources = [(p, _nlu) for p in sorted((REPO / "data" / "nlu").glob("*.yml"))]
    sources += [(p, _nlu) for p in sorted((REPO / "tests" / "nlu_testset").glob("*.yml"))]
    sources += [(p, _probe) for p in sorted((REPO / "tests" / "nlu_probe").glob("*.tsv"))]
    sources += [(p, _stories) for p in sorted((REPO / "tests" / "test_stories").glob("*.yml"))]
    for path, reader in sources:
        for raw in reader(path):
            text, annotated = _plain(raw)
            out.append(Sentence(str(path.relative_to(REPO)), text, annotated or text in allowed))
    return out
