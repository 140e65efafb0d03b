"""Builds the blank Dutch spaCy pipeline that Rasa's SpacyNLP component loads.

No Dutch spaCy model can be downloaded in our environments, so the project creates a blank ``nl``
pipeline (spaCy's Dutch tokenizer rules, stop words and lexical attributes, no trained weights) and
saves it to disk. ``bot/rasa/config.yml`` points SpacyNLP at that directory.
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy


def build(target: Path) -> Path:
    nlp = spacy.blank("nl")
    nlp.meta["name"] = "wegwijzer_nl_blank"
    nlp.meta["description"] = "Blank Dutch pipeline (tokenizer only), built by the Wegwijzer project."
    target.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_nl"))
    print(f"spaCy-pijplijn opgeslagen in {out}")
