"""On the trained model, the sequential graph run (bot.rasa_runtime.graph_runner) gives exactly what Rasa's
dask run gives: the same parse (intent ranking, confidences, entities) and the same next action."""
from __future__ import annotations

import asyncio

import pytest
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, UserUttered

import bot.rasa_runtime.graph_runner as graph_runner
from trained_model import installed, parse, processor, sample_messages, with_attribute  # noqa: F401 (processor: fixture)

pytestmark = pytest.mark.integration


def test_install_switches_the_sequential_run_on(processor):  # noqa: F811
    if not installed():
        pytest.skip("stock Rasa (WEGWIJZER_RASA_STOCK=1)")
    assert DaskGraphRunner.run is graph_runner.run


def with_runner(run, action):
    return with_attribute(DaskGraphRunner, "run", run, action)


def comparable(result: dict) -> tuple:
    ranking = tuple((r["name"], round(r["confidence"], 6)) for r in result.get("intent_ranking") or [])
    entities = tuple(sorted((e["entity"], e["start"], e["end"], str(e.get("value"))) for e in result["entities"]))
    return result["intent"]["name"], round(result["intent"]["confidence"], 6), ranking, entities


def test_nlu_results_are_identical(processor):  # noqa: F811
    messages = sample_messages()
    assert len(messages) >= 50
    for number, text in enumerate(messages):
        ours = with_runner(graph_runner.run, lambda: parse(processor, text, f"seq-{number}"))
        rasas = with_runner(graph_runner.DASK_RUN, lambda: parse(processor, text, f"dask-{number}"))
        assert comparable(ours) == comparable(rasas), text


def test_next_action_predictions_are_identical(processor):  # noqa: F811
    for number, text in enumerate(sample_messages(40)):
        result = with_runner(graph_runner.DASK_RUN, lambda: parse(processor, text, f"pred-{number}"))
        tracker = asyncio.run(processor.get_tracker(f"pred-{number}"))
        tracker.clear_followup_action()
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(text, result["intent"], result["entities"], result))
        ours = with_runner(graph_runner.run, lambda: processor._predict_next_with_tracker(tracker))
        rasas = with_runner(graph_runner.DASK_RUN, lambda: processor._predict_next_with_tracker(tracker))
        assert (ours.policy_name, ours.max_confidence_index, ours.probabilities) == \
               (rasas.policy_name, rasas.max_confidence_index, rasas.probabilities), text
