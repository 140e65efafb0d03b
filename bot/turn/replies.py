"""Turns a content ``Answer`` into the text and buttons one channel shows.

Variants: ``ouder`` (parents, u-form), ``jongere`` (young people, je-form), ``spraak`` (voice-safe).
Chat variants end with the sources, each with its own date ("pagina van 2019"), and the date the
text was compared with them (in Dutch, via Babel); the voice
variant is read aloud as written, without source line or buttons.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional

from babel.dates import format_date

from bot.content.source_dates import source_label

VOICE = "spraak"
PARENT = "ouder"
YOUTH = "jongere"


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    answer_id: str = ""
    agenda: str = ""   # a calendar file (bot.stappenplan.agenda) the web widget offers as a download


def choose_variant(audience: Optional[str], voice: bool) -> str:
    if voice:
        return VOICE
    return YOUTH if audience == YOUTH else PARENT


def dutch_date(day: date) -> str:
    """24 november 2026."""
    return format_date(day, format="long", locale="nl_NL")


def source_line(answer, variant: str) -> str:
    """'Bron: Metro, pagina van 2019; Ouders & Onderwijs, Over ons, pagina zonder datum. Gecontroleerd
    op 6 december 2026.': each source with its own date, then the day someone compared the text with
    its sources."""
    if not answer.bronnen or variant == VOICE:
        return ""
    names = "; ".join(source_label(source.naam, getattr(source, "datum", "")) for source in answer.bronnen[:2])
    checked = dutch_date(answer.gecontroleerd)
    return f"Bron: {names}. Gecontroleerd op {checked}."


def render_answer(
    answer,
    variant: str,
    button_title: Callable[[str], Optional[str]],
    with_buttons: bool = True,
) -> Reply:
    """Renders one content answer; ``button_title`` maps a follow-up id to its button label."""
    text = answer.tekst.get(variant) or answer.tekst.get(PARENT, "")
    line = source_line(answer, variant)
    if line:
        text = f"{text.rstrip()}\n\n{line}"
    buttons: list[Button] = []
    if with_buttons and variant != VOICE:
        for follow_up in answer.vervolg:
            title = button_title(follow_up)
            if title:
                buttons.append(Button(title=title, payload=f"/{follow_up}"))
    return Reply(text=text, buttons=tuple(buttons), answer_id=answer.id)
