"""Texts outside the answer files: the national contacts file (content/regio/landelijk.yml) and the
other texts a user reads or hears (step plan, help-request form, phone), which may not write a number,
e-mail or web address literally either."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.content import contacts, schema, source_dates
from bot.content.check_report import Problem, _display
from bot.content.loader import REPO_ROOT
from bot.content.text_rules import _TEXT_VARIANTS, contact_problems, screen_action_problems

# Other texts the user hears or reads: they may not write a number, e-mail or web address literally
# either (content/hulpvraag has its own checker, bot.hulpvraag_form.check_texts, with the same rule).
# Their spraak texts may not ask for what a caller cannot do ("zoek op", "klik", "typ", "hieronder").
OTHER_TEXT_FILES: tuple[Path, ...] = (
    *sorted((REPO_ROOT / "content" / "stappenplan").glob("*.yml")),
    *sorted((REPO_ROOT / "content" / "hulpvraag").glob("*.yml")),
    REPO_ROOT / "bot" / "voice" / "texts.yml",
)


def contacts_file_problems(path: Path, today: dt.date) -> list[Problem]:
    """Every national organisation has a name and a source; its source date and check date are honest."""
    label = _display(path)
    orgs = contacts.organisations(path)
    if not orgs:
        return [Problem(label, "no organisaties: the contact keys in the texts cannot be filled")]
    problems = []
    for code, org in orgs.items():
        where = f"organisaties.{code}"
        if not str(org.get("naam") or "").strip():
            problems.append(Problem(label, f"{where} has no naam"))
        if not str(org.get("bron_url") or "").startswith(("https://", "http://")):
            problems.append(Problem(label, f"{where} needs a bron_url (https://)"))
        bron_datum = org.get("bron_datum")
        if bron_datum not in (None, "") and source_dates.normalise(bron_datum) is None:
            problems.append(Problem(label, f"{where}.bron_datum {bron_datum!r} is not a year, YYYY-MM or YYYY-MM-DD"))
        checked = org.get("gecontroleerd")
        if checked not in (None, ""):
            day = schema.parse_date(checked)
            if day is None or day > today:
                problems.append(Problem(label, f"{where}.gecontroleerd {checked!r} must be a date not in the future"))
    return problems


def _variant_strings(node: Any, where: str) -> Iterable[tuple[str, str, str]]:
    """(where, variant, text) for every text under a key ouder/jongere/spraak, at any depth."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key in _TEXT_VARIANTS and isinstance(value, str):
                yield where, str(key), value
            else:
                yield from _variant_strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _variant_strings(value, f"{where}[{index}]")


def other_text_problems(path: Path) -> list[Problem]:
    """Literal contact details or unknown contact keys in the step plan's or the phone's texts."""
    label = _display(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [Problem(label, f"cannot be read as YAML: {error}")]
    if path.parent.name == "voice":  # the phone's own texts: all spoken, one level deep
        items = [(str(k), "spraak", v) for k, v in (data or {}).items() if isinstance(v, str)]
    else:
        items = list(_variant_strings(data, path.stem))
    return [
        Problem(label, f"{where}.{variant}: {p}")
        for where, variant, text in items
        for p in [*contact_problems(text, variant),
                  *(screen_action_problems(text) if variant == "spraak" else [])]
    ]
