"""Settings of the web app (demo pages + widget files + widget tokens), from the environment.

- ``WEGWIJZER_WEB_HOST`` / ``WEGWIJZER_WEB_PORT``: where the web app listens (default 127.0.0.1:8080;
  ``./scripts/start`` passes ``WEGWIJZER_HOST``).
- ``WEGWIJZER_RASA_PUBLIC_URL``: the Rasa server as the *browser* reaches it, for the socket.io
  connection (default ``http://localhost:<WEGWIJZER_RASA_PORT or 5005>``).
- ``WEGWIJZER_WIDGET_DIST``: the built widget (default ``web/dist``; build it with scripts/build_widget).
- ``WEGWIJZER_DATABASE_URL``: where feedback on answers is stored (``bot.web.feedback``; default
  ``var/wegwijzer.db``, the help-request database).
- Origins, secret and limits: see ``bot.channels.widget_policy`` (shared with the Rasa channel).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from bot import settings
from bot.channels.widget_policy import WidgetPolicy, normalize_origin
from bot.hulpvraag.config import DEFAULT_DB_URL

REPO = Path(__file__).resolve().parents[2]
PAGES_DIR = Path(__file__).with_name("pages")


@dataclass(frozen=True)
class WebSettings:
    host: str
    port: int
    rasa_public_url: str
    dist_dir: Path
    policy: WidgetPolicy
    socket_path: str = "/socket.io"
    # feedback on answers is stored here (the help-request database, WEGWIJZER_DATABASE_URL)
    database_url: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ, port: Optional[int] = None) -> "WebSettings":
        """Raises ValueError (bot.settings.SettingsError for a bad value) naming the variable."""
        rasa_default = f"http://localhost:{settings.read('WEGWIJZER_RASA_PORT', env)}"
        rasa_url = normalize_origin(settings.read("WEGWIJZER_RASA_PUBLIC_URL", env) or rasa_default)
        if rasa_url is None:
            raise ValueError("WEGWIJZER_RASA_PUBLIC_URL moet een http(s)-adres zijn, zoals https://chat.gemeente.nl")
        return cls(
            host=settings.read("WEGWIJZER_WEB_HOST", env),
            port=port if port is not None else settings.read("WEGWIJZER_WEB_PORT", env),
            rasa_public_url=rasa_url,
            dist_dir=settings.read("WEGWIJZER_WIDGET_DIST", env),
            policy=WidgetPolicy.from_env(env),
            database_url=settings.read("WEGWIJZER_DATABASE_URL", env) or DEFAULT_DB_URL,
        )

    def rasa_socket_sources(self) -> str:
        """The Rasa origin for a Content-Security-Policy connect-src (http(s) and ws(s))."""
        ws = "wss://" + self.rasa_public_url[len("https://"):] if self.rasa_public_url.startswith("https://") \
            else "ws://" + self.rasa_public_url[len("http://"):]
        return f"{self.rasa_public_url} {ws}"
