"""A "not understood" that only came from confidence split over intents handled the same way.

The FallbackClassifier looks at intents one by one: below its threshold, or with the top two too
close, the message becomes ``nlu_fallback``. When the intents that share the top of the ranking
belong to one group of ``intent_groups.yml`` (the rules send them to the same action), their
confidences add up to what the classifier thinks of that handling. If that sum reaches the
fallback's threshold, the message gets the group's strongest intent, with the sum as confidence.
Plain logic, tested without Rasa; ``bot.nlu.override_component`` applies it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

import yaml

GROUPS_FILE = Path(__file__).with_name("intent_groups.yml")
FALLBACK_INTENT = "nlu_fallback"


@lru_cache(maxsize=1)
def groups() -> tuple[frozenset, ...]:
    data = yaml.safe_load(GROUPS_FILE.read_text(encoding="utf-8")) or {}
    return tuple(frozenset(str(i) for i in group) for group in data.get("groepen") or () if len(group) > 1)


def _group_of(intent: str) -> Optional[frozenset]:
    return next((g for g in groups() if intent in g), None)


def resolve_split_fallback(ranking: Optional[Iterable[Mapping[str, Any]]]) -> Optional[tuple[str, float]]:
    """(intent, confidence) to use instead of nlu_fallback, or None to keep the fallback.

    ``ranking`` is Rasa's intent ranking after the FallbackClassifier: nlu_fallback with the
    threshold as its confidence, then the classifier's intents, strongest first.
    """
    threshold = None
    real: list[tuple[str, float]] = []
    for entry in ranking or ():
        try:
            name, confidence = str(entry["name"]), float(entry["confidence"])
        except (KeyError, TypeError, ValueError):
            return None
        if name == FALLBACK_INTENT:
            threshold = confidence
        else:
            real.append((name, confidence))
    if threshold is None or len(real) < 2:
        return None
    real.sort(key=lambda item: -item[1])
    (first, first_conf), (second, _) = real[0], real[1]
    group = _group_of(first)
    if group is None or second not in group:
        return None  # the top two disagree on the handling: really not clear
    total = sum(conf for name, conf in real if name in group)
    return (first, round(total, 6)) if total >= threshold else None
