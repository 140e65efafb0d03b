"""credentials.yml names the widget channel; it builds from those credentials with the env policy."""
from pathlib import Path

import yaml

from bot.channels.socketio_channel import WidgetSocketIOInput
from rasa.shared.utils.common import class_from_module_path

CREDENTIALS = Path(__file__).resolve().parents[3] / "bot" / "rasa" / "credentials.yml"


def test_credentials_use_the_widget_channel(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_SESSION_SECRET", "s" * 32)
    monkeypatch.setenv("WEGWIJZER_WIDGET_ORIGINS", "https://www.gemeente.nl")
    monkeypatch.setenv("WEGWIJZER_WIDGET_RATE", "3/30")
    credentials = yaml.safe_load(CREDENTIALS.read_text())
    name = "bot.channels.socketio_channel.WidgetSocketIOInput"
    assert "socketio" not in credentials and name in credentials
    channel = class_from_module_path(name).from_credentials(credentials[name])
    assert isinstance(channel, WidgetSocketIOInput) and channel.name() == "socketio"
    assert channel.session_persistence is True
    assert channel.policy.allowed_origins == ("https://www.gemeente.nl",)
    assert (channel.limiter.count, channel.limiter.window) == (3, 30.0)
