"""Rasa adapter for ``bot.nlu.danger_classifier``: trains on the NLU examples plus ``data/gevaar/`` and gives
every message its danger score (parse-data key ``gevaar``, 0 to 1), read by ``bot.nlu.override_component``."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import danger_classifier
from bot.nlu.intent_override import SAFETY_INTENT
from bot.nlu.topic_classifier import TopicClassifier

logger = logging.getLogger(__name__)
DANGER_KEY = "gevaar"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerClassifier(GraphComponent):
    """Danger yes or no, beside the topic (see ``bot.nlu.danger_classifier``)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": danger_classifier.DEFAULT_C, "voorbeelden": "data/gevaar"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[TopicClassifier] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._classifier = classifier

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DangerClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(m.get(INTENT), m.get(TEXT)) for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        extra = danger_classifier.read_examples(Path(self._config["voorbeelden"]))
        texts, flags = danger_classifier.training_set(examples, extra, SAFETY_INTENT)
        if all(flags) or not any(flags):
            logger.warning("DangerClassifier: danger and no-danger examples are both needed, nothing trained")
            return self._resource
        self._classifier = danger_classifier.fit(texts, flags, float(self._config["C"]))
        with self._model_storage.write_to(self._resource) as directory:
            self._classifier.save(directory)
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "DangerClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                return cls(config, model_storage, resource, TopicClassifier.load(directory))
        except (ValueError, FileNotFoundError):
            logger.warning("DangerClassifier: no trained classifier in the model")
            return cls(config, model_storage, resource)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            score = danger_classifier.danger_score(self._classifier, message.get(TEXT) or "") if self._classifier else 0.0
            message.set(DANGER_KEY, round(score, 4), add_to_output=True)
        return messages
