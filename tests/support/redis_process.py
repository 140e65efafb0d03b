"""A real redis-server for the lock-store tests, started from Debian's package."""
from __future__ import annotations

import os
import subprocess
import time

import pytest

from bot.production import redis_server


def redis_or_skip():
    try:
        return redis_server.find_redis_server()
    except redis_server.RedisUnavailable as exc:
        if os.environ.get("WEGWIJZER_REQUIRE_SERVICES") == "1":
            pytest.fail(str(exc))
        pytest.skip(str(exc))


def start(config):
    """Starts redis-server on ``config`` and waits until it answers."""
    process = subprocess.Popen(redis_server.command(config), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port_of(config)}/1"
    deadline = time.monotonic() + 20
    while not redis_server.ping(url):
        assert time.monotonic() < deadline, "redis-server kwam niet op"
        time.sleep(0.1)
    return process


def port_of(config) -> int:
    return int(config.read_text().split("port ")[1].split()[0])


def stop(process) -> None:
    process.kill()
    process.wait()
