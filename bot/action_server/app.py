"""python -m bot.action_server [--port 5055] [--host 127.0.0.1]: rasa-sdk's action server, but only for
the Rasa server.

A thin adapter over ``bot.tokens.action_token``: rasa-sdk's own app (``rasa_sdk.endpoint.create_app`` with
the ``actions`` package, no CORS) plus one request middleware that answers 401 to every request
without the shared secret, before any action runs. It refuses to start without
``WEGWIJZER_ACTIONS_TOKEN``. It listens on ``WEGWIJZER_ACTIONS_HOST`` (default 127.0.0.1): only the
Rasa server on the same machine calls it.

The action server imports no ``rasa`` and no TensorFlow (tests/unit/test_process_imports.py). Its
region lookup uses spaCy's Dutch tokenizer and PhraseMatcher (bot/regio/place_index.py), and
spaCy's thinc imports TensorFlow (and with it jax and SciPy) only to offer it as an optional backend
that this process never uses: 0.55 GB of memory instead of 0.19 GB (bench/RESULTS.md). ``main()``
therefore marks those backends as absent before anything is imported (:func:`without_ml_backends`).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Mapping

from sanic import Sanic, response
from sanic.request import Request

from bot import error_reporting, settings as env_settings
from bot.tokens import action_token

logger = logging.getLogger(__name__)
REFUSAL = {"error": "niet toegestaan"}
# optional backends of spaCy's thinc that no action uses; marked absent in this process only
ML_BACKENDS = ("tensorflow", "jax", "torch")


def without_ml_backends(modules=sys.modules) -> list[str]:
    """Marks the ML backends absent (``import tensorflow`` then raises ImportError, which thinc
    takes as "not installed"); one already imported stays. Returns the names marked."""
    marked = [name for name in ML_BACKENDS if name not in modules]
    for name in marked:
        modules[name] = None
    return marked


def create_app(token: str, actions_package: str = "actions") -> Sanic:
    from rasa_sdk.endpoint import create_app as create_sdk_app

    app = create_sdk_app(actions_package, cors_origins=None)

    @app.middleware("request")
    async def require_token(request: Request):
        if not action_token.authorised(request.path, request.headers.get(action_token.HEADER), token):
            logger.warning("action server: %s %s without a valid %s refused",
                           request.method, request.path, action_token.HEADER)
            return response.json(REFUSAL, status=401)
        return None

    return app


def main(argv=None, env: Mapping[str, str] = os.environ) -> int:
    without_ml_backends()
    built = build(argv, env)
    if isinstance(built, int):
        return built
    app, host, port = built
    from rasa_sdk import utils

    logger.info("action server on http://%s:%s (shared secret required)", host, port)
    app.run(host, port, workers=utils.number_of_sanic_workers())
    return 0


def build(argv=None, env: Mapping[str, str] = os.environ):
    """Everything ``main`` does before serving: the app with every action loaded, host and port
    (or an exit code)."""
    from rasa_sdk import utils
    from rasa_sdk.constants import DEFAULT_SERVER_PORT
    from rasa_sdk.plugin import plugin_manager

    parser = argparse.ArgumentParser(prog="python -m bot.action_server",
                                     description="Wegwijzer: actieserver (alleen voor de Rasa-server)")
    parser.add_argument("--port", type=int, default=DEFAULT_SERVER_PORT)
    parser.add_argument("--host", default=None, help="adres (standaard WEGWIJZER_ACTIONS_HOST of 127.0.0.1)")
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    utils.configure_colored_logging(os.environ.get("LOG_LEVEL", "INFO"))
    utils.update_sanic_log_level()
    try:
        env_settings.check("actions", env)
        token = action_token.token_from_env(env)
    except ValueError as error:
        print(f"actieserver start niet: {error}", file=sys.stderr)
        return 2
    error_reporting.setup("actieserver")
    app = create_app(token, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    host = args.host or env_settings.read("WEGWIJZER_ACTIONS_HOST", env)
    return app, host, args.port


if __name__ == "__main__":
    sys.exit(main())
