"""Rasa adapter for ``bot.nlu.topic_classifier``: trains on the NLU examples, sets intent and ranking, and
each question's own intent when a message asks two or more (``bot.nlu.question_topics``)."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.question_topics import QUESTIONS_KEY, question_topics
from bot.nlu.stored_classifier import StoredClassifierComponent
from bot.nlu.topic_classifier import DEFAULT_C, TopicClassifier

logger = logging.getLogger(__name__)
RANKING_LENGTH = 10


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TopicIntentClassifier(StoredClassifierComponent, IntentClassifier):
    """TF-IDF + logistic regression over the whole message (see ``bot.nlu.topic_classifier``)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": DEFAULT_C}

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("TopicIntentClassifier: fewer than two intents, nothing trained")
            return self._resource
        return self._keep(TopicClassifier.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples],
                                              float(self._config["C"])))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = self._classifier.rank(message.get(TEXT) or "", RANKING_LENGTH) if self._classifier else []
            top = {"name": ranking[0][0], "confidence": ranking[0][1]} if ranking else {"name": None, "confidence": 0.0}
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
            if self._classifier:
                # two questions in one message: each one's own intent (bot.nlu.question_topics)
                message.set(QUESTIONS_KEY, question_topics(self._classifier.rank, message.get(TEXT) or ""),
                            add_to_output=True)
        return messages
