"""The production profile's one metrics endpoint (python -m bot.metrics, started by the supervisor), over
real HTTP: turns on both replicas add up (multiprocess mode), every process is reported up, a killed
replica is reported down (the "replica down" alert) and its counts survive it, and the outbox gauges
read PostgreSQL."""
from __future__ import annotations

import time

import pytest

from tests.support.metrics import scrape, value

pytestmark = pytest.mark.integration


def _url(productie) -> str:
    return f"http://127.0.0.1:{productie.settings.metrics_port}/metrics"


def _turns(samples) -> float:
    return sum(v for (name, labels), v in samples.items() if name == "wegwijzer_turns_total")


def test_turns_of_both_replicas_add_up_and_every_process_is_up(productie):
    before = scrape(_url(productie))
    sender = f"metrieken-{time.monotonic_ns()}"
    productie.texts(sender, "wat is passend onderwijs", replica=1)
    productie.texts(sender, "wat is een opp", replica=2)
    productie.texts(sender, "sdfkjh qwpeoi zxmcnv")                  # through nginx
    after = scrape(_url(productie))
    assert _turns(after) - _turns(before) == 3
    assert value(after, "wegwijzer_turn_duration_seconds_count", channel="rest") - \
        value(before, "wegwijzer_turn_duration_seconds_count", channel="rest") == 3
    assert value(after, "wegwijzer_not_understood_total", channel="rest") - \
        value(before, "wegwijzer_not_understood_total", channel="rest") == 1
    for process in ("rasa-1", "rasa-2", "actieserver", "outbox-worker", "webapp", "console"):
        assert value(after, "wegwijzer_process_up", process=process) == 1, process
    assert value(after, "wegwijzer_outbox_scrape_ok") == 1           # PostgreSQL answered


def test_a_killed_replica_is_reported_down_and_its_counts_stay(productie):
    productie.texts(f"metrieken-{time.monotonic_ns()}", "wat is leerplicht", replica=2)
    before = scrape(_url(productie))
    productie.supervisor.process("rasa-2").kill()
    try:
        after = scrape(_url(productie))
        assert value(after, "wegwijzer_process_up", process="rasa-2") == 0
        assert value(after, "wegwijzer_process_up", process="rasa-1") == 1
        assert _turns(after) == _turns(before)        # the dead replica's turns are still counted
    finally:
        productie.wait_until_ready("rasa-2", limit=900)
    assert value(scrape(_url(productie)), "wegwijzer_process_up", process="rasa-2") == 1
