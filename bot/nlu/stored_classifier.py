"""What the two Rasa adapters over ``bot.nlu.topic_classifier`` share: a classifier kept in Rasa's model storage
(JSON and NumPy arrays, no pickle), created empty, saved after training and loaded with the model.
``topic_classifier_component`` (the intent) and ``danger_classifier_component`` (danger yes or no) subclass it."""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.topic_classifier import TopicClassifier

logger = logging.getLogger(__name__)


class StoredClassifierComponent(GraphComponent):
    """A graph component holding one ``TopicClassifier`` (None until trained or when the model has none)."""

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[TopicClassifier] = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._classifier = classifier

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "StoredClassifierComponent":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "StoredClassifierComponent":
        try:
            with model_storage.read_from(resource) as directory:
                return cls(config, model_storage, resource, TopicClassifier.load(directory))
        except (ValueError, FileNotFoundError):
            logger.warning("%s: no trained classifier in the model", cls.__name__)
            return cls(config, model_storage, resource)

    def _keep(self, classifier: TopicClassifier) -> Resource:
        """Holds a freshly trained classifier and saves it in the model."""
        self._classifier = classifier
        with self._model_storage.write_to(self._resource) as directory:
            classifier.save(directory)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
