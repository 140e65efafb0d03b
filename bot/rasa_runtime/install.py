"""The one switch for every Wegwijzer patch of Rasa's own classes.

``install()`` is called from one place: ``python -m bot.rasa_runtime`` (``__main__.py``), the
command that runs Rasa for Wegwijzer (``run``, ``shell``, ``test``, ``train``), before Rasa parses
its arguments. Tests that load the model in their own process call it in their fixtures. Importing
a module of this package, or loading the model with our NLU components, switches nothing on.

It
- applies the patches only on the exact Rasa version they were written and measured for
  (``RASA_VERSION``); on any other version it applies none and logs why (stock Rasa);
- applies none with ``WEGWIJZER_RASA_STOCK=1`` (stock Rasa, to compare or to rule the patches out);
- logs one line for each patch it applies (logger ``bot.rasa_runtime``);
- is idempotent: a second call applies nothing twice and returns the same names.

Each patch, the private symbol it replaces, its measured gain and its guarding test are in
docs/architecture.md ("Rasa runtime"). Configured adapters (the tracker store of endpoints.yml, the
input channels of credentials.yml, the NLU components of config.yml) are Rasa's own extension points,
not patches, and stay in both modes. Error reporting (bot.error_reporting) is started in both modes.
"""
from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass
from typing import Mapping, Optional, Tuple

from bot import settings

log = logging.getLogger("bot.rasa_runtime")

RASA_VERSION = "3.6.21"
STOCK_ENV = "WEGWIJZER_RASA_STOCK"


@dataclass(frozen=True)
class Patch:
    name: str
    replaces: str       # the private Rasa symbol(s) replaced
    module: str         # bot.rasa_runtime.<module>
    function: str       # the module's function that applies it (idempotent)
    serving: bool = False  # only where a trained model is served or tested, never while training
    always: bool = False   # safety, not speed: also with WEGWIJZER_RASA_STOCK=1 (on the exact Rasa version)


PATCHES: Tuple[Patch, ...] = (
    Patch("action-response check", "RemoteAction._validate_action_result", "speedups", "apply_response_check"),
    Patch("event class table", "Event.resolve_by_type", "speedups", "apply_event_table"),
    Patch("sparse feature join", "Features._combine_sparse_features", "speedups", "apply_sparse_join"),
    Patch("DIET concrete function", "RasaModel._rasa_predict", "speedups", "apply_concrete_predict"),
    Patch("sequential graph run", "DaskGraphRunner.run", "graph_runner", "apply", serving=True),
    Patch("pooled action-server connections", "EndpointConfig.session", "action_connections", "apply"),
    Patch("action guard", "RemoteAction.run", "action_guard", "apply"),
    Patch("turn metrics", "MessageProcessor.handle_message, MessageProcessor.log_message", "turn_metrics", "apply"),
    Patch("safety while a colleague holds the chat", "MessageProcessor.handle_message", "paused_safety", "apply",
          always=True),
)

_applied: list = []
_state: dict = {}   # "mode": "patched" | "stock", once install() ran


def stock_requested(env: Mapping[str, str]) -> bool:
    return settings.read(STOCK_ENV, env)


def rasa_version() -> str:
    from rasa.version import __version__

    return __version__


def mode() -> Optional[str]:
    """"patched" or "stock" once install() ran in this process, else None."""
    return _state.get("mode")


def install(env: Optional[Mapping[str, str]] = None, training: bool = False,
            version: Optional[str] = None) -> Tuple[str, ...]:
    """Applies every patch (see module doc); returns the names of the patches in force.

    ``training``: leave out the patches marked ``serving`` (the graph of a training run keeps
    Rasa's dask runner, as before these patches were switched on in one place).
    """
    env = os.environ if env is None else env
    from bot import error_reporting

    error_reporting.setup("rasa")
    if _state.get("mode") == "stock":
        return tuple(_applied)
    if stock_requested(env):
        if not _applied:
            _state["mode"] = "stock"
            log.warning("%s=1: stock Rasa, no Wegwijzer speed-up or guard applied", STOCK_ENV)
            return _apply((p for p in PATCHES if p.always), version)
        log.error("%s=1 after the patches were applied in this process: they stay", STOCK_ENV)
    found = version or rasa_version()
    if found != RASA_VERSION:
        _state["mode"] = "stock"
        log.error("Rasa %s found, the Wegwijzer patches are written for Rasa %s only: none applied "
                  "(stock Rasa; slower, and a failing action server gives no friendly message)",
                  found, RASA_VERSION)
        return ()
    _state["mode"] = "patched"
    return _apply((p for p in PATCHES if not (training and p.serving)), found)


def _apply(patches, version: Optional[str]) -> Tuple[str, ...]:
    if (version or rasa_version()) != RASA_VERSION:
        return tuple(_applied)
    for patch in patches:
        if patch.name in _applied:
            continue
        module = importlib.import_module(f"bot.rasa_runtime.{patch.module}")
        getattr(module, patch.function)()
        _applied.append(patch.name)
        log.info("Rasa patch applied: %s (replaces %s)", patch.name, patch.replaces)
    return tuple(_applied)
