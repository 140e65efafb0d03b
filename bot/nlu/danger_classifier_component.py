"""Rasa adapter for ``bot.nlu.danger_classifier``: trains on the NLU examples plus ``data/gevaar/`` and gives
every message its danger score (parse-data key ``gevaar``, 0 to 1), read by ``bot.nlu.override_component``."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import danger_classifier
from bot.nlu.intent_override import SAFETY_INTENT
from bot.nlu.stored_classifier import StoredClassifierComponent

logger = logging.getLogger(__name__)
DANGER_KEY = "gevaar"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerClassifier(StoredClassifierComponent):
    """Danger yes or no, beside the topic (see ``bot.nlu.danger_classifier``)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": danger_classifier.DEFAULT_C, "voorbeelden": "data/gevaar"}

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(m.get(INTENT), m.get(TEXT)) for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        extra = danger_classifier.read_examples(Path(self._config["voorbeelden"]))
        texts, flags = danger_classifier.training_set(examples, extra, SAFETY_INTENT)
        if all(flags) or not any(flags):
            logger.warning("DangerClassifier: danger and no-danger examples are both needed, nothing trained")
            return self._resource
        return self._keep(danger_classifier.fit(texts, flags, float(self._config["C"])))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            score = danger_classifier.danger_score(self._classifier, message.get(TEXT) or "") if self._classifier else 0.0
            message.set(DANGER_KEY, round(score, 4), add_to_output=True)
        return messages
