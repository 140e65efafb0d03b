"""Loads the plan's texts (``content/stappenplan/stappen.yml``, ``teksten.yml``, ``vragen.yml``),
re-reading a file when it changes on disk so editors can fix a text without a restart."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import yaml

from bot.content import contacts

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content" / "stappenplan"
VARIANTS = ("ouder", "jongere", "spraak")

_cache: dict[Path, tuple[tuple[int, int], Any]] = {}
_lock = threading.Lock()


def load(name: str, directory: Path = CONTENT_DIR) -> dict:
    path = directory / f"{name}.yml"
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        _cache[path] = (stamp, data)
        return data


def pick(entry: Any, variant: str) -> str:
    """The text of ``entry`` for ``variant`` (falls back to the parent text), with the contact keys
    ({{org.veld}}) filled in from content/regio/landelijk.yml."""
    if isinstance(entry, str):
        return contacts.fill(entry, variant)
    if not isinstance(entry, dict):
        return ""
    text = entry.get(variant)
    if text is None:
        text = entry.get("ouder", "")
    return contacts.fill(str(text or "").strip(), variant)


def fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text
