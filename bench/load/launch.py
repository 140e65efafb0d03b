"""Starting what is measured, for the embedded case: the real Rasa server + action server of this
repository (``bot.tooling.launcher.local_stack``) with a trained model, in a throwaway directory with its own
tracker store and help-request database.

- ``embedded``: Wegwijzer's model (default ``models/wegwijzer.tar.gz``).
- ``stock``: a model trained with ``bench/stock_config.yml`` on the same domain and data. It is not
  trained here (that takes long); make one with
  ``python bench/latency_and_training.py --keep DIR --only stock --train-only`` and pass
  ``--model DIR/stock_rasa_init.tar.gz``.
"""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import urlsplit

from bot.tooling.launcher import REPO, local_stack

DEFAULT_MODELS = {"embedded": REPO / "models" / "wegwijzer.tar.gz"}


@dataclass(frozen=True)
class StartedStack:
    url: str
    ports: tuple[int, ...]  # Rasa server, action server
    model: Path


def model_for(kind: str, model: Optional[Path]) -> Path:
    if kind not in ("embedded", "stock"):
        raise ValueError(f"--start is embedded or stock, not {kind!r}")
    chosen = model or DEFAULT_MODELS.get(kind)
    if chosen is None:
        raise FileNotFoundError(
            "--start stock needs --model: train one with "
            "python bench/latency_and_training.py --keep DIR --only stock --train-only")
    if not Path(chosen).is_file():
        raise FileNotFoundError(f"no trained model at {chosen}")
    return Path(chosen)


@contextmanager
def started_stack(kind: str, model: Optional[Path] = None, workdir: Optional[Path] = None,
                  extra_env: Optional[dict] = None) -> Iterator[StartedStack]:
    """``extra_env``: settings for the stack, e.g. the widget's secret and allowed origins."""
    chosen = model_for(kind, model)
    with tempfile.TemporaryDirectory(prefix=f"load-{kind}-") as tmp:
        work = Path(workdir or tmp)
        env = {"WEGWIJZER_DATABASE_URL": f"sqlite:///{work / 'wegwijzer.db'}", **(extra_env or {})}
        with local_stack(chosen, work, extra_env=env) as running:
            ports = tuple(urlsplit(u).port for u in (running.rasa_url, running.actions_url))
            yield StartedStack(running.rasa_url, ports, chosen)
