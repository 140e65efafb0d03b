"""The region part of one turn: which municipality the user means, and whether the region answers.

Plain Python (no Rasa); the actions collect the inputs from the tracker and send the result.

Every user message is resolved (``bot.regio.lookup.resolve_place``, well under a millisecond once
the index is built). A found municipality is remembered (slot ``gemeente``, its CBS code, e.g.
``GM0479``). The region *takes the turn* when:

- the user asks whom to contact (``vraag_contact``): contacts when the municipality is known, else
  one question for the place or postcode (with a skip button), or the ambiguity question;
- the user names a place (``woonplaats_noemen``, a button choice, or a short message that is a place
  while NLU thought it was small talk or did not understand), or answers our place question;
- the bot asked for the place and the user's message was not understood: "not recognised, try again".

An uncertain typo match (``Resolution.voorstel``) is never remembered: when the region takes the turn it
asks "Bedoelt u Marken, gemeente Waterland?" with Ja/Nee buttons (pending choice with one candidate);
"ja" remembers it, "nee" asks for the place or postcode.

Otherwise the normal answer is given, and answers that depend on the region get a short regional
line after them (``bot.turn.regio_replies.regional_line``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from bot.turn import regio_replies as rr
from bot.regio.normalize import fold
from bot.regio.lookup import DUBBELZINNIG, GEVONDEN, ONBEKEND, Resolution, resolve_place
from bot.turn.replies import Reply, render_answer

ASK_CONTACT = "vraag_contact"
NAME_PLACE = "woonplaats_noemen"
REGION_INTENTS = {ASK_CONTACT, NAME_PLACE}
# Pending question (slot ``regio_vraag``): we asked for the place, or asked to choose between places.
PENDING_PLACE, PENDING_CHOICE = "plaats", "keuze"
# Intents after which a short message that is a place is taken as the user naming their place.
WEAK_INTENTS = {"nlu_fallback", "buiten_scope", "groet", "andere_taal", "bedankt", "wat_kun_je", "afscheid"}
SHORT_MESSAGE_WORDS = 6
SKIP = re.compile(
    r"\b(liever niet|zeg ik (liever )?niet|wil ik niet (zeggen|noemen|vertellen)|niet zeggen|sla (maar )?over|"
    r"overslaan|skip|gaat je niks aan|geen zin|landelijk)\b", re.I)
SKIP_VALUE = "geen"
GM_CODE = re.compile(r"^GM\d{4}$")
# Words that show the user is naming a place, so "not recognised" is the right reply (not the fallback).
PLACE_CUE = re.compile(r"\b(woon\w*|wonen|verhuis\w*|gemeente|postcode|plaats|dorp|stad|bedoel\w*|regio)\b", re.I)
ORDINALS = {"eerste": 0, "1e": 0, "tweede": 1, "2e": 1, "derde": 2, "3e": 2, "vierde": 3, "4e": 3}
# A typed answer to "Bedoelt u Marken, gemeente Waterland?" (a suggestion: one candidate).
YES = re.compile(r"^\W*(ja+|jazeker|jawel|jep|yes|klopt|inderdaad|precies|correct|dat klopt|ja,? dat klopt|"
                 r"ja,? klopt|ja,? die|ja graag|ok(e|é|ay)?)\W*$", re.I)
NO = re.compile(r"^\W*(nee+|neen|nope|no|klopt niet|dat klopt niet|nee,? dat klopt niet|niet die|"
                r"nee,? (dat is het )?niet|nee,? andere plaats)\W*$", re.I)
INTRO = "kennismaking"


@dataclass(frozen=True)
class RegionInput:
    intent: str
    text: str = ""  # the user's words ('' for a button payload)
    place_entities: Sequence[str] = ()  # values of the 'plaats' entity (button payloads carry GM codes)
    gemeente: Optional[str] = None  # slot: CBS code
    pending: Optional[str] = None  # slot regio_vraag
    variant: str = "ouder"
    first_bot_turn: bool = False


@dataclass(frozen=True)
class RegionStep:
    takes_turn: bool
    replies: tuple[Reply, ...] = ()
    gemeente: Optional[str] = None
    pending: Optional[str] = None
    resolution: Optional[Resolution] = None
    answered: tuple[str, ...] = field(default_factory=tuple)


def pending_choice(candidates) -> str:
    """Slot value for an open ambiguity question: 'keuze:GM0373,GM0893'."""
    return PENDING_CHOICE + ":" + ",".join(c.gm_code for c in candidates)


def _choice(inp: RegionInput, directory) -> Optional[str]:
    """The candidate a typed answer to the ambiguity question points at ('die in Limburg', 'de eerste')."""
    if not (inp.pending or "").startswith(PENDING_CHOICE + ":") or not inp.text or directory is None:
        return None
    codes = [c for c in inp.pending.split(":", 1)[1].split(",") if c]
    if len(codes) == 1 and YES.match(inp.text.strip()):
        return codes[0]  # "ja" to a suggestion
    words = re.findall(r"[\w-]+", fold(inp.text))
    for w in words:
        if w in ORDINALS and ORDINALS[w] < len(codes):
            return codes[ORDINALS[w]]
    text = " " + " ".join(words).replace("-", " ") + " "
    hits = []
    for code in codes:
        m = directory.municipality(code) or {}
        names = {fold(m.get("provincie", "")), fold(m.get("korte_naam", "")), fold(m.get("naam", ""))}
        if any(n and f" {n.replace('-', ' ')} " in text for n in names):
            hits.append(code)
    return hits[0] if len(hits) == 1 else None


def _declines_suggestion(inp: RegionInput) -> bool:
    """A typed "nee" to a suggestion (an open choice with one candidate)."""
    pending = inp.pending or ""
    if not pending.startswith(PENDING_CHOICE + ":") or not inp.text:
        return False
    return len([c for c in pending.split(":", 1)[1].split(",") if c]) == 1 and bool(NO.match(inp.text.strip()))


def resolve(inp: RegionInput, directory=None) -> tuple[Optional[Resolution], bool]:
    """(resolution, skipped). A button payload's GM code or 'geen' wins over the text."""
    for value in inp.place_entities:
        value = (value or "").strip()
        if value.lower() == SKIP_VALUE:
            return None, True
        if GM_CODE.match(value.upper()):
            return Resolution(status=GEVONDEN, gm_code=value.upper(), match="keuze"), False
    if inp.pending and inp.text and SKIP.search(inp.text):
        return None, True
    if not inp.text and inp.place_entities:
        text = " ".join(inp.place_entities)
    else:
        text = inp.text
    expecting = bool(inp.pending) or inp.intent == NAME_PLACE
    res = resolve_place(text, expecting_place=expecting)
    if res.status != GEVONDEN:
        chosen = _choice(inp, directory)
        if chosen:
            return Resolution(status=GEVONDEN, gm_code=chosen, match="keuze"), False
    return res, False


