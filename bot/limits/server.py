"""Request size limits and timeouts of every Wegwijzer entry point, in one place.

Entry points and how the limits reach them:

- Rasa server (Sanic 21.12, port 5005: REST, socket.io, phone): ``rasa_env()`` gives ``SANIC_*``
  environment variables, which Sanic reads when Rasa creates its app. Rasa then overwrites
  ``KEEP_ALIVE_TIMEOUT`` (always, with 120 s) and ``RESPONSE_TIMEOUT`` (with ``--enable-api``), so our
  channels also call ``apply_to_sanic(app.config)`` just before the server starts
  (``bot.channels.rest_channel``); Sanic reads these values for every new connection.
- Action server (rasa-sdk's Sanic, port 5055, only called by the Rasa server): ``actions_env()``.
  Its bodies are large (Rasa sends the whole conversation and the domain), so its size limit is high.
- Web app (``bot.web``) and staff console (``bot.console``), aiohttp: ``bot.limits.aiohttp_apps`` turns
  these numbers into ``client_max_size``, header limits, keep-alive and a handler deadline.
- Inside a turn: an action-server call may take ``ACTION_TIMEOUT`` s (Rasa's own default is 300 s),
  a whole turn ``TURN_TIMEOUT`` s; both end in a friendly Dutch message (``bot.rasa_runtime.action_guard``,
  the channels), and both stay below ``RESPONSE_TIMEOUT`` so Sanic never answers 503 first.

Every value can be overridden with an environment variable of the same name prefixed with
``WEGWIJZER_LIMIT_`` (e.g. ``WEGWIJZER_LIMIT_REST_MAX_MESSAGE_CHARS=2000``). Documented in
docs/robuustheid.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Mapping, MutableMapping

from bot import settings

ENV_PREFIX = "WEGWIJZER_LIMIT_"


@dataclass(frozen=True)
class Limits:
    # Rasa server (all channels)
    rasa_max_body_bytes: int = 64 * 1024          # REST and socket.io polling posts are < 4 kB
    rasa_max_header_bytes: int = 8 * 1024
    rasa_websocket_max_bytes: int = 64 * 1024
    request_timeout: int = 10                     # seconds to receive a whole request
    response_timeout: int = 40                    # seconds for a handler before Sanic gives up
    keep_alive_timeout: int = 15                  # idle seconds before a kept-alive connection closes
    # One turn of the assistant
    action_timeout: int = 15                      # one call to the action server
    turn_timeout: int = 30                        # one message, all actions included
    # REST channel body
    rest_max_body_bytes: int = 16 * 1024
    rest_max_message_chars: int = 1000
    rest_max_sender_chars: int = 128
    rest_max_metadata_bytes: int = 2048
    rest_max_metadata_depth: int = 4
    # Action server (internal)
    actions_max_body_bytes: int = 32 * 1024 * 1024
    actions_request_timeout: int = 30
    actions_response_timeout: int = 60
    # Web app and staff console (aiohttp)
    web_max_body_bytes: int = 16 * 1024
    console_max_body_bytes: int = 64 * 1024
    http_max_line_bytes: int = 8190
    http_max_field_bytes: int = 8190
    http_keepalive_timeout: int = 15
    http_handler_timeout: int = 30
    http_header_timeout: int = 10                 # seconds from a new connection to a complete request head
    http_lingering_timeout: int = 2               # seconds to drain an unread body after an answer

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Limits":
        """Defaults, overridden by ``WEGWIJZER_LIMIT_<NAME>`` (positive integers only: a bad one raises
        bot.settings.SettingsError, a ValueError, naming the variable)."""
        changes = {}
        for field in fields(cls):
            value = settings.read(ENV_PREFIX + field.name.upper(), env)
            if value is not None:
                changes[field.name] = value
        limits = replace(cls(), **changes)
        limits.check()
        return limits

    def check(self) -> None:
        if not self.action_timeout < self.turn_timeout < self.response_timeout:
            raise ValueError("grenzen: action_timeout < turn_timeout < response_timeout is vereist")
        if self.rest_max_body_bytes > self.rasa_max_body_bytes:
            raise ValueError("grenzen: rest_max_body_bytes mag niet groter zijn dan rasa_max_body_bytes")


_LIMIT_VARIABLES = tuple(ENV_PREFIX + f.name.upper() for f in fields(Limits))
_last: tuple = ((), None)  # (the variables' values, the Limits read from them)


def current() -> Limits:
    """``Limits.from_env()`` of the process environment, read again only when one of its variables
    changed. The REST channel and the action guard ask two or three times per turn; reading and checking
    every variable each time cost 0.5 ms per turn (bench/RESULTS.md, session 13). ``Limits`` is frozen,
    so the one kept instance cannot be changed by a caller; a bad value raises on every call, as before."""
    global _last
    values = tuple(os.environ.get(name) for name in _LIMIT_VARIABLES)
    known, limits = _last
    if limits is not None and known == values:
        return limits
    limits = Limits.from_env()
    _last = (values, limits)
    return limits


def _sanic(max_body: int, request_timeout: int, response_timeout: int, keep_alive: int,
           header_bytes: int, websocket_bytes: int) -> dict[str, str]:
    return {
        "SANIC_REQUEST_MAX_SIZE": str(max_body),
        "SANIC_REQUEST_MAX_HEADER_SIZE": str(header_bytes),
        "SANIC_REQUEST_TIMEOUT": str(request_timeout),
        "SANIC_RESPONSE_TIMEOUT": str(response_timeout),
        "SANIC_KEEP_ALIVE_TIMEOUT": str(keep_alive),
        "SANIC_WEBSOCKET_MAX_SIZE": str(websocket_bytes),
    }


def rasa_env(limits: Limits | None = None) -> dict[str, str]:
    """Environment for the Rasa server process (``rasa run``)."""
    lim = limits or current()
    return _sanic(lim.rasa_max_body_bytes, lim.request_timeout, lim.response_timeout,
                  lim.keep_alive_timeout, lim.rasa_max_header_bytes, lim.rasa_websocket_max_bytes)


def actions_env(limits: Limits | None = None) -> dict[str, str]:
    """Environment for the action server process (``python -m rasa_sdk``)."""
    lim = limits or current()
    return _sanic(lim.actions_max_body_bytes, lim.actions_request_timeout, lim.actions_response_timeout,
                  lim.keep_alive_timeout, lim.rasa_max_header_bytes, lim.rasa_websocket_max_bytes)


def apply_to_sanic(config: MutableMapping, limits: Limits | None = None) -> None:
    """Sets the Rasa server's limits on a Sanic config (also those Rasa itself overwrites)."""
    lim = limits or current()
    config.update({
        "REQUEST_MAX_SIZE": lim.rasa_max_body_bytes,
        "REQUEST_TIMEOUT": lim.request_timeout,
        "RESPONSE_TIMEOUT": lim.response_timeout,
        "KEEP_ALIVE_TIMEOUT": lim.keep_alive_timeout,
        "WEBSOCKET_MAX_SIZE": lim.rasa_websocket_max_bytes,
    })


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.limits.server rasa|actions``: ``KEY=VALUE`` lines for ``env $(...)`` in shell scripts."""
    import sys
    args = sys.argv[1:] if argv is None else argv
    builders = {"rasa": rasa_env, "actions": actions_env}
    if len(args) != 1 or args[0] not in builders:
        print("gebruik: python -m bot.limits.server rasa|actions", file=sys.stderr)
        return 2
    for key, value in builders[args[0]]().items():
        print(f"{key}={value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
