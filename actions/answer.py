"""action_answer: answers the user's question from content/ (thin adapter over bot.turn_plan)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.content_library import library
from actions.tracker_input import send, turn_input
from bot.turn_plan import plan_turn


class ActionAnswer(Action):
    def name(self) -> Text:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return send(plan_turn(turn_input(tracker), library()), dispatcher, tracker)
