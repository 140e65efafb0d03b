"""Decides whether the trained model is stale: a hash of everything that shapes it.

    python -m bot.tooling.model_fingerprint check MODEL   # exit 0: up to date, 1: (re)train needed
    python -m bot.tooling.model_fingerprint write MODEL   # after a successful training

The fingerprint covers the Rasa config, domain, training data and rules, the code and data of our
own trainable-path NLU components (tokenizer normalisation), and the Rasa version. It is stored
beside the model as ``<model>.fingerprint``. Answer texts in content/ are not part of it: they
change without retraining.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INPUTS = (
    "bot/rasa/config.yml",
    "bot/rasa/domain",
    "data",
    "bot/nlu/dutch_tokenizer.py",
    "bot/nlu/topic_classifier.py",
    "bot/nlu/topic_classifier_component.py",
    "bot/nlu/danger_classifier.py",
    "bot/nlu/danger_classifier_component.py",
    "bot/nlu/stored_classifier.py",
    "bot/signals/normalize.py",
    "bot/signals/spelling.yml",
    "build/spacy_nl/meta.json",
)


def _files(root: Path) -> list[Path]:
    paths: list[Path] = []
    for name in INPUTS:
        path = root / name
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts))
        elif path.is_file():
            paths.append(path)
    return paths


def fingerprint(root: Path = REPO) -> str:
    digest = hashlib.sha256()
    try:
        from rasa.version import __version__ as rasa_version
    except ImportError:  # pragma: no cover - rasa is always installed where models are trained
        rasa_version = "unknown"
    digest.update(f"rasa {rasa_version}\n".encode())
    for path in _files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_path(model: Path) -> Path:
    return model.with_name(model.name + ".fingerprint")


def is_up_to_date(model: Path, root: Path = REPO) -> bool:
    stamp = stamp_path(model)
    return model.exists() and stamp.exists() and stamp.read_text().strip() == fingerprint(root)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("check", "write"):
        print(__doc__, file=sys.stderr)
        return 2
    model = Path(argv[1])
    if argv[0] == "check":
        return 0 if is_up_to_date(model) else 1
    stamp_path(model).write_text(fingerprint() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
