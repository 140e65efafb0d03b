"""python -m bot.production [start|status|migreer|config]

  start    (default) start the production profile and watch it until Ctrl-C / SIGTERM
  status   health and readiness of every process (exit code 0 when all are ready)
  migreer  only run the database migrations (alembic upgrade head on WEGWIJZER_DATABASE_URL)
  config   write the generated nginx, Redis and Rasa endpoint files and print where they are

Settings come from the environment: bot/production/settings.py, docs/productie.md, docs/settings.md.
"""
from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading

from bot import settings as env_settings
from bot.production.settings import ProductionSettings

SUPERVISED = ("production", "rasa", "actions", "worker", "console", "web", "metrics")


def _start(settings: ProductionSettings) -> int:
    from bot.production.supervisor import Supervisor

    supervisor = Supervisor(settings)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        supervisor.start()
    except KeyboardInterrupt:
        supervisor.stop()
        return 130
    except Exception as exc:
        logging.getLogger("bot.production").error("starten mislukt: %s", exc)
        return 1
    print(f"Wegwijzer (productieprofiel) draait: http://localhost:{settings.proxy_port}/ "
          f"({settings.replicas} Rasa-servers achter nginx). Stoppen: Ctrl-C. "
          f"Status: python -m bot.production status", flush=True)
    try:
        supervisor.watch(stop)
    finally:
        supervisor.stop()
    return 0


def status_rows(settings: ProductionSettings) -> list[tuple[str, str, bool, str, bool, str]]:
    """(name, pid, live, live detail, ready, ready detail) for every process of the profile."""
    from bot.production.commands import Probe, process_specs
    from bot.production.health import check, describe
    from bot.production.supervisor import state_file

    try:
        pids = json.loads(state_file(settings).read_text()).get("processen", {})
    except (OSError, ValueError):
        pids = {}
    conf = settings.conf_dir
    specs = process_specs(settings, conf / "endpoints.yml", conf / "nginx" / "nginx.conf",
                          settings.redis_dir / "redis.conf" if settings.own_redis else None)
    rows = []
    pg = Probe("postgres", settings.database())
    result = check(pg)
    rows.append(("postgres", "-", result.ok, describe(pg), result.ok, result.detail))
    for spec in specs:
        live, ready = check(spec.live), check(spec.ready)
        rows.append((spec.name, str(pids.get(spec.name, "-")), live.ok, f"{describe(spec.live)}: {live.detail}",
                     ready.ok, f"{describe(spec.ready)}: {ready.detail}"))
    return rows


def _status(settings: ProductionSettings) -> int:
    rows = status_rows(settings)
    print(f"{'proces':<14} {'pid':>7}  {'leeft':<6} {'klaar':<6} controle")
    for name, pid, live, live_detail, ready, ready_detail in rows:
        print(f"{name:<14} {pid:>7}  {'ja' if live else 'NEE':<6} {'ja' if ready else 'NEE':<6} {ready_detail}")
    return 0 if all(r[4] for r in rows) else 1


def _migrate(settings: ProductionSettings) -> int:
    from bot.production import migrate

    print(f"database op revisie {migrate.upgrade(settings.database())}")
    return 0


def _config(settings: ProductionSettings) -> int:
    from bot.production.supervisor import Supervisor

    Supervisor(settings)._specs()
    print(f"geschreven in {settings.conf_dir} (nginx/nginx.conf, endpoints.yml)"
          + (f" en {settings.redis_dir / 'redis.conf'}" if settings.own_redis else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.production",
                                     description="Wegwijzer productieprofiel (PostgreSQL, Redis, nginx, "
                                                 "meerdere Rasa-servers)")
    parser.add_argument("opdracht", nargs="?", default="start", choices=["start", "status", "migreer", "config"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        env_settings.check(SUPERVISED)  # every process it starts: a bad value stops it here, not in a restart loop
        settings = ProductionSettings.from_env()
    except ValueError as exc:
        print(f"het productieprofiel start niet, een instelling klopt niet: {exc}", file=sys.stderr)
        return 2
    return {"start": _start, "status": _status, "migreer": _migrate, "config": _config}[args.opdracht](settings)


if __name__ == "__main__":
    sys.exit(main())
