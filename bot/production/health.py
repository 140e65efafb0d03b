"""Running the checks of bot.production.commands (HTTP, PostgreSQL, Redis) and reporting them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import requests

from bot.production.commands import Probe


@dataclass(frozen=True)
class Result:
    ok: bool
    detail: str


def check_http(url: str, timeout: float = 3.0) -> Result:
    try:
        response = requests.get(url, timeout=timeout)
    except requests.RequestException as exc:
        return Result(False, f"geen antwoord ({exc.__class__.__name__})")
    if response.status_code == 200:
        return Result(True, "200")
    return Result(False, f"status {response.status_code}: {response.text[:120].strip()}")


def check_postgres(url: str, timeout: float = 3.0) -> Result:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": max(1, int(timeout))})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return Result(True, "SELECT 1")
    except Exception as exc:
        return Result(False, f"niet bereikbaar ({exc.__class__.__name__})")
    finally:
        engine.dispose()


def check_redis(url: str, timeout: float = 3.0) -> Result:
    from bot.production.redis_server import ping

    return Result(True, "PONG") if ping(url, timeout) else Result(False, "geen PONG")


def check(probe: Optional[Probe], timeout: float = 3.0) -> Result:
    if probe is None:
        return Result(True, "geen controle")
    if probe.kind == "http":
        return check_http(probe.target, timeout)
    if probe.kind == "postgres":
        return check_postgres(probe.target, timeout)
    if probe.kind == "redis":
        return check_redis(probe.target, timeout)
    return Result(False, f"onbekende controle {probe.kind}")


def describe(probe: Optional[Probe]) -> str:
    """A probe target without secrets (passwords in URLs are masked)."""
    if probe is None:
        return "-"
    from sqlalchemy.engine import make_url

    if probe.kind == "postgres":
        return f"postgres {make_url(probe.target).render_as_string(hide_password=True)}"
    if probe.kind == "redis" and "@" in probe.target:
        scheme, rest = probe.target.split("://", 1)
        return f"redis {scheme}://***@{rest.rsplit('@', 1)[1]}"
    return f"{probe.kind} {probe.target}"
