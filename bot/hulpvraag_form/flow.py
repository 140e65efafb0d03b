"""Entry points for the Rasa adapter: which field is next, how to ask it, and what an answer does.

State lives in Rasa slots (``hv_<field>``, ``hv_gestopt``, ``hv_pogingen``); every function takes
the slot values as a dict and returns new values, so it is tested without Rasa.

    required_fields(filled, ctx) -> slot names still to ask, in order
    ask(field, filled, ctx)      -> replies that ask it
    validate(field, text, entities, filled, ctx) -> Outcome(updates, replies)

``validate`` in order: stop (any field) -> BSN-like number (refused, not kept) -> the summary and
consent steps -> the field's parser -> skip (optional fields only) -> an answer that did not fit
(after two: explain the field, offer to skip or stop). A free-text answer that contradicts the
role ("jongere" but "mijn zoon") clears the role once so it is asked again.
"""
from __future__ import annotations

import re
from typing import Any, Mapping, Optional, Sequence

from bot.signals.audience import detect_audience
from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.context import FormContext, Outcome, reply, text, variant
from bot.signals.control_words import is_skip, is_stop, starts_with_no, yes_no
from bot.hulpvraag_form.finish import confirmation, request_fields, storage_failed, withdrawn
from bot.signals.bsn import mentions_bsn
from bot.hulpvraag_form.questions import GEMEENTE_OPTIONS, ask
from bot.hulpvraag_form.summary import parse_correction
from bot.hulpvraag_form.validators import Parsed, parse
from bot.signals.normalize import fold

__all__ = ["FormContext", "Outcome", "required_fields", "ask", "validate", "request_fields",
           "confirmation", "storage_failed", "withdrawn", "variant"]

MAX_INPUT = 20000  # longer messages are cut before parsing (a help text may be at most 1000)
REASK_GEMEENTE = "_gemeente_vragen"  # key in hv_pogingen: ask the place even if routing knew it
_CONTRADICTION_FIELDS = (F.LEEFTIJD, F.THUIS_SINDS, F.GEPROBEERD, F.HULPVRAAG)


def required_fields(filled: Mapping[str, Any], ctx: FormContext) -> list[str]:
    """Slots still to ask, in order; hv_gemeente is left out when region routing knows it."""
    counters = filled.get(F.POGINGEN) if isinstance(filled.get(F.POGINGEN), Mapping) else {}
    known = bool(ctx.gemeente_code) and not counters.get(REASK_GEMEENTE)
    return F.required_fields(filled or {}, gemeente_known=known)


def _say(ctx: FormContext, filled: Mapping[str, Any], key: str, field: str = "", **params: Any):
    return reply(ctx, [text(ctx, filled, key, **params)], answer_id=f"hulpvraag.{field or key}")


def _stopped(filled: Mapping[str, Any], ctx: FormContext) -> Outcome:
    updates: dict[str, Any] = {slot: None for slot in F.ORDER}
    updates.update({F.GESTOPT: True, F.POGINGEN: None})
    return Outcome(updates, [_say(ctx, filled, "gestopt")])


def _clear_for_correction(slots: Sequence[str], user_text: str, filled: Mapping[str, Any],
                          ctx: FormContext) -> Outcome:
    """Take a new value from the correction when it has one ("nee hij is 12"); otherwise clear
    the field so it is asked again."""
    updates: dict[str, Any] = {}
    cleared = False
    without_no = re.sub(r"^\W*(?:nee|neen|nope|klopt niet|dat klopt niet|niet)\b[\s,.:;!-]*", "",
                        user_text, flags=re.I)
    for slot in slots:
        parsed = parse(slot, without_no, ctx.today) if slot not in (F.HULPVRAAG,) else Parsed()
        if parsed.ok:
            updates[slot] = parsed.value
        else:
            updates[slot] = None
            cleared = True
    counters = F.with_counter(filled, F.ASKED_WHAT_TO_CHANGE, None)
    if F.GEMEENTE in slots:
        counters[REASK_GEMEENTE] = 1
    updates[F.POGINGEN] = counters
    replies = [_say(ctx, filled, "aanpassen_ok")] if cleared else []
    return Outcome(updates, replies)


def _validate_what_to_change(user_text: str, filled: Mapping[str, Any], ctx: FormContext,
                             field: str) -> Outcome:
    slots = parse_correction(user_text)
    if slots:
        return _clear_for_correction(slots, user_text, filled, ctx)
    if yes_no(user_text) is not None or is_skip(user_text):  # "niets", "nee toch niet": back
        return Outcome({F.POGINGEN: F.with_counter(filled, F.ASKED_WHAT_TO_CHANGE, None)}, [])
    return Outcome({field: None}, [_say(ctx, filled, "fout_aanpassen_onbekend", field)])


def _validate_consent(field: str, user_text: str, filled: Mapping[str, Any],
                      ctx: FormContext) -> Outcome:
    answer = yes_no(user_text)
    if answer is True:
        return Outcome({field: True, F.POGINGEN: F.with_counter(filled, field, None)}, [])
    slots = parse_correction(user_text) if answer is None or starts_with_no(user_text) else []
    if slots:
        return _clear_for_correction(slots, user_text, filled, ctx)
    if answer is False or starts_with_no(user_text):
        if field == F.TOESTEMMING:
            return Outcome({field: None}, [_say(ctx, filled, "toestemming_nee", field)])
        counters = F.with_counter(filled, F.ASKED_WHAT_TO_CHANGE, 1)
        return Outcome({field: None, F.POGINGEN: counters}, [])
    return _invalid(field, Parsed(error="onbekend"), filled, ctx)


