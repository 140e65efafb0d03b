"""python -m bot.web [--port 8080] [--host 127.0.0.1]: demo pages and the widget (see bot.web.app)."""
from __future__ import annotations

import argparse
import logging

from aiohttp import web

from bot import error_reporting, settings as env_settings
from bot.limits.aiohttp_apps import run_app
from bot.web.app import create_app
from bot.web.settings import WebSettings


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="Wegwijzer: demopagina's en widget")
    parser.add_argument("--port", type=int, default=None, help="poort (standaard WEGWIJZER_WEB_PORT of 8080)")
    parser.add_argument("--host", default=None, help="adres (standaard WEGWIJZER_WEB_HOST of 127.0.0.1)")
    args = parser.parse_args(argv)
    env_settings.start("web")
    settings = WebSettings.from_env(port=args.port)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    error_reporting.setup("webapp")
    if not (settings.dist_dir / "wegwijzer.js").is_file():
        logging.warning("widget niet gebouwd in %s: draai scripts/build_widget", settings.dist_dir)
    if settings.policy.secret is None:
        logging.warning("WEGWIJZER_WIDGET_SECRET is niet gezet: alleen de herkomstlijst beschermt de socket")
    run_app(create_app(settings), args.host or settings.host, settings.port,
            started=lambda: logging.info("Wegwijzer web op %s:%s", args.host or settings.host, settings.port))


if __name__ == "__main__":
    main()
