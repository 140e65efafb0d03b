"""What the user reads or hears when the assistant could not answer (action server down, too slow,
or a broken answer): the content file ``content/antwoorden/storing.yml`` in the right variant.

Plain Python: ``bot.rasa_runtime.action_guard`` (inside the Rasa server) and the channels call it.
"""
from __future__ import annotations

import logging
from typing import Any, Mapping, Optional

from bot.content.loader import ContentLibrary
from bot.turn.replies import PARENT, YOUTH, choose_variant, render_answer

logger = logging.getLogger(__name__)

ANSWER_ID = "storing"
VOICE_CHANNELS = {"twilio_voice", "twilio_voice_nl", "spraak", "voice"}
# Only used when even storing.yml cannot be read; same facts as that file (Ouders & Onderwijs, 112).
LAST_RESORT = ("Sorry, er ging bij mij iets mis. Probeer het later opnieuw. "
               "Een mens spreken kan bij Ouders & Onderwijs: 0800-5010. Bij direct gevaar: bel 112.")

_library: Optional[ContentLibrary] = None


def _default_library() -> ContentLibrary:
    global _library
    if _library is None:
        _library = ContentLibrary()
    return _library


def failure_variant(audience_slot: Any, metadata: Any, input_channel: Any) -> str:
    """``spraak`` for the phone (channel or metadata), else ``jongere``/``ouder`` (metadata wins)."""
    metadata = metadata if isinstance(metadata, Mapping) else {}
    voice = (isinstance(input_channel, str) and input_channel in VOICE_CHANNELS) or metadata.get("spraak") is True
    hint = metadata.get("doelgroep")
    audience = hint if hint in (PARENT, YOUTH) else audience_slot
    return choose_variant(audience if audience in (PARENT, YOUTH) else None, voice)


def failure_text(variant: str, library: Optional[ContentLibrary] = None) -> str:
    try:
        answer = (library or _default_library()).get(ANSWER_ID)
        if answer is not None:
            return render_answer(answer, variant, lambda _: None, with_buttons=False).text
        logger.error("content file %s.yml is missing or broken", ANSWER_ID)
    except Exception:  # noqa: BLE001 - the failure message itself must never fail
        logger.exception("could not render %s", ANSWER_ID)
    return LAST_RESORT
