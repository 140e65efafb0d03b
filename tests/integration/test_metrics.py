"""The metrics endpoint over real HTTP, on the real stack (trained model, Rasa server, action server,
SQLite databases) and the real outbox worker: the numbers move when a conversation happens and when a
help request waits in the outbox, fails to go out, and is delivered."""
from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from bot.tooling.launcher import REPO, free_port
from hulpvraag_steps import answer_form
from test_socketio_channel import _exchange
from tests.support.metrics import metrics_exporter, scrape, value

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def metrics_url(stack, tmp_path_factory):
    running = stack.running
    probes = f"rasa={running.rasa_url}/,actieserver={running.actions_url}/health"
    with metrics_exporter(running.metrics_dir, stack.database_url, tmp_path_factory.mktemp("metrics"),
                          probes=probes) as url:
        yield url


def test_a_conversation_moves_turns_latency_and_not_understood(stack, metrics_url):
    before = scrape(metrics_url)
    sender = stack.new_sender()
    assert stack.texts(sender, "wat is passend onderwijs")
    assert stack.texts(sender, "sdfkjh qwpeoi zxmcnv")     # nonsense: "dat begreep ik niet"
    after = scrape(metrics_url)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("wegwijzer_turns_total", channel="rest", outcome="answered") == 2
    assert delta("wegwijzer_turn_duration_seconds_count", channel="rest") == 2
    assert delta("wegwijzer_turn_duration_seconds_sum", channel="rest") > 0
    assert delta("wegwijzer_turn_duration_seconds_bucket", channel="rest", le="+Inf") == 2
    assert delta("wegwijzer_not_understood_total", channel="rest") == 1
    assert value(after, "wegwijzer_process_up", process="rasa") == 1
    assert value(after, "wegwijzer_process_up", process="actieserver") == 1


def test_a_widget_turn_counts_under_its_own_channel(stack, metrics_url):
    before = scrape(metrics_url)
    assert asyncio.run(_exchange(stack.rasa_url, uuid.uuid4().hex, "wat is een opp"))
    after = scrape(metrics_url)
    assert value(after, "wegwijzer_turns_total", channel="socketio", outcome="answered") - \
        value(before, "wegwijzer_turns_total", channel="socketio", outcome="answered") == 1
    assert value(after, "wegwijzer_turn_duration_seconds_count", channel="socketio") - \
        value(before, "wegwijzer_turn_duration_seconds_count", channel="socketio") == 1


class Loket(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self):  # noqa: N802
        Loket.bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_args):
        pass


def _wait_for(predicate, url, limit=60.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        samples = scrape(url)
        if predicate(samples):
            return samples
        time.sleep(0.5)
    raise AssertionError(f"niet bereikt binnen {limit:.0f} s: {samples}")


def test_a_request_waiting_in_the_outbox_is_seen_until_it_is_delivered(stack, metrics_url, tmp_path):
    hook_port = free_port()  # nothing listens here yet: the contact point is down
    override = stack.regio_dir / "overrides" / "GM0479.yml"
    override.parent.mkdir(exist_ok=True)
    override.write_text(yaml.safe_dump({
        "gebied": "GM0479", "naam": "Testloket (alleen voor tests)", "gecontroleerd": "2026-11-24",
        "hulpverzoek": {"naam": "Testloket (alleen voor tests)", "webhook_url": f"http://127.0.0.1:{hook_port}/hook",
                        "reactietermijn_werkdagen": 3}}), encoding="utf-8")
    worker = None
    server = None
    try:
        before = scrape(metrics_url)
        sender = stack.new_sender()
        stack.say(sender, "kan iemand mij bellen over mijn zoon")
        stack.say(sender, "/hulpvraag_starten")
        answer_form(stack, sender)
        time.sleep(1.2)
        waiting = scrape(metrics_url)
        assert value(waiting, "wegwijzer_outbox_scrape_ok") == 1
        assert value(waiting, "wegwijzer_outbox_pending") == value(before, "wegwijzer_outbox_pending") + 1
        assert value(waiting, "wegwijzer_outbox_oldest_pending_age_seconds") >= 1

        env = dict(os.environ, PYTHONPATH=str(REPO), PROMETHEUS_MULTIPROC_DIR=str(stack.running.metrics_dir),
                   WEGWIJZER_DATABASE_URL=stack.database_url, WEGWIJZER_WEBHOOK_SECRET="s" * 40,
                   WEGWIJZER_OUTBOX_POLL="0.2", WEGWIJZER_OUTBOX_BACKOFF_BASIS="0.2",
                   WEGWIJZER_OUTBOX_BACKOFF_MAX="0.5", WEGWIJZER_BEZORG_TIMEOUT="2",
                   WEGWIJZER_OUTBOX_MAX_POGINGEN="200")
        worker = subprocess.Popen([sys.executable, "-m", "bot.hulpvraag.worker"], cwd=REPO, env=env,
                                  stdout=(tmp_path / "worker.log").open("w"), stderr=subprocess.STDOUT)
        failing = _wait_for(lambda s: value(s, "wegwijzer_deliveries_total", target="webhook", result="retry")
                            >= value(before, "wegwijzer_deliveries_total", target="webhook", result="retry") + 2,
                            metrics_url)
        assert value(failing, "wegwijzer_outbox_pending") == value(before, "wegwijzer_outbox_pending") + 1

        Loket.bodies = []
        server = ThreadingHTTPServer(("127.0.0.1", hook_port), Loket)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        delivered = _wait_for(lambda s: value(s, "wegwijzer_outbox_pending") == value(before, "wegwijzer_outbox_pending"),
                              metrics_url)
        assert Loket.bodies
        assert value(delivered, "wegwijzer_deliveries_total", target="webhook", result="delivered") == \
            value(before, "wegwijzer_deliveries_total", target="webhook", result="delivered") + 1
        assert value(delivered, "wegwijzer_outbox_oldest_pending_age_seconds") == 0 or \
            value(before, "wegwijzer_outbox_pending") > 0
    finally:
        override.unlink(missing_ok=True)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=20)
        if server is not None:
            server.shutdown()
            server.server_close()
