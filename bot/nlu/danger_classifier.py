"""The danger classifier: does a message show a sign of danger, yes or no (issue 16, "danger 100 %").

The topic classifier learns ``veiligheid`` as one topic among sixty; its ranking is a weak sense of
danger, and 240 danger stories added to it made it read short follow-ups as danger (session 14). This is
a separate yes/no classifier (the same TF-IDF word and character n-grams under a logistic regression,
``bot.nlu.topic_classifier``), trained on every NLU example (``veiligheid`` = danger, every other intent
= no danger) plus the examples in ``data/gevaar/`` (danger in many voices, and worries without danger that
sound alike). The threshold that turns its score into the safety
message is set in ``bot.nlu.intent_override`` (measured on the safety sets, reports/begrip.md).

Plain Python, tested without Rasa; ``bot.nlu.danger_classifier_component`` is the thin Rasa adapter.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from bot.nlu.topic_classifier import TopicClassifier

DANGER = "gevaar"
NO_DANGER = "geen"
LABELS = (DANGER, NO_DANGER)
# Measured on safety sets a and b and the realistic corpora (reports/begrip.md, "Danger", session 15): C 5 and
# 20 score alike, 20 a little fewer false alarms. Danger examples are one in ten, so they are weighed up
# (class_weight "balanced"): at the same false alarms it finds more danger than unweighted.
DEFAULT_C = 20.0
REPO = Path(__file__).resolve().parents[2]


def read_examples(directory: Path) -> list[tuple[str, str]]:
    """(label, text) from every ``*.tsv`` in ``directory``: ``gevaar`` or ``geen``, a tab, the message."""
    directory = directory if directory.is_absolute() else REPO / directory
    rows: list[tuple[str, str]] = []
    for path in sorted(directory.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[0].strip() not in LABELS or not parts[1].strip():
                raise ValueError(f"{path.name}:{number}: verwacht 'gevaar' of 'geen', een tab en een bericht")
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def fit(texts: Sequence[str], is_danger: Sequence[bool], c: float = DEFAULT_C) -> TopicClassifier:
    labels = [DANGER if flag else NO_DANGER for flag in is_danger]
    return TopicClassifier.fit(texts, labels, c, class_weight="balanced")


def danger_score(classifier: TopicClassifier, text: str) -> float:
    """The probability that the message shows a sign of danger (0 to 1), from the whole message: scoring each
    sentence on its own as well found a little more danger but flagged four times as many ordinary stories
    (measured, session 15)."""
    if not text or not text.strip() or DANGER not in classifier.classes:
        return 0.0
    return float(classifier.probabilities([text])[0, classifier.classes.index(DANGER)])


def training_set(intent_examples: Iterable[tuple[str, str]], extra: Iterable[tuple[str, str]],
                 danger_intent: str) -> tuple[list[str], list[bool]]:
    """Texts and danger flags from (intent, text) NLU examples and (label, text) extra examples."""
    texts, flags = [], []
    for intent, text in intent_examples:
        texts.append(text)
        flags.append(intent == danger_intent)
    for label, text in extra:
        texts.append(text)
        flags.append(label == DANGER)
    return texts, flags