def plan_region(inp: RegionInput, library, directory) -> RegionStep:
    res, skipped = resolve(inp, directory)
    status = res.status if res else ONBEKEND
    if res is not None and status == GEVONDEN and directory.municipality(res.gm_code) is None:
        status = ONBEKEND  # never remember a code the directory does not know
    found = res.gm_code if status == GEVONDEN else None
    known = found or inp.gemeente
    v = inp.variant

    def take(replies, gemeente, pending, answered):
        replies = list(replies)
        ids = list(answered)
        if inp.first_bot_turn:
            intro = library.get(INTRO)
            if intro is not None:
                replies.insert(0, render_answer(intro, v, lambda _id: None, with_buttons=False))
                ids.insert(0, INTRO)
        return RegionStep(True, tuple(replies), gemeente, pending, res, tuple(ids))

    words = len(inp.text.split())
    names_place = (
        inp.intent == NAME_PLACE
        or (inp.pending and (status != ONBEKEND or skipped))
        or (inp.intent in WEAK_INTENTS and status != ONBEKEND and 0 < words <= SHORT_MESSAGE_WORDS)
    )

    if inp.intent == ASK_CONTACT:
        if status == DUBBELZINNIG:
            return take([rr.ambiguity(res, v, library)], inp.gemeente, pending_choice(res.candidates),
                        [rr.AMBIGUOUS])
        if skipped:
            return take([rr.national_reply(v, library, directory)], inp.gemeente, None, [rr.NATIONAL])
        if known:
            pc4 = res.postcode if found and res and res.postcode else None
            return take([rr.contacts_reply(known, v, library, directory, pc4)], known, None, [rr.CONTACTS])
        return take([rr.ask_place(v, library)], None, PENDING_PLACE, [rr.ASK_PLACE])

    if status == ONBEKEND and _declines_suggestion(inp):  # "nee" to "Bedoelt u Marken?": ask the place
        return take([rr.ask_place(v, library)], inp.gemeente, PENDING_PLACE, [rr.ASK_PLACE])

    if inp.intent == NAME_PLACE and not inp.pending and status == ONBEKEND and not skipped \
            and inp.text and not PLACE_CUE.search(inp.text):
        return RegionStep(False, (), inp.gemeente, None, res)  # e.g. "asdfkj": the fallback answers

    if names_place:
        if skipped:
            return take([rr.national_reply(v, library, directory)], inp.gemeente, None, [rr.NATIONAL])
        if found:
            pc4 = res.postcode if res.postcode else None
            if inp.pending:
                return take([rr.contacts_reply(found, v, library, directory, pc4)], found, None, [rr.CONTACTS])
            if inp.gemeente and inp.gemeente != found:  # a correction: confirm and give the new contacts
                return take([rr.confirm(found, v, library, directory, with_button=False),
                             rr.contacts_reply(found, v, library, directory, pc4)],
                            found, None, [rr.CONFIRM, rr.CONTACTS])
            return take([rr.confirm(found, v, library, directory)], found, None, [rr.CONFIRM])
        if status == DUBBELZINNIG:
            return take([rr.ambiguity(res, v, library)], inp.gemeente, pending_choice(res.candidates),
                        [rr.AMBIGUOUS])
        if not inp.text:
            return take([rr.ask_place(v, library)], inp.gemeente, PENDING_PLACE, [rr.ASK_PLACE])
        return take([rr.not_recognised(v, library)], inp.gemeente, PENDING_PLACE, [rr.NOT_RECOGNISED])

    if inp.pending and inp.intent == "nlu_fallback":
        return take([rr.not_recognised(v, library)], inp.gemeente, inp.pending, [rr.NOT_RECOGNISED])

    # The normal answer goes ahead; remember a place mentioned along the way; the user moved on.
    return RegionStep(False, (), known, None, res)


def add_regional_lines(replies: Sequence[Reply], gemeente: Optional[str], variant: str, directory) -> tuple[Reply, ...]:
    """After each answer that depends on the region, a short line with the local organisations."""
    if not gemeente:
        return tuple(replies)
    out: list[Reply] = []
    for reply in replies:
        out.append(reply)
        line = rr.regional_line(gemeente, reply.answer_id, variant, directory)
        if line:
            out.append(Reply(text=line, answer_id=f"regio:{reply.answer_id}"))
    return tuple(out)
