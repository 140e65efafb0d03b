"""action_answer: answers the user's question from content/ (thin adapter over bot.turn_plan)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.regio import answer_with_region


class ActionAnswer(Action):
    def name(self) -> Text:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return answer_with_region(dispatcher, tracker)
