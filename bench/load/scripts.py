"""Conversation scripts of the load test: loading and validating the YAML files in ``scripts/``.

A file holds ``gesprekken:``, a list of conversations::

    - naam: ouder_zoon_steeds_naar_huis   # unique, [a-z0-9_]
      stem: ouder                          # who is speaking (free label: ouder, jongere, verzorger)
      metadata: {doelgroep: jongere}       # optional, what the widget may send (doelgroep, gemeente)
      beurten:                             # 3-8 user messages
        - a plain message
        - tekst: a message
          verwacht: a word one of the bot's replies should contain (optional)

Limits follow the widget channel: a message is at most 500 characters, and a conversation has at most
8 turns, fewer than the socket's rate limit of 10 messages per minute per conversation, so a virtual
user without think time is never throttled by design.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

SCRIPTS_DIR = Path(__file__).with_name("scripts")
MIN_TURNS, MAX_TURNS = 3, 8
MAX_CHARS = 500
NAME = re.compile(r"^[a-z0-9_]{3,80}$")
GM_CODE = re.compile(r"^GM\d{4}$")
AUDIENCES = ("ouder", "jongere")
SCRIPT_KEYS = {"naam", "stem", "metadata", "beurten"}
TURN_KEYS = {"tekst", "verwacht"}


class ScriptError(ValueError):
    """One or more scripts are malformed; the message lists every problem."""


@dataclass(frozen=True)
class Turn:
    text: str
    expect: Optional[str] = None


@dataclass(frozen=True)
class Script:
    name: str
    voice: str
    turns: tuple[Turn, ...]
    metadata: dict = field(default_factory=dict)
    source: str = ""


def _turn(raw: object, where: str, problems: list[str]) -> Optional[Turn]:
    if isinstance(raw, str):
        raw = {"tekst": raw}
    if not isinstance(raw, dict):
        problems.append(f"{where}: a turn is a text or a mapping with 'tekst'")
        return None
    unknown = set(raw) - TURN_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    text = raw.get("tekst")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: empty message")
        return None
    text = " ".join(text.split())
    if len(text) > MAX_CHARS:
        problems.append(f"{where}: {len(text)} characters, the widget allows {MAX_CHARS}")
    expect = raw.get("verwacht")
    if expect is not None and (not isinstance(expect, str) or not expect.strip()):
        problems.append(f"{where}: 'verwacht' must be a non-empty text")
        expect = None
    return Turn(text, expect.strip() if expect else None)


def _metadata(raw: object, where: str, problems: list[str]) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{where}: metadata must be a mapping")
        return {}
    for key, value in raw.items():
        if key == "doelgroep" and value not in AUDIENCES:
            problems.append(f"{where}: doelgroep must be one of {AUDIENCES}")
        elif key == "gemeente" and not (isinstance(value, str) and GM_CODE.match(value)):
            problems.append(f"{where}: gemeente must be a CBS code like GM0479")
        elif key not in ("doelgroep", "gemeente"):
            problems.append(f"{where}: metadata key {key!r} is not sent by the widget")
    return dict(raw)


def parse_scripts(document: object, source: str) -> tuple[list[Script], list[str]]:
    """Scripts from one parsed YAML document, and the problems found (empty when all is well)."""
    problems: list[str] = []
    if not isinstance(document, dict) or not isinstance(document.get("gesprekken"), list):
        return [], [f"{source}: expected a mapping with a list 'gesprekken'"]
    scripts = []
    for index, raw in enumerate(document["gesprekken"]):
        where = f"{source}#{index}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: a conversation is a mapping")
            continue
        name = raw.get("naam")
        if not isinstance(name, str) or not NAME.match(name):
            problems.append(f"{where}: 'naam' must match {NAME.pattern}")
            continue
        where = f"{source}:{name}"
        unknown = set(raw) - SCRIPT_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        voice = raw.get("stem")
        if not isinstance(voice, str) or not voice.strip():
            problems.append(f"{where}: 'stem' (who speaks) is missing")
        raw_turns = raw.get("beurten")
        if not isinstance(raw_turns, list):
            problems.append(f"{where}: 'beurten' must be a list")
            continue
        if not MIN_TURNS <= len(raw_turns) <= MAX_TURNS:
            problems.append(f"{where}: {len(raw_turns)} turns, expected {MIN_TURNS}-{MAX_TURNS}")
        turns = [_turn(t, f"{where} turn {i + 1}", problems) for i, t in enumerate(raw_turns)]
        metadata = _metadata(raw.get("metadata"), where, problems)
        scripts.append(Script(name, str(voice or ""), tuple(t for t in turns if t), metadata, source))
    return scripts, problems


def load_scripts(directory: Path = SCRIPTS_DIR, only: Optional[list[str]] = None) -> list[Script]:
    """All scripts in ``directory`` (``*.yml``), validated; ``only`` keeps the named ones.

    Raises ScriptError listing every problem, so a broken file never silently shrinks the load."""
    files = sorted(Path(directory).glob("*.yml"))
    if not files:
        raise ScriptError(f"no *.yml scripts in {directory}")
    scripts: list[Script] = []
    problems: list[str] = []
    for path in files:
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: not valid YAML ({error})")
            continue
        found, file_problems = parse_scripts(document, path.name)
        scripts.extend(found)
        problems.extend(file_problems)
    seen: dict[str, str] = {}
    for script in scripts:
        if script.name in seen:
            problems.append(f"{script.source}: name {script.name!r} also used in {seen[script.name]}")
        seen.setdefault(script.name, script.source)
    if only:
        missing = sorted(set(only) - set(seen))
        if missing:
            problems.append(f"unknown script names: {missing}")
        scripts = [s for s in scripts if s.name in set(only)]
    if problems:
        raise ScriptError("\n".join(problems))
    return scripts
