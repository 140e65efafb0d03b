"""Every process of the production profile: its command line, environment and health/readiness checks,
in one place. Add an environment variable for one process here (``env`` of its spec) and the
supervisor, ``python -m bot.production`` and the tests all use it.

Start order follows ``stage``: Redis first, then action server and outbox worker, then the Rasa
replicas, then web app, console and nginx. PostgreSQL is started before any of them (pg_ctl, see
bot.production.postgres_server) and the migrations run before stage 1.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from bot import settings as env_settings
from bot.limits import server as server_limits
from bot.channels.widget_policy import configured_origins
from bot.production.endpoints import REDIS_PASSWORD_VAR, TRACKER_URL_VAR, redis_parts
from bot.production.settings import REPO, ProductionSettings

PYTHON = sys.executable
RASA = [PYTHON, "-m", "bot.rasa_runtime"]  # Rasa's command line with the Wegwijzer patches
NGINX = str(env_settings.read("WEGWIJZER_NGINX_BIN") or shutil.which("nginx") or "/usr/sbin/nginx")


@dataclass(frozen=True)
class Probe:
    """A check: ``http`` (GET url, 200 is good), ``postgres`` (connect + SELECT 1) or ``redis`` (PING)."""
    kind: str
    target: str


@dataclass(frozen=True)
class ProcessSpec:
    name: str
    argv: list[str]
    stage: int
    live: Optional[Probe] = None       # is the process working at all
    ready: Optional[Probe] = None      # can it serve users now (its own dependencies reachable)
    env: dict = field(default_factory=dict)
    cwd: Path = REPO


def _http(port: int, path: str) -> Probe:
    return Probe("http", f"http://127.0.0.1:{port}{path}")


def base_env(settings: ProductionSettings, extra: Optional[dict] = None) -> dict:
    """Environment every process gets (on top of the supervisor's own)."""
    env = dict(settings.env or os.environ)
    pythonpath = env.get("PYTHONPATH")
    env.update({
        "PYTHONPATH": str(REPO) + (os.pathsep + pythonpath if pythonpath else ""),
        "PYTHONUNBUFFERED": "1",
        "TF_CPP_MIN_LOG_LEVEL": env.get("TF_CPP_MIN_LOG_LEVEL", "2"),
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "WEGWIJZER_DATABASE_URL": settings.database(),
        "WEGWIJZER_TRACKER_URL": settings.tracker(),
        # one metrics folder for every process of this machine (bot/metrics; emptied at every start)
        "PROMETHEUS_MULTIPROC_DIR": str(settings.metrics_dir),
    })
    env.update(extra or {})
    return env


def metrics_probes(settings: ProductionSettings) -> str:
    """The health URLs the metrics exporter turns into ``wegwijzer_process_up`` (bot/metrics/probes.py)."""
    probes = [f"rasa-{n}=http://127.0.0.1:{port}/" for n, port in enumerate(settings.rasa_ports, start=1)]
    probes += [f"actieserver=http://127.0.0.1:{settings.actions_port}/health",
               f"outbox-worker=http://127.0.0.1:{settings.worker_health_port}/gezond",
               f"webapp=http://127.0.0.1:{settings.web_port}/gezond",
               f"console=http://127.0.0.1:{settings.console_port}/gezond"]
    return ",".join(probes)


def metrics_probe_host(env: dict) -> str:
    """Where the supervisor checks the metrics exporter: its own address, or 127.0.0.1 when it listens on
    all addresses (WEGWIJZER_METRICS_HOST, default 127.0.0.1)."""
    host = env_settings.read("WEGWIJZER_METRICS_HOST", env)
    if host in ("0.0.0.0", "::", "[::]"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def process_specs(settings: ProductionSettings, endpoints_file: Path, nginx_file: Optional[Path],
                  redis_file: Optional[Path], env: Optional[dict] = None) -> list[ProcessSpec]:
    """``env``: the environment the processes get (for the widget origins, Rasa's CORS list)."""
    env = env if env is not None else base_env(settings)
    specs: list[ProcessSpec] = []
    if redis_file is not None:
        from bot.production.redis_server import command as redis_command

        specs.append(ProcessSpec("redis", redis_command(redis_file), stage=0,
                                 live=Probe("redis", settings.redis()), ready=Probe("redis", settings.redis())))
    specs.append(ProcessSpec(
        "actieserver", [PYTHON, "-m", "bot.action_server", "--actions", "actions", "--host", "127.0.0.1",
                        "--port", str(settings.actions_port)],
        stage=1, live=_http(settings.actions_port, "/health"), ready=_http(settings.actions_port, "/health"),
        env=server_limits.actions_env()))
    specs.append(ProcessSpec(
        "outbox-worker", [PYTHON, "-m", "bot.hulpvraag.worker"], stage=1,
        live=_http(settings.worker_health_port, "/gezond"), ready=_http(settings.worker_health_port, "/klaar"),
        env={"WEGWIJZER_WORKER_HEALTH_PORT": str(settings.worker_health_port),
             "WEGWIJZER_WORKER_HEALTH_HOST": "127.0.0.1"}))
    rasa_env = {
        **server_limits.rasa_env(),
        TRACKER_URL_VAR: settings.tracker(),
        "POSTGRESQL_POOL_SIZE": str(settings.rasa_pool),
        "POSTGRESQL_MAX_OVERFLOW": str(settings.rasa_pool * 2),
        # Several replicas share the cores: one TensorFlow thread each instead of a thread pool per
        # core in every replica (the model is small; more threads than cores only oversubscribe).
        "TF_INTRA_OP_PARALLELISM_THREADS": os.environ.get("TF_INTRA_OP_PARALLELISM_THREADS", "1"),
        "TF_INTER_OP_PARALLELISM_THREADS": os.environ.get("TF_INTER_OP_PARALLELISM_THREADS", "1"),
    }
    password = redis_parts(settings.redis())["password"]
    if password:
        rasa_env[REDIS_PASSWORD_VAR] = password
    for number, port in enumerate(settings.rasa_ports, start=1):
        specs.append(ProcessSpec(
            f"rasa-{number}",
            [*RASA, "run", "--model", str(settings.model), "--endpoints", str(endpoints_file),
             "--credentials", str(REPO / "bot" / "rasa" / "credentials.yml"),
             "--interface", "127.0.0.1", "--port", str(port), "--cors", *configured_origins(env)],
            stage=2, live=_http(port, "/"), ready=_http(port, "/"), env=dict(rasa_env)))
    specs.append(ProcessSpec(
        "webapp", [PYTHON, "-m", "bot.web", "--host", "127.0.0.1", "--port", str(settings.web_port)], stage=3,
        live=_http(settings.web_port, "/gezond"), ready=_http(settings.web_port, "/klaar"),
        env={"WEGWIJZER_RASA_PUBLIC_URL": settings.public_base}))
    specs.append(ProcessSpec(
        "console", [PYTHON, "-m", "bot.console", "--host", settings.console_host,
                    "--port", str(settings.console_port)], stage=3,
        live=_http(settings.console_port, "/gezond"), ready=_http(settings.console_port, "/klaar"),
        # live takeover (bot.live.relay): the first replica stores, every replica emits to its sockets
        env={"WEGWIJZER_CONSOLE_RASA_URLS": ",".join(f"http://127.0.0.1:{p}" for p in settings.rasa_ports)}))
    metrics_health = Probe("http", f"http://{metrics_probe_host(env)}:{settings.metrics_port}/gezond")
    specs.append(ProcessSpec(
        "metrieken", [PYTHON, "-m", "bot.metrics", "--port", str(settings.metrics_port)], stage=3,
        live=metrics_health, ready=metrics_health, env={"WEGWIJZER_METRICS_PROBES": metrics_probes(settings)}))
    if nginx_file is not None:
        prefix = nginx_file.parent
        specs.append(ProcessSpec(
            "nginx", [NGINX, "-c", str(nginx_file), "-p", str(prefix), "-e", str(prefix / "error.log")], stage=4,
            live=_http(settings.proxy_port, "/nginx/gezond"), ready=_http(settings.proxy_port, "/nginx/gezond")))
    return specs
