"""Safety first, also while a colleague holds the chat.

While a conversation is paused (``ConversationPaused``, a colleague took it over) Rasa stores the user's
messages but runs no action, so the assistant would not give the emergency numbers. Inside the Rasa
server ``install()`` wraps ``MessageProcessor.handle_message`` (like ``bot.metrics.rasa_hook``, the result
untouched): after a paused turn whose message is a danger signal (``IntentOverride``'s ``veiligheid`` or
``bot.signals.safety.detect_danger`` on the text), the safety answer (``content/antwoorden/veiligheid.yml``,
in the user's variant, without buttons) is stored as a bot event and sent to the user; the colleague sees
it in the transcript. The conversation stays with the colleague.

The check reads the tracker Rasa saved as the last step of the turn (recorded by our tracker store,
``bot.live.turn_trackers``) instead of loading it from the database a second time each turn;
with another tracker store it loads it as before.
"""
from __future__ import annotations

import functools
import logging
from functools import lru_cache
from typing import Any, Optional

from bot.live.turn_trackers import collecting, saved_tracker
from bot.signals.safety import detect_danger

log = logging.getLogger(__name__)
_MARK = "_wegwijzer_paused_safety"
SAFETY, YOUTH = "veiligheid", "jongere"


def needs_safety(paused: bool, intent: Optional[str], text: object) -> bool:
    """True when a paused turn's message must still get the emergency numbers."""
    if not paused:
        return False
    return intent == SAFETY or (isinstance(text, str) and detect_danger(text) is not None)


@lru_cache(maxsize=1)
def _library():
    from bot.content.loader import ContentLibrary  # hot-reloads changed files itself
    return ContentLibrary()


def safety_text(variant: str) -> str:
    from bot.turn.plan import button_titles
    from bot.turn.replies import render_answer

    library = _library()
    answer = library.get(SAFETY)
    return render_answer(answer, variant, button_titles(library), with_buttons=False).text if answer else ""


async def _after_turn(processor: Any, message: Any) -> None:
    if getattr(message, "output_channel", None) is None or not isinstance(getattr(message, "text", None), str):
        return
    # the tracker Rasa saved as the last step of this turn; loaded again only if our store did not record it
    tracker = saved_tracker(message.sender_id)
    if tracker is None:
        tracker = await processor.get_tracker(message.sender_id)
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    if not needs_safety(tracker.is_paused(), intent, message.text):
        return
    from rasa.shared.core.events import BotUttered

    text = safety_text(YOUTH if tracker.get_slot("doelgroep") == YOUTH else "ouder")
    if not text:
        return
    said = BotUttered(text, data={}, metadata={"live": SAFETY})
    tracker.update(said)
    await processor.save_tracker(tracker)
    # as Rasa sends a bot event (with its timestamp: the widget's key for a replay, bot.channels.widget_replay)
    await message.output_channel.send_response(message.sender_id, said.message())


def _wrap(original):
    @functools.wraps(original)
    async def handle_message(self, message):
        with collecting():
            return await _turn_then_safety(original, self, message)
    return handle_message


async def _turn_then_safety(original, processor, message):
    result = await original(processor, message)
    try:
        await _after_turn(processor, message)
    except Exception:  # noqa: BLE001 - never break the turn; the colleague still reads the message
        log.exception("veiligheidsbericht tijdens live chat niet verstuurd")
    return result


def install() -> None:
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor, _MARK, False):
        return
    MessageProcessor.handle_message = _wrap(MessageProcessor.handle_message)
    setattr(MessageProcessor, _MARK, True)
