"""action_safety: emergency numbers first, then (if asked) the school question in the same message."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.content_library import library
from actions.tracker_input import send, turn_input
from bot.turn_plan import SAFETY, plan_turn


class ActionSafety(Action):
    def name(self) -> Text:
        return "action_safety"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return send(plan_turn(turn_input(tracker, intent=SAFETY), library()), dispatcher, tracker)
