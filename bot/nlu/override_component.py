"""Rasa adapter for ``bot.nlu.intent_override``: runs after DIET and the FallbackClassifier."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.danger_classifier_component import DANGER_KEY
from bot.nlu.intent_groups import FALLBACK_INTENT, resolve_split_fallback
from bot.nlu.intent_override import SAFETY_INTENT, override_intent, read_from_story


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class IntentOverride(GraphComponent):
    """Overrides the predicted intent on danger signals, non-Dutch messages and a wish for contact
    with a person, and takes back a "not understood" that only came from confidence split over
    intents handled the same way, or that tells a child's school situation."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "IntentOverride":
        return cls()

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "IntentOverride":
        return cls.create(config, model_storage, resource, execution_context)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            forced = override_intent(message.get(TEXT), predicted, _confidence_of(message, SAFETY_INTENT),
                                     _danger_score(message))
            if forced:
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: forced, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True,
                )
            elif predicted == FALLBACK_INTENT:
                resolved = (resolve_split_fallback(message.get(INTENT_RANKING_KEY))
                            or read_from_story(message.get(TEXT), predicted))
                if resolved:
                    message.set(
                        INTENT,
                        {INTENT_NAME_KEY: resolved[0], PREDICTED_CONFIDENCE_KEY: resolved[1]},
                        add_to_output=True,
                    )
        return messages


def _confidence_of(message: Message, intent: str) -> float:
    for item in message.get(INTENT_RANKING_KEY) or []:
        if isinstance(item, dict) and item.get(INTENT_NAME_KEY) == intent:
            return float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    return 0.0


def _danger_score(message: Message) -> float:
    try:
        return float(message.get(DANGER_KEY) or 0.0)
    except (TypeError, ValueError):
        return 0.0
