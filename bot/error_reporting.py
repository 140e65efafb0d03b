"""Optional error reporting to Sentry (or a compatible receiver such as GlitchTip), with personal data
removed before anything leaves the process.

Off unless ``WEGWIJZER_SENTRY_DSN`` is set (``WEGWIJZER_SENTRY_OMGEVING`` names the environment,
default ``productie``). Every process calls ``setup(<process name>)`` at start.

What leaves is an allow-list, not a deny-list (``scrub_event``): the exception's type and module, the
stack frames' file, module, function and line number, a log message's %-template (never its
arguments; a message without arguments is dropped, it may be a formatted string), level, logger, time, release, environment, the process name and the SDK. Dropped always:
exception messages (they can quote a user's text), local variables, source lines, request data and
bodies, cookies, headers, user, breadcrumbs (earlier log lines, SQL), extra, contexts, threads and
installed modules. Sentry's own switches are set the same way (no locals, no request bodies, no
breadcrumbs, no default PII, no performance tracing), so scrubbing is the second line, not the only one.
Tested end to end against a local receiver: tests/integration/test_error_reporting.py.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Optional

from bot import settings

log = logging.getLogger(__name__)
DSN_ENV = "WEGWIJZER_SENTRY_DSN"
ENVIRONMENT_ENV = "WEGWIJZER_SENTRY_OMGEVING"

_started: set = set()
_TOP_LEVEL = ("event_id", "timestamp", "platform", "level", "logger", "release", "environment", "sdk")
_EXCEPTION = ("type", "module")
_FRAME = ("filename", "module", "function", "lineno", "in_app")


def _frames(stacktrace: Any) -> Optional[dict]:
    if not isinstance(stacktrace, dict) or not isinstance(stacktrace.get("frames"), list):
        return None
    return {"frames": [{k: f[k] for k in _FRAME if k in f} for f in stacktrace["frames"] if isinstance(f, dict)]}


def _exception(value: Any) -> Optional[dict]:
    if not isinstance(value, dict):
        return None
    kept = {k: value[k] for k in _EXCEPTION if isinstance(value.get(k), str)}
    mechanism = value.get("mechanism")
    if isinstance(mechanism, dict) and isinstance(mechanism.get("type"), str):
        kept["mechanism"] = {"type": mechanism["type"], "handled": bool(mechanism.get("handled", False))}
    frames = _frames(value.get("stacktrace"))
    if frames is not None:
        kept["stacktrace"] = frames
    return kept


def scrub_event(event: Mapping[str, Any], process: str = "") -> dict:
    """The event reduced to what may leave (see the module docstring)."""
    out = {k: event[k] for k in _TOP_LEVEL if k in event}
    exception = event.get("exception")
    if isinstance(exception, dict) and isinstance(exception.get("values"), list):
        values = [v for v in (_exception(v) for v in exception["values"]) if v]
        if values:
            out["exception"] = {"values": values}
    logentry = event.get("logentry")
    if isinstance(logentry, dict) and isinstance(logentry.get("message"), str):
        # A %-template with arguments is the developer's constant text: keep it, drop the arguments. A
        # message without arguments may be a formatted string with anything in it: drop it.
        message = logentry["message"][:200] if logentry.get("params") else "(bericht weggelaten)"
        out["logentry"] = {"message": message}
    if process:
        out["tags"] = {"proces": process}
    return out


def settings_from_env(env: Mapping[str, str]) -> Optional[dict]:
    dsn = settings.read(DSN_ENV, env)
    if not dsn:
        return None
    return {"dsn": dsn, "environment": settings.read(ENVIRONMENT_ENV, env)[:64]}


def setup(process: str, env: Optional[Mapping[str, str]] = None) -> bool:
    """Starts error reporting for this process when a DSN is set. Returns whether it did."""
    settings = settings_from_env(os.environ if env is None else env)
    if settings is None:
        return False
    if _started:          # once per process (the Rasa server's channels each ask)
        return True
    import sentry_sdk

    def before_send(event, _hint):
        return scrub_event(event, process)

    try:
        sentry_sdk.init(
            dsn=settings["dsn"], environment=settings["environment"],
            before_send=before_send, before_send_transaction=lambda _event, _hint: None,
            send_default_pii=False, with_locals=False, request_bodies="never", max_breadcrumbs=0,
            attach_stacktrace=False, traces_sample_rate=None, auto_enabling_integrations=False,
            server_name="-")
    except Exception as exc:  # a bad DSN must not stop the assistant
        log.error("foutrapportage niet gestart: %s", exc.__class__.__name__)
        return False
    _started.add(process)
    log.info("foutrapportage aan (%s), persoonsgegevens worden verwijderd", process)
    return True
