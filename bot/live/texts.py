"""The live takeover's texts (``berichten.yml`` beside this file): data, loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

FILE = Path(__file__).with_name("berichten.yml")
YOUTH = "jongere"


@lru_cache(maxsize=1)
def _texts() -> dict:
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))


def widget_text(key: str, variant: str) -> str:
    """A widget text in the user's variant (the young people's one for ``jongere``, otherwise "u")."""
    texts = _texts()["widget"][key]
    return texts[YOUTH if variant == YOUTH else "ouder"]


def console_text(key: str, **values: object) -> str:
    return _texts()["console"][key].format(**values)
