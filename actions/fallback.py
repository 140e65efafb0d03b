"""action_fallback: the assistant did not understand; ask again and suggest likely topics."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.regio import answer_with_region
from bot.turn_plan import FALLBACK


class ActionFallback(Action):
    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return answer_with_region(dispatcher, tracker, intent=FALLBACK)
