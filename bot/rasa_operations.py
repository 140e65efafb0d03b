"""What operations need inside the Rasa server, installed once by the input channels (next to
bot.rasa_action_guard): turn metrics (bot.metrics.rasa_hook) and optional error reporting
(bot.error_reporting). Both leave every turn's result untouched."""
from __future__ import annotations


def install() -> None:
    from bot import error_reporting
    from bot.metrics import rasa_hook

    rasa_hook.install()
    error_reporting.setup("rasa")
