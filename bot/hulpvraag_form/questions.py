"""Asking one field: the question, why it is asked, that it may be skipped, and the buttons.

Chat: question first, then the reason and the skip note. Phone: the reason first and the question
last, choices spoken inside the question, no buttons. After an answer that did not fit, only the
question is repeated; after two, "Overslaan" (optional fields) and "Stoppen" buttons are added.
"""
from __future__ import annotations

from typing import Any, Mapping

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.age import maybe_under_16
from bot.hulpvraag_form.context import FormContext, label, reply, text
from bot.hulpvraag_form.summary import CHANGE_PAYLOAD, CHANGE_WORDS, summary_text
from bot.turn.replies import Reply

STOP_PAYLOAD = "stop"
SKIP_PAYLOAD = "sla over"
GEMEENTE_OPTIONS = "_gemeente_opties"  # key in hv_pogingen: choices for an ambiguous place

_CHOICES: Mapping[str, tuple[tuple[str, str], ...]] = {
    F.ROL: (("rol_ouder", "ouder"), ("rol_jongere", "jongere"), ("rol_professional", "professional")),
    F.SCHOOLTYPE: (("school_basisschool", "basisschool"), ("school_voortgezet onderwijs", "middelbare school"),
                   ("school_speciaal onderwijs", "speciaal onderwijs"), ("school_mbo", "mbo")),
    F.GEPROBEERD: (("geprobeerd_school", "school"), ("geprobeerd_leerplicht", "leerplicht"),
                   ("geprobeerd_samenwerkingsverband", "samenwerkingsverband"),
                   ("geprobeerd_onderwijsconsulent", "onderwijsconsulent"),
                   ("geprobeerd_jeugdhulp", "jeugdhulp"), ("geprobeerd_nog niets", "nog niets")),
    F.VOORKEURSTIJD: (("tijd_ochtend", "ochtend"), ("tijd_middag", "middag"), ("tijd_avond", "avond"),
                      ("tijd_maakt niet uit", "maakt niet uit")),
    F.TOESTEMMING: (("knop_toestemming", "ja"), ("knop_nee", "nee"), ("knop_stoppen", STOP_PAYLOAD)),
    F.BEVESTIGD: (("knop_versturen", "ja"), ("knop_aanpassen", "nee"), ("knop_stoppen", STOP_PAYLOAD)),
}


def _buttons(field: str, filled: Mapping[str, Any], ctx: FormContext) -> list[tuple[str, str]]:
    buttons = [(label(ctx, key), payload) for key, payload in _CHOICES.get(field, ())]
    payloads = {payload for _, payload in buttons}
    if F.is_optional(field) and SKIP_PAYLOAD not in payloads:
        buttons.append((label(ctx, "knop_overslaan"), SKIP_PAYLOAD))
    if F.attempts(filled, field) >= 2 and STOP_PAYLOAD not in payloads:
        buttons.append((label(ctx, "knop_stoppen"), STOP_PAYLOAD))
    return buttons


def _is_first_question(filled: Mapping[str, Any]) -> bool:
    """Nothing asked yet: no field filled but those taken from the user's story, no counters."""
    counters = _counters(filled)
    from_story = set(counters.get(F.FROM_STORY) or ())
    if any(key != F.FROM_STORY for key in counters):
        return False
    return not any(F.is_filled(filled.get(slot)) for slot in F.ORDER if slot not in from_story)


def _counters(filled: Mapping[str, Any]) -> Mapping[str, Any]:
    counts = filled.get(F.POGINGEN)
    return counts if isinstance(counts, Mapping) else {}


def ask_what_to_change(filled: Mapping[str, Any], ctx: FormContext) -> list[Reply]:
    buttons = []
    for slot, word in CHANGE_WORDS.items():
        if slot == F.GEMEENTE and not F.is_filled(filled.get(slot)) and ctx.gemeente_code is None:
            continue
        buttons.append((label(ctx, f"label_{F.BY_SLOT[slot].name}"), CHANGE_PAYLOAD.format(word)))
    question = text(ctx, filled, "vraag_wat_aanpassen")
    return [reply(ctx, [question], buttons, answer_id="hulpvraag.wat_aanpassen")]


def _ask_ambiguous_place(filled: Mapping[str, Any], ctx: FormContext, options: list) -> list[Reply]:
    labels = [str(option[0]) for option in options]
    opties = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " of " + labels[-1]
    question = text(ctx, filled, "fout_gemeente_dubbelzinnig", opties=opties)
    buttons = [(str(title)[:60], str(code)) for title, code in options]
    return [reply(ctx, [question], buttons, answer_id="hulpvraag.gemeente")]


def ask(field: str, filled: Mapping[str, Any], ctx: FormContext) -> list[Reply]:
    """The message that asks ``field`` (for hv_bevestigd: the summary and "Klopt dit?")."""
    filled = filled or {}
    counters = _counters(filled)
    if field in (F.TOESTEMMING, F.BEVESTIGD) and counters.get(F.ASKED_WHAT_TO_CHANGE):
        return ask_what_to_change(filled, ctx)
    if field == F.GEMEENTE and counters.get(GEMEENTE_OPTIONS):
        return _ask_ambiguous_place(filled, ctx, list(counters[GEMEENTE_OPTIONS]))
    name = F.BY_SLOT[field].name
    first_time = F.attempts(filled, field) == 0
    before: list[str] = []  # said before the question on the phone, after it in chat
    if _is_first_question(filled):
        intro = [text(ctx, filled, "intro")]
        if _counters(filled).get(F.FROM_STORY):
            intro.append(text(ctx, filled, "uit_verhaal"))
    else:
        intro = []
    if field == F.BEVESTIGD:
        before.append(summary_text(filled, ctx))
    elif field == F.TOESTEMMING:
        if first_time and F.role(filled) == F.YOUTH_ROLE and maybe_under_16(filled.get(F.LEEFTIJD)):
            before.append(text(ctx, filled, "jonger_dan_16"))
    elif first_time:
        before.append(text(ctx, filled, f"waarom_{name}"))
        if F.is_optional(field):
            before.append(text(ctx, filled, "mag_overslaan"))
    question = text(ctx, filled, f"vraag_{name}", contactpunt=ctx.contactpunt_naam)
    if ctx.voice or field in (F.BEVESTIGD, F.TOESTEMMING):
        parts = intro + before + [question]
    else:
        parts = intro + [question] + before
    return [reply(ctx, parts, _buttons(field, filled, ctx), answer_id=f"hulpvraag.{name}")]
