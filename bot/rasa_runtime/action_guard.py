"""Inside the Rasa server: when the action server cannot answer, the user still gets a message.

Rasa 3.6 calls the action server from ``RemoteAction.run``. When that fails (server down, refused
connection, time-out, an error status, an invalid response), ``MessageProcessor._run_action`` logs
the exception and drops the action's events: the user gets no message at all. And the call may
wait up to 300 s (Rasa's ``DEFAULT_REQUEST_TIMEOUT``) before it fails.

``apply()`` wraps ``RemoteAction.run``: the call gets at most ``action_timeout`` seconds
(``bot.limits.server``), and any failure except Rasa's own ``ActionExecutionRejection`` (a form
rejecting its slot, which Rasa handles) becomes one ``BotUttered`` with the text of
``content/antwoorden/storing.yml`` (``bot.turn.action_failure``) in the user's variant: at most once per
turn, never a stack trace. The exception is still logged. Applied by ``bot.rasa_runtime.install``.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.exceptions import RasaException

from bot.turn.action_failure import failure_text, failure_variant
from bot.limits.server import current

logger = logging.getLogger(__name__)

_MARK = "_wegwijzer_action_guard"
METADATA_KEY = "wegwijzer_storing"
AUDIENCE_SLOT = "doelgroep"


def _already_said_this_turn(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get(METADATA_KEY):
            return True
    return False


def failure_events(tracker: Any) -> List[Event]:
    """One friendly message for this turn (none if this turn already has one)."""
    if _already_said_this_turn(tracker):
        return []
    variant = failure_variant(tracker.get_slot(AUDIENCE_SLOT), tracker.latest_message.metadata,
                              tracker.get_latest_input_channel())
    return [BotUttered(text=failure_text(variant), metadata={METADATA_KEY: True})]


def guarded(original_run):
    async def run(self: RemoteAction, output_channel, nlg, tracker, domain) -> List[Event]:
        try:
            return await asyncio.wait_for(original_run(self, output_channel, nlg, tracker, domain),
                                          timeout=current().action_timeout)
        except ActionExecutionRejection:
            raise
        except asyncio.TimeoutError:
            logger.error("action %s: the action server did not answer within %s s",
                         self.name(), current().action_timeout)
        except RasaException as error:  # down, refused, error status: Rasa already logged the cause
            logger.error("action %s failed (%s); the user gets the 'storing' message", self.name(), error)
        except Exception:  # noqa: BLE001 - the user gets a message instead of silence
            logger.exception("action %s failed; the user gets the 'storing' message", self.name())
        return failure_events(tracker)

    run.__wrapped__ = original_run
    return run


def apply() -> None:
    if not getattr(RemoteAction, _MARK, False):
        RemoteAction.run = guarded(RemoteAction.run)
        setattr(RemoteAction, _MARK, True)
