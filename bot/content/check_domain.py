"""Every intent of the Rasa domain has an answer file: the intent names, read from the domain files."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.content.check_report import Problem, _display
from bot.content.loader import REPO_ROOT

DEFAULT_DOMAIN_DIR = REPO_ROOT / "bot" / "rasa" / "domain"


def _domain_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.yml")) if path.is_dir() else [path]
    return files


def _intents_in(data: Any) -> list[str]:
    intents = data.get("intents") if isinstance(data, Mapping) else None
    if not isinstance(intents, list):
        return []
    names = []
    for item in intents:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping) and len(item) == 1:
            names.append(str(next(iter(item))))
    return names


def load_domain_intents(paths: Iterable[Path]) -> tuple[set[str], list[Problem]]:
    """Intent names from Rasa domain files or directories (searched for *.yml)."""
    intents: set[str] = set()
    problems: list[Problem] = []
    for file in _domain_files(paths):
        try:
            intents.update(_intents_in(yaml.safe_load(file.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(Problem(_display(file), f"cannot read domain file: {error}"))
    return intents, problems


def default_domain_paths() -> list[Path]:
    return [DEFAULT_DOMAIN_DIR] if DEFAULT_DOMAIN_DIR.is_dir() else []
