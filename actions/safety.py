"""action_safety: emergency numbers first, then (if asked) the school question in the same message."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.regio import answer_with_region
from bot.turn_plan import SAFETY


class ActionSafety(Action):
    def name(self) -> Text:
        return "action_safety"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return answer_with_region(dispatcher, tracker, intent=SAFETY, region_may_answer=False)
