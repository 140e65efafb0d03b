"""What the user already told, carried into the help-request form (issue 16).

A parent who wrote "onze zoon van 12 zit sinds 2 november thuis, we hebben de mentor en leerplicht
al gesproken" and then asks for contact should not be asked the child's age, since when and what
was tried all over again. When the form starts, the conversation's earlier messages are read with
the step plan's extraction (``bot.stappenplan``) and the form's own parsers, and what they say
surely fills those fields. The form then skips them; the summary before sending shows them, and the
user can correct any of them there ("de leeftijd klopt niet").

Only these four fields, never contact details, the help wanted or consent: those are asked.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.age import school_type
from bot.hulpvraag_form.validators import parse_leeftijd, parse_schooltype, parse_thuis_sinds
from bot.signals.normalize import fold
from bot.stappenplan import extract_situation

# The step plan's step names (bot/stappenplan/extract_steps.yml) -> the form's "what was tried" items.
TRIED_FROM_STEPS = {
    "school": "school",
    "mdo": "school",
    "leerplicht": "leerplicht",
    "swv": "samenwerkingsverband",
    "onderwijsconsulent": "onderwijsconsulent",
}
MIN_AGE, MAX_AGE = 4, 23
MAX_STORY_CHARS = 5000
# "geen plek" in a story says the child has no school, not which school type to note down.
_NOT_A_SCHOOL_TYPE = {"geen school"}


def story_fields(messages: Iterable[str], today: date) -> dict[str, Any]:
    """Form slots (``hv_leeftijd``, ``hv_schooltype``, ``hv_thuis_sinds``, ``hv_geprobeerd``) that
    the user's earlier messages fill; a field they do not clearly fill is left out."""
    texts = [m for m in messages if isinstance(m, str) and m.strip() and not m.startswith("/")]
    if not texts:
        return {}
    situation = None
    for text in texts:
        situation = extract_situation(text[:MAX_STORY_CHARS], today, situation)
    found: dict[str, Any] = {}
    if situation.leeftijd and MIN_AGE <= situation.leeftijd <= MAX_AGE:
        parsed = parse_leeftijd(f"{situation.leeftijd} jaar", today=today)
        if parsed.ok:
            found[F.LEEFTIJD] = parsed.value
    kind = next((k for k in (school_type(fold(t)) for t in reversed(texts)) if k), None)
    if kind and kind not in _NOT_A_SCHOOL_TYPE:
        parsed = parse_schooltype(kind)
        if parsed.ok:
            found[F.SCHOOLTYPE] = parsed.value
    if situation.thuis_sinds and situation.thuis_sinds.text:
        parsed = parse_thuis_sinds(situation.thuis_sinds.text, today=today)
        if not parsed.ok:
            parsed = parse_thuis_sinds(f"sinds {situation.thuis_sinds.text}", today=today)
        if parsed.ok:
            found[F.THUIS_SINDS] = parsed.value
    tried = sorted({TRIED_FROM_STEPS[s] for s, done in situation.stappen.items() if done and s in TRIED_FROM_STEPS})
    if tried:
        found[F.GEPROBEERD] = tried
    return found
