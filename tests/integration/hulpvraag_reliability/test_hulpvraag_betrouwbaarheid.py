"""Reliability of help requests with real processes: the outbox worker and a submitting process killed
with -9, a webhook receiver that is down for a while, and a PostgreSQL server that crashes.

Every confirmed request must exist exactly once and reach the webhook receiver and the SMTP server;
a receiver may see a delivery again, but only under the same idempotency key with the same body.
Short leases and backoff come from the environment (see Scene)."""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from hulpvraag_processen import Scene, assert_receivers_consistent, confirmed, wait_until
from tests.support.postgres import postgres_server


@pytest.fixture()
def scene_dir():
    # not pytest's tmp_path: a throwaway PostgreSQL (another user) needs a traversable path
    with tempfile.TemporaryDirectory(prefix="wegwijzer-hv-") as d:
        yield Path(d)


def submit(scene: Scene, n: int) -> set[str]:
    """n requests from a separate process, configured like production (environment only)."""
    proc = scene.submitter("--aantal", str(n))
    proc.popen.wait(timeout=60)
    proc.stop()
    refs = confirmed(proc.lines)
    assert len(refs) == n, scene.diagnostics()
    assert {r.doel for r in scene.deliveries()} == {"inbox", "webhook", "email"}
    return set(refs)


def test_worker_killed_mid_delivery_delivers_everything_after_restart(scene_dir):
    scene = Scene(scene_dir)
    try:
        scene.receiver(hold=True)   # records each request, then holds the answer
        scene.smtp()
        refs = submit(scene, 5)
        worker = scene.worker()
        wait_until(lambda: scene.hook_records(), "eerste webhook-levering bij de ontvanger",
                   diagnostics=scene.diagnostics)
        worker.kill9()              # in the middle of a delivery: the receiver has not answered yet
        in_flight = {r["key"] for r in scene.hook_records()}
        assert not any(r.status == "bezorgd" and r.doel == "webhook" for r in scene.deliveries())
        scene.release_receiver()
        scene.worker()              # restarted: takes over after the lease of the killed worker
        wait_until(scene.all_delivered, "alle bezorgingen klaar na herstart", diagnostics=scene.diagnostics)
        counts = assert_receivers_consistent(scene, refs)
        assert set(counts) == {f"{r}-webhook" for r in refs}
        # what was in flight at the kill arrived again, under the same key: nothing lost, nothing unknown
        assert in_flight and all(counts[k] >= 2 for k in in_flight)
        assert all(r.pogingen >= 1 for r in scene.deliveries() if r.doel != "inbox")
    finally:
        scene.close()


def test_submitter_killed_repeatedly_keeps_every_confirmed_request_once(scene_dir):
    scene = Scene(scene_dir)
    rng = random.Random(20261124)
    try:
        confirmed_refs: list[str] = []
        for _ in range(6):
            proc = scene.submitter()
            stop_after = rng.randint(2, 12)
            wait_until(lambda: len(confirmed(proc.lines)) >= stop_after, "indiener bevestigt",
                       diagnostics=scene.diagnostics)
            proc.kill9()            # somewhere inside the next submit
            confirmed_refs += confirmed(proc.lines)
        stored = scene.references()
        assert all(stored[r] == 1 for r in confirmed_refs), "bevestigde hulpvraag ontbreekt of dubbel"
        assert len(set(confirmed_refs)) == len(confirmed_refs)
        assert scene.orphan_deliveries() == 0
        per_request = {}
        for row in scene.deliveries():
            per_request.setdefault(row.referentie, set()).add(row.doel)
        assert set(per_request) == set(stored), "hulpvraag zonder bezorgregels"
        assert all(doelen == {"inbox", "webhook", "email"} for doelen in per_request.values())
        with scene.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # and each of them is delivered once the worker runs
        scene.receiver()
        scene.smtp()
        scene.worker()
        wait_until(scene.all_delivered, "alle bezorgingen klaar", diagnostics=scene.diagnostics)
        counts = assert_receivers_consistent(scene, set(stored))
        assert set(counts) == {f"{r}-webhook" for r in stored}
    finally:
        scene.close()


def test_receiver_down_for_a_while_gets_everything_when_back(scene_dir):
    scene = Scene(scene_dir)
    try:
        scene.smtp()
        scene.worker()
        refs = submit(scene, 3)
        wait_until(lambda: all(r.pogingen >= 2 for r in scene.deliveries() if r.doel == "webhook"),
                   "mislukte pogingen terwijl de ontvanger weg is", diagnostics=scene.diagnostics)
        assert scene.hook_records() == []
        assert not any(r.status == "bezorgd" for r in scene.deliveries() if r.doel == "webhook")
        scene.receiver()
        wait_until(scene.all_delivered, "bezorgd na terugkomst van de ontvanger", diagnostics=scene.diagnostics)
        counts = assert_receivers_consistent(scene, refs)
        assert set(counts) == {f"{r}-webhook" for r in refs}
        assert not any(r.status == "dood" for r in scene.deliveries())
    finally:
        scene.close()


def test_postgres_crash_during_submits_and_deliveries_loses_nothing(scene_dir):
    with postgres_server() as pg:
        scene = Scene(scene_dir, database_url=pg.url)
        try:
            scene.receiver()
            scene.smtp()
            worker = scene.worker()
            submitter = scene.submitter("--pauze", "0.05")
            wait_until(lambda: len(confirmed(submitter.lines)) >= 8, "bevestigingen voor de crash",
                       diagnostics=lambda: scene.diagnostics() + pg.log_tail())
            before = len(confirmed(submitter.lines))
            pg.restart_after_crash()    # immediate shutdown: connections cut, recovery at start
            wait_until(lambda: len(confirmed(submitter.lines)) >= before + 8, "bevestigingen na de herstart",
                       diagnostics=lambda: scene.diagnostics() + pg.log_tail())
            submitter.stop()
            refs = confirmed(submitter.lines)
            wait_until(scene.all_delivered, "alles bezorgd na de herstart van de database",
                       diagnostics=lambda: scene.diagnostics() + pg.log_tail())
            assert worker.alive(), "de worker herstelde niet zelf"
            stored = scene.references()
            assert all(stored[r] == 1 for r in refs), "bevestigde hulpvraag verloren of dubbel"
            assert scene.orphan_deliveries() == 0
            counts = assert_receivers_consistent(scene, set(refs))
            assert set(counts) == {f"{r}-webhook" for r in stored}
        finally:
            scene.close()
