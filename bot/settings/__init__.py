"""One way to read environment variables: typed, declared once (``registry.py``), and one behaviour for a bad
value: a SettingsError naming the variable and what is allowed, raised when the process starts
(:func:`check`) and whenever a reader meets it (:func:`read`). No imports beyond the standard library, so
every process (action server, worker, console, web app) may use it.

    from bot import settings
    port = settings.read("WEGWIJZER_CONSOLE_PORT", env)      # an int from 1 to 65535, else 8090
    settings.check("console")                                # at start: every variable the console reads
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Iterable, Mapping, Optional, Union

from bot.settings.registry import PROCESSES, SETTINGS
from bot.settings.setting import Setting, SettingsError

__all__ = ["PROCESSES", "SETTINGS", "Setting", "SettingsError", "check", "declared", "is_set", "lookup", "read", "read_fields", "require", "start"]

log = logging.getLogger(__name__)
PREFIX = "WEGWIJZER_"
_BY_NAME = {s.name: s for s in SETTINGS if not s.family}
_FAMILIES = tuple(s for s in SETTINGS if s.family)


def lookup(name: str) -> Optional[Setting]:
    """The declaration of ``name`` (a member of a family: the family's), or None."""
    found = _BY_NAME.get(name)
    if found is not None:
        return found
    return next((f for f in _FAMILIES if name.startswith(f.name) and len(name) > len(f.name)), None)


def declared(name: str) -> bool:
    return lookup(name) is not None


def read_fields(fields: Mapping[str, str], env: Optional[Mapping[str, str]] = None) -> dict:
    """``{field: variable}`` -> ``{field: typed value}``: a settings dataclass filled from its own table."""
    return {field: read(name, env) for field, name in fields.items()}


def is_set(name: str, env: Optional[Mapping[str, str]] = None) -> bool:
    """Whether ``name`` holds a value (not unset, not blank): for the few readers whose default depends on it."""
    return bool(str((os.environ if env is None else env).get(name) or "").strip())


def read(name: str, env: Optional[Mapping[str, str]] = None):
    """The typed value of the declared variable ``name`` in ``env`` (default: the process environment);
    its default when unset or blank. Raises SettingsError for a bad value, KeyError for an undeclared name."""
    setting = lookup(name)
    if setting is None:
        raise KeyError(f"{name} is not declared in bot/settings/registry.py")
    return setting.parse((os.environ if env is None else env).get(name), name)


def require(name: str, why: str, env: Optional[Mapping[str, str]] = None):
    """:func:`read` for a variable without which the caller cannot work: unset or blank raises a SettingsError
    saying ``why`` (and, for a secret, how to make one)."""
    value = read(name, env)
    if value in (None, ""):
        hint = " (bijvoorbeeld python -c 'import secrets; print(secrets.token_urlsafe(32))')" \
            if lookup(name).kind == "secret" else ""
        raise SettingsError(f"{name} is niet gezet: {why}{hint}")
    return value


def problems(process: str, env: Optional[Mapping[str, str]] = None) -> list[str]:
    """What is wrong with the variables ``process`` reads (one message each)."""
    if process not in PROCESSES:
        raise KeyError(f"unknown process {process!r}; known: {', '.join(PROCESSES)}")
    env = os.environ if env is None else env
    found = []
    for name in _names(process, env):
        try:
            read(name, env)
        except SettingsError as exc:
            found.append(str(exc))
    return found


def check(process: Union[str, Iterable[str]], env: Optional[Mapping[str, str]] = None) -> None:
    """At start: raise one SettingsError listing every bad variable that ``process`` (or each of several)
    reads. Undeclared ``WEGWIJZER_*`` names (a typo?) are logged, not refused."""
    env = os.environ if env is None else env
    found = list(dict.fromkeys(p for one in ([process] if isinstance(process, str) else process)
                               for p in problems(one, env)))
    unknown = sorted(n for n in env if n.startswith(PREFIX) and not declared(n))
    if unknown:
        log.warning("onbekende instellingen (tikfout?): %s; zie docs/settings.md", ", ".join(unknown))
    if found:
        raise SettingsError("ongeldige instelling(en), zie docs/settings.md:\n  " + "\n  ".join(found))


def start(process: Union[str, Iterable[str]], env: Optional[Mapping[str, str]] = None) -> None:
    """:func:`check` for an entry point: a bad value ends the process with the message on stderr and exit
    status 2, before it opens a port or a database."""
    try:
        check(process, env)
    except SettingsError as exc:
        print(f"{process if isinstance(process, str) else 'wegwijzer'}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _names(process: str, env: Mapping[str, str]) -> Iterable[str]:
    for setting in SETTINGS:
        if process not in setting.processes:
            continue
        if setting.family:
            yield from sorted(n for n in env if n.startswith(setting.name) and len(n) > len(setting.name))
        else:
            yield setting.name
