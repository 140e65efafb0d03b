"""On the trained model, DIET called through its concrete function (bot.rasa_runtime.speedups) gives exactly
the numbers Rasa's own call through the tf.function gives: every intent probability and entity."""
from __future__ import annotations

import gc

import pytest
from rasa.utils.tensorflow.models import RasaModel

import bot.rasa_runtime.speedups as speedups
from trained_model import installed, parse, processor, sample_messages, with_attribute  # noqa: F401 (processor: fixture)

pytestmark = pytest.mark.integration


def exact(result: dict) -> tuple:
    ranking = tuple((r["name"], r["confidence"]) for r in result.get("intent_ranking") or [])
    entities = tuple(sorted((e["entity"], e["start"], e["end"], str(e.get("value")), e.get("extractor"))
                            for e in result["entities"]))
    return result["intent"]["name"], result["intent"]["confidence"], ranking, entities


def with_predict(function, action):
    return with_attribute(RasaModel, "_rasa_predict", function, action)


def test_install_switches_the_direct_call_on(processor):  # noqa: F811
    if not installed():
        pytest.skip("stock Rasa (WEGWIJZER_RASA_STOCK=1)")
    assert RasaModel._rasa_predict is speedups._rasa_predict
    parse(processor, "wat is een tlv", "concreet-0")
    models = [o for o in gc.get_objects() if isinstance(o, RasaModel)]
    assert models and all(speedups._CONCRETE in m.__dict__ for m in models)


def test_predictions_are_the_same_numbers(processor):  # noqa: F811
    messages = sample_messages(60)
    for number, text in enumerate(messages):
        ours = with_predict(speedups._rasa_predict, lambda: parse(processor, text, f"direct-{number}"))
        rasas = with_predict(speedups._RASA_PREDICT, lambda: parse(processor, text, f"tf-function-{number}"))
        assert exact(ours) == exact(rasas), text
