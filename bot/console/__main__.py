"""python -m bot.console [--port 8090] [--host 127.0.0.1]: the staff console (see bot.console.app)."""
from __future__ import annotations

import argparse
import logging

from bot import error_reporting, settings as env_settings
from bot.limits.aiohttp_apps import run_app
from bot.console.app import create_app
from bot.console.settings import ConsoleSettings


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.console", description="Wegwijzer: medewerkersconsole")
    parser.add_argument("--port", type=int, default=None, help="poort (standaard WEGWIJZER_CONSOLE_PORT of 8090)")
    parser.add_argument("--host", default=None, help="adres (standaard WEGWIJZER_CONSOLE_HOST of 127.0.0.1)")
    args = parser.parse_args(argv)
    env_settings.start("console")
    settings = ConsoleSettings.from_env(port=args.port)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    error_reporting.setup("console")
    if not settings.https:
        logging.warning("WEGWIJZER_CONSOLE_HTTPS is niet gezet: cookies zonder Secure (alleen voor lokaal gebruik)")
    run_app(create_app(settings), args.host or settings.host, settings.port,
            started=lambda: logging.info("Wegwijzer-console op %s:%s", args.host or settings.host, settings.port))


if __name__ == "__main__":
    main()
