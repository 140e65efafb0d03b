"""Starts the real stack for integration tests (bot.tooling.launcher): the trained model on a Rasa server and
the action server, with a temporary tracker store and a temporary copy of content/ (so a test can
edit an answer and see it live without retraining)."""
from __future__ import annotations

import secrets
import shutil
from pathlib import Path

import pytest

from bot.tooling.launcher import REPO, local_stack
from tests.support.model import require_model

MODEL = REPO / "models" / "wegwijzer.tar.gz"


class Stack:
    def __init__(self, running, content_dir: Path):
        self.running = running
        self.rasa_url = running.rasa_url
        self.content_dir = content_dir

    def new_sender(self) -> str:
        """A conversation issued by the server (bot.tokens.session_token); the stack keeps its token."""
        return self.running.new_sender()

    def say(self, sender: str, message, metadata: dict | None = None) -> list[dict]:
        return self.running.say(sender, message, metadata)

    def texts(self, sender: str, message, metadata: dict | None = None) -> list[str]:
        return [m.get("text", "") for m in self.say(sender, message, metadata)]


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    require_model(MODEL)
    work = tmp_path_factory.mktemp("stack")
    content_dir = work / "antwoorden"
    shutil.copytree(REPO / "content" / "antwoorden", content_dir)
    regio_dir = work / "regio"
    shutil.copytree(REPO / "content" / "regio", regio_dir)
    database_url = f"sqlite:///{work / 'wegwijzer.db'}"
    live_token = secrets.token_urlsafe(32)  # the console's key to the live endpoint (bot.live)
    with local_stack(MODEL, work, content_dir=content_dir,
                     extra_env={"WEGWIJZER_REGIO_DIR": str(regio_dir),
                                "WEGWIJZER_DATABASE_URL": database_url,
                                "WEGWIJZER_LIVE_TOKEN": live_token}) as running:
        stack = Stack(running, content_dir)
        stack.regio_dir = regio_dir
        stack.database_url = database_url
        stack.live_token = live_token
        yield stack
