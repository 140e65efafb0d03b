"""What the form knows about the conversation, what a validation step returns, and which text
variant a reply uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping, Optional

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.texts import HulpvraagTexts, default_texts
from bot.turn.replies import PARENT, VOICE, YOUTH, Button, Reply


@dataclass(frozen=True)
class FormContext:
    audience: str  # "ouder" | "jongere"
    voice: bool  # phone channel: voice-safe texts, choices spoken, no buttons
    gemeente_code: Optional[str]  # from region routing, if already known
    gemeente_naam: Optional[str]
    contactpunt_naam: str  # the contact point that will receive the request
    today: date
    texts: Optional[HulpvraagTexts] = None  # tests may pass their own; default: content/hulpvraag

    @property
    def library(self) -> HulpvraagTexts:
        return self.texts or default_texts()


@dataclass
class Outcome:
    updates: dict[str, Any] = field(default_factory=dict)  # slot -> value (None clears: asked again)
    replies: list[Reply] = field(default_factory=list)


def variant(filled: Mapping[str, Any], ctx: FormContext) -> str:
    """spraak on the phone; otherwise je-form for a young person (the role answer wins over the
    audience the conversation guessed), u-form for parents and professionals."""
    if ctx.voice:
        return VOICE
    role = F.role(filled)
    if role:
        return YOUTH if role == F.YOUTH_ROLE else PARENT
    return YOUTH if ctx.audience == YOUTH else PARENT


def text(ctx: FormContext, filled: Mapping[str, Any], key: str, **params: Any) -> str:
    return ctx.library.text(key, variant(filled, ctx), **params)


def label(ctx: FormContext, key: str) -> str:
    return ctx.library.label(key)


def reply(ctx: FormContext, parts: Iterable[str], buttons: Iterable[tuple[str, str]] = (),
          answer_id: str = "") -> Reply:
    """One message from text parts; no buttons on the phone."""
    body = "\n".join(p for p in parts if p)
    shown = () if ctx.voice else tuple(Button(title=t, payload=p) for t, p in buttons)
    return Reply(text=body, buttons=shown, answer_id=answer_id)
