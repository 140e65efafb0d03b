"""python -m bot.rasa_runtime COMMAND ...: Rasa's own command line (run, shell, test, train, ...) with
the Wegwijzer patches installed first. This is the one place that switches them on (see install.py);
WEGWIJZER_RASA_STOCK=1 runs the same command on stock Rasa.

    python -m bot.rasa_runtime run --model models/wegwijzer.tar.gz --endpoints bot/rasa/endpoints.yml ...
"""
from __future__ import annotations

import logging
import os
import sys

from bot import settings
from bot.rasa_runtime.install import install, log


def training(args: list[str]) -> bool:
    """Whether the command trains a model (``train``; ``test`` with cross-validation trains folds)."""
    return bool(args) and (args[0] == "train" or (args[0] == "test" and "--cross-validation" in args))


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    settings.start("rasa")   # a bad WEGWIJZER_* value stops here, before a model is loaded
    # Rasa sets this before TensorFlow's first import; install() imports it earlier
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
    from rasa.__main__ import main as rasa_main  # as the rasa script does first (its warning filters)

    # Rasa configures logging only after parsing its arguments: show install()'s lines on stderr now
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s  - %(message)s"))
    log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)
    try:
        install(training=training(args))
    finally:
        log.removeHandler(handler)
        log.setLevel(logging.NOTSET)
    sys.argv = ["rasa", *args]
    rasa_main()


if __name__ == "__main__":
    main()
