"""Warms the action server up at start: rasa_sdk imports every module of this package, so this
runs once before the first user (see bot/action_server/warmup.py). WEGWIJZER_OPWARMEN=0 skips it."""
from __future__ import annotations

import logging

from actions.content_library import library
from bot import settings
from bot.action_server.warmup import warm_up
from bot.regio.directory import get_directory

if settings.read("WEGWIJZER_OPWARMEN"):
    try:
        warm_up(library(), get_directory())
    except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first turn
        logging.getLogger(__name__).exception("opwarmen van de actieserver mislukt")