def _invalid(field: str, parsed: Parsed, filled: Mapping[str, Any], ctx: FormContext) -> Outcome:
    name = F.BY_SLOT[field].name
    count = F.attempts(filled, field) + 1
    updates = {field: None, F.POGINGEN: F.with_counter(filled, field, count)}
    params = {k: v for k, v in parsed.params.items() if v is not None}
    specific = parsed.error and parsed.error != "onbekend"
    parts = []
    if count < 2 or specific:
        parts.append(text(ctx, filled, f"fout_{name}_{parsed.error or 'onbekend'}", **params))
    if count >= 2 and field not in (F.TOESTEMMING, F.BEVESTIGD):
        parts.append(text(ctx, filled, f"uitleg_{name}"))
        parts.append(text(ctx, filled, "opties_optioneel" if F.is_optional(field) else "opties_verplicht"))
    return Outcome(updates, [reply(ctx, parts, answer_id=f"hulpvraag.{name}")])


def _pick_pending_place(user_text: str, options: Sequence) -> Optional[dict]:
    words = set(re.findall(r"[a-z]{2,}", fold(user_text)))
    chosen = [o for o in options
              if str(o[1]).lower() == user_text.strip().lower()
              or words & (set(re.findall(r"[a-z]{2,}", fold(str(o[0])))) - _shared_words(options))]
    if len(chosen) != 1:
        return None
    code = str(chosen[0][1])
    from bot.regio.lookup import get_index

    return {"code": code, "naam": get_index().gemeenten.get(code, {}).get("naam") or str(chosen[0][0])}


def _shared_words(options: Sequence) -> set[str]:
    sets = [set(re.findall(r"[a-z]{2,}", fold(str(o[0])))) for o in options]
    return set.intersection(*sets) if sets else set()


def _contradiction(field: str, user_text: str, filled: Mapping[str, Any]) -> Optional[str]:
    """The role the user chose, when this free text says otherwise (asked only once)."""
    counters = filled.get(F.POGINGEN) if isinstance(filled.get(F.POGINGEN), Mapping) else {}
    role = F.role(filled)
    if field not in _CONTRADICTION_FIELDS or counters.get(F.CHECKED_ROLE) or role not in ("ouder", "jongere"):
        return None
    seen = detect_audience(user_text[:2000])
    return role if seen and seen != role else None


def _accepted(field: str, parsed: Parsed, user_text: str, filled: Mapping[str, Any],
              ctx: FormContext) -> Outcome:
    updates: dict[str, Any] = {field: parsed.value}
    for slot, value in parsed.extra.items():
        if not F.is_filled(filled.get(slot)):
            updates[slot] = value
    counters = F.with_counter(filled, field, None)
    if field == F.GEMEENTE:
        counters.pop(GEMEENTE_OPTIONS, None)
        counters.pop(REASK_GEMEENTE, None)
    replies = []
    if parsed.note:
        replies.append(_say(ctx, filled, parsed.note, field))
    chosen = _contradiction(field, user_text, filled)
    if chosen:
        counters[F.CHECKED_ROLE] = 1
        updates[F.ROL] = None
        replies.append(_say(ctx, filled, f"tegenspraak_{chosen}", "rol"))
    updates[F.POGINGEN] = counters
    return Outcome(updates, replies)


def validate(field: str, text_in: Optional[str], entities: Optional[list[dict]],
             filled: Mapping[str, Any], ctx: FormContext) -> Outcome:
    """What the answer ``text_in`` to ``field`` does: slot updates and replies."""
    filled = dict(filled or {})
    user_text = str(text_in or "")[:MAX_INPUT]
    if field not in F.BY_SLOT:
        return Outcome({}, [])
    if is_stop(user_text):
        return _stopped(filled, ctx)
    if mentions_bsn(user_text):
        return Outcome({field: None}, [_say(ctx, filled, "bsn", field)])
    counters = filled.get(F.POGINGEN) if isinstance(filled.get(F.POGINGEN), Mapping) else {}
    if field in (F.TOESTEMMING, F.BEVESTIGD):
        if counters.get(F.ASKED_WHAT_TO_CHANGE):
            return _validate_what_to_change(user_text, filled, ctx, field)
        return _validate_consent(field, user_text, filled, ctx)
    if field == F.GEMEENTE and counters.get(GEMEENTE_OPTIONS):
        picked = _pick_pending_place(user_text, counters[GEMEENTE_OPTIONS])
        if picked:
            return _accepted(field, Parsed(value=picked), user_text, filled, ctx)
    parsed = parse(field, user_text, ctx.today)
    if parsed.ok:
        return _accepted(field, parsed, user_text, filled, ctx)
    if is_skip(user_text):
        if F.is_optional(field):
            updates = {field: F.SKIPPED, F.POGINGEN: F.with_counter(filled, field, None)}
            return Outcome(updates, [_say(ctx, filled, "overgeslagen", field)])
        return Outcome({field: None}, [_say(ctx, filled, "niet_overslaan", field)])
    if parsed.error == "dubbelzinnig" and parsed.buttons:
        counters_new = F.with_counter(filled, GEMEENTE_OPTIONS, None)
        counters_new[GEMEENTE_OPTIONS] = [list(b) for b in parsed.buttons]
        return Outcome({field: None, F.POGINGEN: counters_new}, [])
    return _invalid(field, parsed, filled, ctx)
