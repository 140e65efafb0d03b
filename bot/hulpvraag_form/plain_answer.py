"""A form answer that the classifier alone took for a danger signal ("ik ben zijn vader": family
words appear in many danger examples). When the text has no danger signal of its own
(bot.signals.safety.detect_danger) and is a valid answer to the question just asked, the form takes it as
the answer instead of interrupting with the safety message. Any message with a danger signal still
gets the safety message first, inside the form too."""
from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.hulpvraag_form import flow
from bot.hulpvraag_form.flow import FormContext
from bot.signals.safety import detect_danger


def is_plain_answer(field: str, text: Optional[str], entities: Optional[list[dict]],
                    filled: Mapping[str, Any], ctx: FormContext) -> bool:
    if not text or not text.strip() or detect_danger(text) is not None:
        return False
    outcome = flow.validate(field, text, entities, dict(filled), ctx)
    return outcome.updates.get(field) not in (None, "", False)
