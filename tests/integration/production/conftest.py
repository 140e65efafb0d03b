"""The production profile started once per test session (bot.production.stack): own PostgreSQL and
Redis, action server, outbox worker (dry run), two Rasa replicas, web app, console and nginx, all real
processes on free ports in a temporary folder. Starting it costs about a minute of CPU.

Without a trained model, PostgreSQL, redis-server or nginx the tests are skipped, unless
WEGWIJZER_REQUIRE_MODEL=1 / WEGWIJZER_REQUIRE_SERVICES=1 (CI): then they fail.
"""
from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import pytest

from bot.production.postgres_server import PostgresUnavailable, local_server
from bot.production.redis_server import RedisUnavailable, find_redis_server
from bot.production.settings import REPO
from tests.support.model import require_model
from tests.support.postgres import unavailable

MODEL = REPO / "models" / "wegwijzer.tar.gz"
# What the profile refuses to start without (bot/production/security.py): made up for the tests.
SAFE_ENV = {
    "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
    "WEGWIJZER_WIDGET_SECRET": secrets.token_hex(32),
    "WEGWIJZER_SESSION_SECRET": secrets.token_hex(32),
    "WEGWIJZER_WIDGET_ORIGINS": "https://www.gemeente-voorbeeld.nl",
}


def require_services(tmp: Path) -> None:
    try:
        local_server(tmp / "probe")
    except PostgresUnavailable as exc:
        unavailable("PostgreSQL", str(exc))
    try:
        find_redis_server()
    except RedisUnavailable as exc:
        unavailable("Redis", str(exc))
    nginx = os.environ.get("WEGWIJZER_NGINX_BIN") or "/usr/sbin/nginx"
    if not (Path(nginx).is_file() or shutil.which("nginx")):
        unavailable("nginx", "nginx niet gevonden (Debian-pakket nginx-light)")


@pytest.fixture(scope="session")
def productie(tmp_path_factory):
    require_model(MODEL)
    work = tmp_path_factory.mktemp("productie")
    require_services(work)
    from bot.production.stack import production_stack

    with production_stack(MODEL, work / "profiel", extra_env={"WEGWIJZER_OUTBOX_DROOG": "1", **SAFE_ENV}) as stack:
        yield stack
