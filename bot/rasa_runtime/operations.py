"""What operations need inside the Rasa server, installed once by the input channels (next to
bot.rasa_runtime.action_guard): turn metrics (bot.rasa_runtime.turn_metrics) and optional error reporting
(bot.error_reporting). Both leave every turn's result untouched."""
from __future__ import annotations


def install() -> None:
    from bot import error_reporting
    from bot.rasa_runtime import turn_metrics

    turn_metrics.install()
    error_reporting.setup("rasa")
