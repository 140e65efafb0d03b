"""python -m bot.metrics [--host 127.0.0.1] [--port 9470]: the metrics endpoint (bot.metrics.exporter).

Refuses to start (exit 2, with the reason) without PROMETHEUS_MULTIPROC_DIR, and on any address other
than loopback without WEGWIJZER_METRICS_TOKEN.
"""
from __future__ import annotations

import argparse
import logging
import sys

from bot import error_reporting, settings as env_settings
from bot.limits.aiohttp_apps import run_app
from bot.metrics.settings import MetricsSettings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.metrics", description="Wegwijzer: Prometheus-metrieken")
    parser.add_argument("--host", default=None, help="adres (standaard WEGWIJZER_METRICS_HOST of 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="poort (standaard WEGWIJZER_METRICS_PORT of 9470)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        env_settings.check("metrics")
        settings = MetricsSettings.from_env(host=args.host, port=args.port)
    except ValueError as error:
        print(f"metrieken starten niet: {error}", file=sys.stderr)
        return 2
    error_reporting.setup("metrieken")
    from bot.metrics.exporter import create_app

    run_app(create_app(settings), settings.host, settings.port,
            started=lambda: logging.info("metrieken op http://%s:%s/metrics", settings.host, settings.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
