"""Faults in the production profile, with real processes: a crashed worker, Redis and PostgreSQL
restarts during a stream of turns, and a Rasa replica killed with SIGKILL mid-conversation. Every
failed turn is counted; the profile must recover on its own (the supervisor restarts what stopped)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bot.production.settings import REPO
from productie_steps import TurnStream, new_sender

pytestmark = pytest.mark.integration


def _with_region(productie) -> str:
    sender = new_sender()
    assert "Zaanstad" in "\n".join(productie.texts(sender, "ik woon in Zaanstad"))
    return sender


def _knows_region(text: str) -> bool:
    return "In Zaanstad" in text


def _wait(condition, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(condition)
        time.sleep(0.2)


def test_crashed_outbox_worker_is_restarted(productie):
    worker = productie.supervisor.process("outbox-worker")
    old_pid = worker.pid
    worker.kill()
    productie.wait_until_ready("outbox-worker", limit=120)
    assert worker.pid != old_pid
    assert productie.supervisor.restarts["outbox-worker"] >= 1


def test_redis_restart_during_a_stream_of_turns(productie):
    sender = _with_region(productie)
    redis_process = productie.supervisor.process("redis")
    with TurnStream(productie, sender, "wie kan ik bellen", _knows_region) as stream:
        stream.wait_for_turns(3)
        redis_process.kill()
        productie.wait_until_ready("redis", limit=120)
        stream.wait_for_turns(8)
    failures = stream.failures()
    print(f"Redis-herstart: {len(failures)} van {stream.count()} beurten mislukt")
    assert stream.turns[:3] and all(t.ok for t in stream.turns[:3])
    # The lock store waits for Redis (bot/production/lock_store.py): at most one turn may fail.
    assert len(failures) <= 1, failures
    assert stream.failures_after_first_recovery() == []
    assert all(t.ok for t in stream.turns[-5:])


def test_postgres_restart_during_a_stream_of_turns_loses_no_turn(productie):
    """The supervisor brings PostgreSQL back; meanwhile the tracker store waits instead of answering
    with an empty conversation (bot.production.tracker_store), so no turn forgets the region."""
    supervisor = productie.supervisor
    sender = _with_region(productie)
    console, worker = supervisor.process("console"), supervisor.process("outbox-worker")
    pids = (console.pid, worker.pid)
    with TurnStream(productie, sender, "wie kan ik bellen", _knows_region) as stream:
        stream.wait_for_turns(3)
        restarts = supervisor.restarts.get("postgres", 0)
        supervisor.postgres.crash()
        _wait(lambda: supervisor.restarts.get("postgres", 0) > restarts and supervisor.postgres.ready())
        stream.wait_for_turns(8)
    failures = stream.failures()
    print(f"PostgreSQL-herstart: {len(failures)} van {stream.count()} beurten mislukt")
    assert failures == []
    # console and worker are ready again by themselves (their pools reconnect), without a restart
    _wait(lambda: console.ready().ok and worker.ready().ok)
    assert (console.pid, worker.pid) == pids


def test_status_command_reports_every_process(productie):
    s = productie.settings
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_PRODUCTIE_DIR=str(s.run_dir),
               WEGWIJZER_PROXY_PORT=str(s.proxy_port), WEGWIJZER_RASA_BASE_PORT=str(s.rasa_base_port),
               WEGWIJZER_ACTIONS_PORT=str(s.actions_port), WEGWIJZER_WEB_PORT=str(s.web_port),
               WEGWIJZER_CONSOLE_PORT=str(s.console_port), WEGWIJZER_WORKER_HEALTH_PORT=str(s.worker_health_port),
               WEGWIJZER_PG_PORT=str(s.pg_port), WEGWIJZER_REDIS_PORT=str(s.redis_port),
               WEGWIJZER_METRICS_PORT=str(s.metrics_port))
    result = subprocess.run([sys.executable, "-m", "bot.production", "status"], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("postgres", "redis", "actieserver", "outbox-worker", "rasa-1", "rasa-2", "webapp", "console",
                 "metrieken", "nginx"):
        assert any(line.startswith(name) and " ja " in line for line in result.stdout.splitlines()), name


def test_killed_replica_mid_conversation_nginx_continues_on_the_other(productie):
    """SIGKILL rasa-1: nginx passes the next turns to rasa-2 (refused connection → next upstream), with
    the conversation's state; the supervisor starts rasa-1 again and it knows the conversation too."""
    sender = _with_region(productie)
    replica = productie.supervisor.process("rasa-1")
    replica.kill()
    failures = 0
    for _ in range(6):
        texts = productie.texts(sender, "wie kan ik bellen")
        failures += not _knows_region("\n".join(texts))
    assert failures == 0
    productie.wait_until_ready("rasa-1", limit=900)
    assert _knows_region("\n".join(productie.texts(sender, "wie kan ik bellen", replica=1)))
