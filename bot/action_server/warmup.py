"""Everything the action server loads or compiles on first use, done once before the first user.

Measured in one fresh process: the first step plan took 120 ms to read the story (regular
expressions, date words), 65 ms to build the plan and 49 ms to render it; the second took 1.6 ms in
all. The first help request took 50 ms more than the next ones (reading the form's texts, then
phone-number and date parsing). Without this the first parent after every restart (and after every
scale-out) waits that long.
``actions/warmup.py`` calls :func:`warm_up` when the action server imports the actions package.
Nothing here is stored: it only fills the caches that the real turns use.
"""
from __future__ import annotations

import logging
import time
from datetime import date

from bot import clock
from bot.hulpvraag_form import flow as help_request_form
from bot.turn.regio import RegionInput, plan_region
from bot.turn.replies import PARENT, VOICE, YOUTH
from bot.signals.safety import detect_danger
from bot.stappenplan import build_plan, extract_situation, missing_question, render_plan
from bot.turn.plan import TurnInput, plan_turn

log = logging.getLogger(__name__)

STORIES = (
    "onze zoon van 12 zit sinds 2 september thuis in Zaandam, we hebben met school gepraat en "
    "leerplicht gebeld",
    "k zit al een maand thuis want de school wil me niet meer, wat moet ik doen",
)

# a parent's answers to every question of the help-request form, the last two "ja" for consent
# and for the summary (checking only: nothing is stored, that is a separate action)
FORM_ANSWERS = (
    "ouder", "we wonen in zaandam", "hij is 13", "havo", "al 6 weken",
    "met school gepraat en leerplicht gebeld",
    "Hij zit thuis en school reageert niet meer. Wij zoeken een passende plek.",
    "06 12345678", "ochtend", "ja", "ja",
)


def walk_help_request_form(today: date, voice: bool) -> dict:
    """Asks and answers every field of the form in the plain functions; returns the filled slots."""
    ctx = help_request_form.FormContext(audience=PARENT, voice=voice, gemeente_code=None,
                                        gemeente_naam=None, contactpunt_naam="", today=today)
    filled: dict = {}
    for answer in FORM_ANSWERS:
        fields = help_request_form.required_fields(filled, ctx)
        if not fields:
            break
        help_request_form.ask(fields[0], filled, ctx)
        filled.update(help_request_form.validate(fields[0], answer, None, filled, ctx).updates)
    return filled


def warm_up(library, directory, today: date | None = None) -> float:
    """Runs one of each kind of turn through the plain functions; returns the seconds it took."""
    started = time.perf_counter()
    today = today or clock.today()
    for story in STORIES:
        detect_danger(story)
        situation = extract_situation(story, today, None)
        for audience in (PARENT, YOUTH):
            missing_question(situation, audience, today)
        plan = build_plan(situation, today, gemeente_code=None)
        for variant in (PARENT, YOUTH, VOICE):
            render_plan(plan, variant)
        plan_region(RegionInput(intent="woonplaats_noemen", text=story), library, directory)
        plan_turn(TurnInput(intent="situatie_thuiszitten", text=story, first_bot_turn=True), library)
    for voice in (False, True):
        walk_help_request_form(today, voice)
    seconds = time.perf_counter() - started
    log.info("actieserver opgewarmd in %.0f ms", seconds * 1000)
    return seconds
