"""bot.action_server.warmup: one turn of each kind through the real content and region data, in every
variant, without error; actions/warmup.py runs it when the action server imports the package."""
import importlib
import logging
from datetime import date

from actions.content_library import library
from bot.action_server.warmup import STORIES, walk_help_request_form, warm_up
from bot.hulpvraag_form import fields as F
from bot.regio.directory import get_directory
from bot.stappenplan import extract_situation


def test_warm_up_runs_every_kind_of_turn_on_the_real_data(caplog):
    with caplog.at_level(logging.INFO, logger="bot.action_server.warmup"):
        seconds = warm_up(library(), get_directory(), today=date(2026, 11, 24))
    assert seconds > 0
    assert "opgewarmd" in caplog.text


def test_the_warm_up_stories_are_real_step_plan_stories():
    situation = extract_situation(STORIES[0], date(2026, 11, 24), None)
    assert situation != extract_situation("", date(2026, 11, 24), None)


def test_the_warm_up_fills_in_the_whole_help_request_form():
    for voice in (False, True):
        filled = walk_help_request_form(date(2026, 11, 24), voice)
        assert [slot for slot in F.ORDER if not F.is_filled(filled.get(slot))] == [], filled
        assert filled[F.TOESTEMMING] is True and filled[F.BEVESTIGD] is True


def test_the_action_server_module_can_be_told_to_skip_it(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_OPWARMEN", "0")
    calls = []
    monkeypatch.setattr("bot.action_server.warmup.warm_up", lambda *a, **k: calls.append(a))
    import actions.warmup as module
    importlib.reload(module)
    assert calls == []
    monkeypatch.setenv("WEGWIJZER_OPWARMEN", "1")
    importlib.reload(module)
    assert len(calls) == 1
