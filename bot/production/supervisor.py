"""The supervisor of the production profile: starts everything in order on one machine, waits until
each process is ready, restarts what stops, and stops everything in reverse order.

  PostgreSQL (own, via pg_ctl; or WEGWIJZER_DATABASE_URL) → alembic upgrade head →
  Redis (own; or WEGWIJZER_REDIS_URL) → action server + outbox worker → Rasa replicas →
  web app + console → nginx

Processes and their command lines: bot.production.commands. Settings: bot.production.settings.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Optional

from bot import settings as env_settings
from bot.tokens import action_token
from bot.production import endpoints, migrate, nginx_config, redis_server, security
from bot.production.commands import ProcessSpec, Probe, base_env, process_specs
from bot.production.health import Result, check
from bot.production.postgres_server import PostgresServer, local_server
from bot.production.process import ManagedProcess
from bot.production.settings import ProductionSettings

log = logging.getLogger("bot.production")
PG_MAX_CONNECTIONS = 200
STABLE_AFTER_SECONDS = 60      # a process that ran this long starts again without a pause


class Supervisor:
    def __init__(self, settings: ProductionSettings, extra_env: Optional[dict] = None):
        self.settings = settings
        self.extra_env = dict(extra_env or {})
        env = base_env(settings, self.extra_env)
        # Rasa and the action server share a secret; generated per start unless the operator set one.
        self.actions_token = env_settings.read(action_token.ENV, env) or action_token.new_token()
        self.postgres: Optional[PostgresServer] = None
        self.processes: list[ManagedProcess] = []
        self._pg_down_since: Optional[float] = None
        self._lock = threading.RLock()
        self.restarts: dict[str, int] = {}

    # ---- start -------------------------------------------------------------------------------------

    def start(self) -> None:
        s = self.settings
        security.require_safe(base_env(s, self.extra_env))  # before anything starts
        for folder in (s.run_dir, s.conf_dir, s.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(s.metrics_dir, ignore_errors=True)   # counters of a previous run (dead processes)
        s.metrics_dir.mkdir(parents=True)
        if not s.model.is_file():
            raise FileNotFoundError(f"geen getraind model in {s.model} (scripts/start_production traint het)")
        if s.own_postgres:
            self._start_postgres()
        log.info("migraties: alembic upgrade head")
        revision = migrate.upgrade(s.database())
        log.info("database op revisie %s", revision)
        specs = self._specs()
        self.processes = [ManagedProcess(spec, s.log_dir) for spec in specs]
        try:
            for stage in sorted({p.spec.stage for p in self.processes}):
                group = [p for p in self.processes if p.spec.stage == stage]
                for process in group:
                    log.info("start %s", process.name)
                    process.start()
                for process in group:
                    process.wait_ready(s.start_timeout)
                    log.info("%s is klaar", process.name)
        except BaseException:
            self.stop()
            raise
        self._write_state()

    def _start_postgres(self) -> None:
        s = self.settings
        self.postgres = local_server(s.pg_dir, port=s.pg_port, max_connections=PG_MAX_CONNECTIONS)
        self.postgres.init()
        if self.postgres.running():
            log.info("PostgreSQL draait al (%s)", s.pg_dir)
        else:
            log.info("start PostgreSQL op 127.0.0.1:%s (%s)", s.pg_port, s.pg_dir)
            self.postgres.start()
        self.postgres.create_database()

    def _specs(self) -> list[ProcessSpec]:
        s = self.settings
        s.conf_dir.mkdir(parents=True, exist_ok=True)
        endpoints_file = s.conf_dir / "endpoints.yml"
        endpoints_file.write_text(endpoints.endpoints_yaml(s.actions_port, s.redis()))
        redis_file = redis_server.write_config(s.redis_dir, s.redis_port) if s.own_redis else None
        nginx_file = nginx_config.write_config(
            s.conf_dir / "nginx", listen_host=s.proxy_host, listen_port=s.proxy_port, rasa_ports=s.rasa_ports,
            web_port=s.web_port, max_body=s.max_body, timeout=s.proxy_timeout)
        env = {**base_env(s, self.extra_env), action_token.ENV: self.actions_token}
        return [replace(spec, env={**env, **spec.env})
                for spec in process_specs(s, endpoints_file, nginx_file, redis_file, env=env)]

    def _write_state(self) -> None:
        state = {"supervisor_pid": os.getpid(), "gestart": time.strftime("%Y-%m-%d %H:%M:%S"),
                 "processen": {p.name: p.pid for p in self.processes}}
        (self.settings.conf_dir / "status.json").write_text(json.dumps(state, indent=2))

    # ---- watching ---------------------------------------------------------------------------------

    def process(self, name: str) -> ManagedProcess:
        for process in self.processes:
            if process.name == name:
                return process
        raise KeyError(name)

    def check_once(self, now: Optional[float] = None) -> list[str]:
        """One round of the watcher: start what stopped (when restarts are on). Returns what it started."""
        now = time.monotonic() if now is None else now
        started: list[str] = []
        with self._lock:
            if self.postgres is not None and self._postgres_needs_start(now):
                try:
                    log.warning("PostgreSQL draait niet: opnieuw starten")
                    self.postgres.start()
                    started.append("postgres")
                    self.restarts["postgres"] = self.restarts.get("postgres", 0) + 1
                except Exception as exc:  # try again next round
                    log.error("PostgreSQL starten mislukt: %s", exc)
            for process in self.processes:
                if not process.wanted or process.alive() or not self.settings.restart:
                    continue
                if process.next_start_at == 0.0:
                    ran = now - process.started_at
                    if ran >= STABLE_AFTER_SECONDS:
                        process.starts = 1
                    process.next_start_at = now + process.restart_pause()
                    log.warning("%s is gestopt (code %s); opnieuw starten over %.0f s", process.name,
                                process.popen.returncode if process.popen else "?", process.restart_pause())
                if now >= process.next_start_at:
                    process.start()
                    process.next_start_at = 0.0
                    self.restarts[process.name] = self.restarts.get(process.name, 0) + 1
                    started.append(process.name)
            if started:
                self._write_state()
        return started

    def _postgres_needs_start(self, now: float) -> bool:
        if not self.settings.restart or self.postgres.running():
            self._pg_down_since = None
            return False
        if self._pg_down_since is None:      # seen down once: wait one more round (a restart may be under way)
            self._pg_down_since = now
            return False
        return now - self._pg_down_since >= 2.0

    def watch(self, stop: threading.Event, interval: float = 1.0) -> None:
        while not stop.wait(interval):
            try:
                self.check_once()
            except Exception:  # the watcher must keep watching
                log.exception("fout in de bewaking")

    # ---- status and stop --------------------------------------------------------------------------

    def status(self) -> list[tuple[str, Optional[int], Result, Result]]:
        rows = []
        if self.postgres is not None or not self.settings.own_postgres:
            probe = Probe("postgres", self.settings.database())
            result = check(probe)
            rows.append(("postgres", None, result, result))
        for process in self.processes:
            rows.append((process.name, process.pid, process.live(), process.ready()))
        return rows

    def stop(self) -> None:
        with self._lock:
            for process in reversed(self.processes):
                process.stop()
            if self.postgres is not None:
                log.info("stop PostgreSQL")
                self.postgres.stop("fast")


def state_file(settings: ProductionSettings) -> Path:
    return settings.conf_dir / "status.json"
