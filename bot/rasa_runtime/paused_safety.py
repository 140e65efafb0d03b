"""The Rasa-side hook of the live takeover (``bot.live.paused_safety``): the emergency numbers also
while a colleague holds the chat. A wrapper of ``MessageProcessor.handle_message``, so it is switched
on here, by ``install()``, like every other change to Rasa's own classes."""
from __future__ import annotations


def apply() -> None:
    from bot.live import paused_safety

    paused_safety.install()
