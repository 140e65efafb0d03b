"""Real processes for the reliability tests: receiver, SMTP server, worker, submitter; and checks on
the database and the receivers' records."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests
import yaml
from sqlalchemy import func, select

from bot.hulpvraag.db import make_engine
from bot.hulpvraag.schema import bezorging, hulpverzoek
from bot.production.ports import free_port
from bot.regio.directory import CONTENT_DIR

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SECRET = "test-geheim-betrouwbaarheid"
DEADLINE = 60.0  # liveness limit for a condition; the tests never assert on durations


def wait_until(condition, what: str, timeout: float = DEADLINE, diagnostics=lambda: ""):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"niet gebeurd: {what}\n{diagnostics()}")


class Proc:
    """A child process whose stdout lines are collected by a thread; stderr goes to a log file."""

    def __init__(self, args: list[str], env: dict, log: Path):
        self.log = log
        self._err = open(log, "ab")
        self.popen = subprocess.Popen(args, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=self._err,
                                      text=True, bufsize=1)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.popen.stdout:
            self.lines.append(line.rstrip("\n"))

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill9(self):
        if self.alive():
            os.kill(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=30)
        self._reader.join(timeout=10)

    def stop(self):
        if self.alive():
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9()
        self._reader.join(timeout=10)
        self._err.close()

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return f"--- {self.log.name} ---\n" + self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


class Scene:
    """Everything one test needs: config (env), region override pointing at the local receivers."""

    def __init__(self, tmp: Path, database_url: str | None = None, **env_extra):
        self.tmp = tmp
        self.hook_port, self.smtp_port = free_port(), free_port()
        self.hook_log, self.smtp_log = tmp / "webhook.jsonl", tmp / "smtp.jsonl"
        self.hook_url = f"http://127.0.0.1:{self.hook_port}/hook"
        regio = tmp / "regio"
        (regio / "overrides").mkdir(parents=True)
        for name in ("gemeenten.json", "samenwerkingsverbanden.json", "postcodes.json", "landelijk.yml"):
            (regio / name).symlink_to(CONTENT_DIR / name)
        (regio / "overrides" / "GM0479.yml").write_text(yaml.safe_dump({
            "gebied": "GM0479", "naam": "Testloket (alleen voor tests)", "gecontroleerd": "2026-11-24",
            "hulpverzoek": {"naam": "Testloket (alleen voor tests)", "email": "loket@example.org",
                            "webhook_url": self.hook_url, "reactietermijn_werkdagen": 3}}), encoding="utf-8")
        self.env = dict(os.environ)
        self.env.update({
            "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1",
            "WEGWIJZER_DATABASE_URL": database_url or f"sqlite:///{tmp / 'wegwijzer.db'}",
            "WEGWIJZER_REGIO_DIR": str(regio),
            "WEGWIJZER_WEBHOOK_SECRET": SECRET,
            "WEGWIJZER_SMTP_HOST": "127.0.0.1", "WEGWIJZER_SMTP_PORT": str(self.smtp_port),
            "WEGWIJZER_SMTP_BEVEILIGING": "geen", "WEGWIJZER_SMTP_AFZENDER": "wegwijzer@example.org",
            "WEGWIJZER_OUTBOX_LEASE": "4", "WEGWIJZER_BEZORG_TIMEOUT": "2",
            "WEGWIJZER_OUTBOX_BACKOFF_BASIS": "0.2", "WEGWIJZER_OUTBOX_BACKOFF_MAX": "1",
            "WEGWIJZER_OUTBOX_POLL": "0.2", "WEGWIJZER_OUTBOX_MAX_POGINGEN": "200",
        })
        self.env.update({k: str(v) for k, v in env_extra.items()})
        self.procs: list[Proc] = []
        self.engine = make_engine(self.env["WEGWIJZER_DATABASE_URL"])

    def _start(self, name: str, args: list[str]) -> Proc:
        p = Proc(args, self.env, self.tmp / f"{name}.log")
        self.procs.append(p)
        return p

    def receiver(self, hold: bool = False) -> Proc:
        p = self._start("ontvanger", [sys.executable, str(HERE / "hulpvraag_ontvanger.py"), "--port",
                                      str(self.hook_port), "--log", str(self.hook_log), "--secret", SECRET]
                        + (["--hold"] if hold else []))
        wait_until(lambda: self._up(f"http://127.0.0.1:{self.hook_port}/_health"), "ontvanger start",
                   diagnostics=p.log_tail)
        return p

    def release_receiver(self):
        requests.post(f"http://127.0.0.1:{self.hook_port}/_hold", json={"hold": False}, timeout=5)

    def smtp(self) -> Proc:
        p = self._start("smtp", [sys.executable, str(HERE / "hulpvraag_smtp.py"), "--port", str(self.smtp_port),
                                 "--log", str(self.smtp_log)])
        wait_until(lambda: "klaar" in p.lines, "smtp start", diagnostics=p.log_tail)
        return p

    def worker(self) -> Proc:
        return self._start("worker", [sys.executable, "-m", "bot.hulpvraag.worker"])

    def submitter(self, *args: str) -> Proc:
        return self._start("indiener", [sys.executable, str(HERE / "hulpvraag_indiener.py"), *args])

    @staticmethod
    def _up(url: str) -> bool:
        try:
            return requests.get(url, timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def diagnostics(self) -> str:
        return "\n".join(p.log_tail() for p in self.procs)

    def close(self):
        for p in self.procs:
            p.stop()
        self.engine.dispose()
        shutil.rmtree(self.tmp / "regio", ignore_errors=True)

    # ---- observations ------------------------------------------------------------------------

    def hook_records(self) -> list[dict]:
        if not self.hook_log.exists():
            return []
        return [json.loads(line) for line in self.hook_log.read_text().splitlines() if line.strip()]

    def smtp_records(self) -> list[dict]:
        if not self.smtp_log.exists():
            return []
        return [json.loads(line) for line in self.smtp_log.read_text().splitlines() if line.strip()]

    def references(self) -> Counter:
        with self.engine.connect() as conn:
            return Counter(conn.execute(select(hulpverzoek.c.referentie)).scalars().all())

    def deliveries(self) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(hulpverzoek.c.referentie, bezorging.c.doel, bezorging.c.status,
                                       bezorging.c.pogingen, bezorging.c.idempotentiesleutel).join(
                hulpverzoek, hulpverzoek.c.id == bezorging.c.hulpverzoek_id)).all()

    def orphan_deliveries(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(bezorging).where(
                bezorging.c.hulpverzoek_id.not_in(select(hulpverzoek.c.id)))).scalar()

    def all_delivered(self) -> bool:
        rows = self.deliveries()
        return bool(rows) and all(r.status == "bezorgd" for r in rows)


def confirmed(lines: list[str]) -> list[str]:
    return [line.split()[1] for line in lines if line.startswith("BEVESTIGD ")]


def assert_receivers_consistent(scene: Scene, refs: set[str]):
    """Each request reached the webhook and the mailbox; repeats only with the same key and body."""
    records = scene.hook_records()
    assert all(r["sig_ok"] for r in records), "ongeldige handtekening"
    by_key: dict[str, set] = {}
    for r in records:
        assert r["key"] == f"{r['referentie']}-webhook"
        by_key.setdefault(r["key"], set()).add(r["sha"])
    assert all(len(shas) == 1 for shas in by_key.values()), "zelfde sleutel, andere inhoud"
    assert {k.rsplit("-webhook", 1)[0] for k in by_key} >= refs, "webhook mist een hulpvraag"
    mail_ids = {m["message_id"] for m in scene.smtp_records()}
    assert {f"<{r.lower()}-email@example.org>" for r in refs} <= mail_ids, "e-mail mist een hulpvraag"
    return Counter(r["key"] for r in records)
