"""The actions that answer a message: one adapter, one table.

Every one of them answers through ``answer_with_region`` (actions/regio.py over ``bot.turn.plan`` and
``bot.turn.regio``); they differ only in the intent they answer as and whether the region step may
take the turn. Safety never lets the region replace the emergency numbers.

| action | answers as | region may answer |
|---|---|---|
| action_answer | the message's intent | yes |
| action_regio | the message's intent ("wie kan ik bellen", naming a place) | yes |
| action_fallback | nlu_fallback (not understood: ask again, suggest topics) | yes |
| action_safety | veiligheid (112 / Veilig Thuis / 113 / Kindertelefoon first) | no |
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.regio import answer_with_region
from bot.turn.plan import FALLBACK, SAFETY


class TurnAction(Action, ABC):
    """Answers the message; a subclass is one row of the table above (abstract, so the action
    server registers only the rows)."""
    intent: Optional[Text] = None
    region_may_answer: bool = True

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return answer_with_region(dispatcher, tracker, intent=self.intent, region_may_answer=self.region_may_answer)


class ActionAnswer(TurnAction):
    def name(self) -> Text:
        return "action_answer"


class ActionRegio(TurnAction):
    def name(self) -> Text:
        return "action_regio"


class ActionFallback(TurnAction):
    intent = FALLBACK

    def name(self) -> Text:
        return "action_fallback"


class ActionSafety(TurnAction):
    intent = SAFETY
    region_may_answer = False

    def name(self) -> Text:
        return "action_safety"
