"""Which cause of thuiszitten a story names (pesten, ziek, angst, a waiting list, ...): issue 16.

Used only when the classifier did not understand a story about a child's school situation
(``bot.nlu.intent_override.read_from_story``): one named cause gets that cause's answer, several or
none the general answer. The patterns are data (``causes.yml``); the topic names are intents with
their own content file.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional

import yaml

from bot.signals.normalize import normalize_for_matching

CAUSES_FILE = Path(__file__).with_name("causes.yml")


@lru_cache(maxsize=1)
def load_causes(path: Path = CAUSES_FILE) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {topic: tuple(re.compile(p) for p in patterns) for topic, patterns in data.items()}


def named_causes(text: Optional[str]) -> tuple[str, ...]:
    """The cause topics the text names, in the order of ``causes.yml``."""
    if not text:
        return ()
    normalized = normalize_for_matching(text)
    return tuple(topic for topic, patterns in load_causes().items()
                 if any(p.search(normalized) for p in patterns))


def single_cause(text: Optional[str]) -> Optional[str]:
    causes = named_causes(text)
    return causes[0] if len(causes) == 1 else None
