"""Rules of the web widget's socket.io channel as plain functions (no Rasa, no sockets).

``bot.channels.socketio_channel`` is the thin Rasa adapter that calls these; ``bot.web`` uses the same
policy to decide which pages get a token. Configuration comes from the environment:

- ``WEGWIJZER_WIDGET_ORIGINS``: comma-separated origins (``https://www.gemeente.nl``) that may embed
  the widget; default ``http://localhost:8080,http://127.0.0.1:8080`` (the demo pages).
- ``WEGWIJZER_WIDGET_SECRET``: shared secret for signed tokens. When set, the socket accepts only
  connections with a valid token; without it only the origin allow-list protects the socket (the
  production profile refuses to start without it; ``./scripts/start`` generates one). A connection
  without an allowed ``Origin`` header is always refused.
- ``WEGWIJZER_WIDGET_MAX_CHARS`` (default 500), ``WEGWIJZER_WIDGET_RATE`` (``10/60``: at most 10
  messages per 60 seconds per conversation and per connection), ``WEGWIJZER_WIDGET_TOKEN_TTL``
  (seconds, default 600).
"""
from __future__ import annotations

import json
import os
import re
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional
from urllib.parse import urlsplit

import yaml

from bot import settings
from bot.channels.widget_token import token_valid_for

DEFAULT_ORIGINS = "http://localhost:8080,http://127.0.0.1:8080"
GM_CODE = re.compile(r"^GM\d{4}$")
AUDIENCES = ("ouder", "jongere")
MESSAGES_FILE = Path(__file__).with_name("widget_messages.yml")

# Reasons a message is not passed to the assistant (keys of widget_messages.yml).
EMPTY, TOO_LONG, TOO_FAST = "leeg", "te_lang", "te_snel"
# Reasons a connection is refused (sent to the widget as the connect_error message).
REFUSED_ORIGIN, REFUSED_TOKEN = "herkomst_niet_toegestaan", "toegang_verlopen"


def configured_origins(env: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The allow-list from ``WEGWIJZER_WIDGET_ORIGINS`` (or the demo default; set but empty: nobody, so it is
    read here and not through bot.settings, where empty means the default). It is also the Rasa
    server's CORS list (``rasa run --cors``): never ``*``."""
    return parse_origins(env.get("WEGWIJZER_WIDGET_ORIGINS", DEFAULT_ORIGINS))


def normalize_origin(value: object) -> Optional[str]:
    """``scheme://host[:port]`` in lower case, or None when the value is not an http(s) origin."""
    if not isinstance(value, str) or not value or len(value) > 300:
        return None
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        return None
    default_port = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    suffix = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{host}{suffix}"


def parse_origins(text: str) -> tuple[str, ...]:
    """The allow-list from a comma-separated setting; a malformed entry is a configuration error."""
    origins = []
    for item in (text or "").split(","):
        if not item.strip():
            continue
        origin = normalize_origin(item)
        if origin is None:
            raise ValueError(f"WEGWIJZER_WIDGET_ORIGINS: geen geldige herkomst: {item.strip()!r}")
        origins.append(origin)
    return tuple(dict.fromkeys(origins))


def parse_rate(text: str) -> tuple[int, float]:
    """``"10/60"`` -> (10, 60.0)."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*", text or "")
    if not match or int(match.group(1)) < 1 or float(match.group(2)) <= 0:
        raise ValueError(f"WEGWIJZER_WIDGET_RATE: verwacht bijvoorbeeld 10/60, niet {text!r}")
    return int(match.group(1)), float(match.group(2))


@dataclass(frozen=True)
class WidgetPolicy:
    allowed_origins: tuple[str, ...]
    secret: Optional[bytes] = None
    max_chars: int = 500
    rate_count: int = 10
    rate_window: float = 60.0
    token_ttl: int = 600

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "WidgetPolicy":
        """Raises ValueError (bot.settings.SettingsError for a bad number) naming the variable."""
        count, window = parse_rate(settings.read("WEGWIJZER_WIDGET_RATE", env))
        secret = settings.read("WEGWIJZER_WIDGET_SECRET", env)
        return cls(
            allowed_origins=configured_origins(env),
            secret=secret.encode("utf-8") if secret else None,
            max_chars=settings.read("WEGWIJZER_WIDGET_MAX_CHARS", env),
            rate_count=count,
            rate_window=window,
            token_ttl=settings.read("WEGWIJZER_WIDGET_TOKEN_TTL", env),
        )

    def origin_allowed(self, origin: object) -> bool:
        normalized = normalize_origin(origin)
        return normalized is not None and normalized in self.allowed_origins


def connection_refusal(policy: WidgetPolicy, origin: Optional[str], auth: object, now: float) -> Optional[str]:
    """Why a socket connection is refused, or None when it may connect.

    A browser always sends ``Origin``; it must be on the allow-list. A client without an ``Origin``
    (not a browser on an allowed site) is refused too. With a secret configured, a valid token issued
    to that origin is required as well (``auth = {"token": ...}``)."""
    if not policy.origin_allowed(origin):
        return REFUSED_ORIGIN
    if policy.secret is None:
        return None
    token = auth.get("token") if isinstance(auth, dict) else None
    if not token_valid_for(policy.secret, token, normalize_origin(origin), now):
        return REFUSED_TOKEN
    return None


def clean_metadata(raw: object) -> dict:
    """Only what the page may tell the assistant: the audience and the municipality (CBS code)."""
    if isinstance(raw, str) and len(raw) <= 2000:
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dict):
        return {}
    metadata = {}
    if raw.get("doelgroep") in AUDIENCES:
        metadata["doelgroep"] = raw["doelgroep"]
    gemeente = raw.get("gemeente")
    if isinstance(gemeente, str) and GM_CODE.match(gemeente.strip().upper()):
        metadata["gemeente"] = gemeente.strip().upper()
    return metadata


def message_problem(message: object, max_chars: int) -> Optional[str]:
    """Why a user message is not passed on (EMPTY, TOO_LONG), or None when it is fine."""
    if not isinstance(message, str) or not message.strip():
        return EMPTY
    if len(message) > max_chars:
        return TOO_LONG
    return None


class RateLimiter:
    """Sliding-window limit: at most ``count`` events per ``window`` seconds per key.

    Keeps at most ``max_keys`` keys (least recently used are dropped), so a flood of new session ids
    cannot grow memory without bound."""

    def __init__(self, count: int, window: float, max_keys: int = 20000):
        self.count, self.window, self.max_keys = count, window, max_keys
        self._events: "OrderedDict[str, deque]" = OrderedDict()

    def allow(self, key: str, now: float) -> bool:
        events = self._events.pop(key, None) or deque()
        while events and events[0] <= now - self.window:
            events.popleft()
        allowed = len(events) < self.count
        if allowed:
            events.append(now)
        self._events[key] = events
        while len(self._events) > self.max_keys:
            self._events.popitem(last=False)
        return allowed

    def retry_after(self, key: str, now: float) -> int:
        """Whole seconds until ``key`` may send again (0 when it may now)."""
        events = self._events.get(key)
        if not events or len(events) < self.count:
            return 0
        return max(1, int(events[0] + self.window - now + 0.999))


def load_messages(path: Path = MESSAGES_FILE) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def friendly_message(messages: dict, reason: str, metadata: dict, **values) -> str:
    """The Dutch text for ``reason`` in the audience's form (u for parents, je for young people)."""
    variants = messages[reason]
    audience = metadata.get("doelgroep") if metadata.get("doelgroep") in AUDIENCES else "ouder"
    return variants[audience].format(**values).strip()


def seconds_in_words(seconds: int) -> str:
    """'ongeveer een halve minuut', 'ongeveer 2 minuten': readable and rounded, no false precision."""
    if seconds <= 10:
        return "een paar seconden"
    if seconds <= 40:
        return "een halve minuut"
    minutes = max(1, round(seconds / 60))
    return "een minuut" if minutes == 1 else f"{minutes} minuten"


def main(argv: list[str] | None = None) -> int:
    """``python -m bot.channels.widget_policy origins``: the allow-list, one origin per line (for
    ``rasa run --cors`` in shell scripts)."""
    import sys
    args = sys.argv[1:] if argv is None else argv
    if args != ["origins"]:
        print("gebruik: python -m bot.channels.widget_policy origins", file=sys.stderr)
        return 2
    try:
        origins = configured_origins()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if not origins:
        print("WEGWIJZER_WIDGET_ORIGINS is leeg: noem minstens één site", file=sys.stderr)
        return 2
    print("\n".join(origins))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
