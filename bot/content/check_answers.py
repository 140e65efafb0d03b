"""The rules for one answer file (content/antwoorden/*.yml): fields, sources and dates, follow-ups,
the variants of the text, and its readability (docs/content.md)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.content import contacts, schema, source_dates
from bot.content.check_report import Problem, Unverified, _display
from bot.content.text_rules import (
    ReadabilityRow, chat_problems, contact_problems, readability_problems, readability_row, voice_problems,
)


def _field_problems(data: Mapping[str, Any], stem: str, today: dt.date) -> list[str]:
    problems: list[str] = []
    unknown = sorted(str(k) for k in data if k not in schema.TOP_LEVEL_KEYS)
    if unknown:
        problems.append(f"unknown keys: {', '.join(unknown)}")
    if data.get("id") != stem:
        problems.append(f"id {data.get('id')!r} does not equal the file name '{stem}'")
    if data.get("soort") not in schema.SOORTEN:
        problems.append(f"soort {data.get('soort')!r} must be 'feit' or 'gesprek'")
    problems += _knop_problems(data.get("knop"))
    problems += _date_problems(data.get("gecontroleerd"), today)
    problems += _source_problems(data.get("bronnen"), required=data.get("soort") == "feit", today=today)
    problems += _unverified_problems(data.get("niet_geverifieerd"))
    return problems


def _knop_problems(knop: Any) -> list[str]:
    if not isinstance(knop, str) or not knop.strip():
        return ["knop must be a non-empty text"]
    if len(knop) > schema.MAX_KNOP_LENGTH:
        return [f"knop is {len(knop)} characters (max {schema.MAX_KNOP_LENGTH})"]
    return []


def _date_problems(value: Any, today: dt.date) -> list[str]:
    checked = schema.parse_date(value)
    if checked is None:
        return [f"gecontroleerd {value!r} is not an ISO date (YYYY-MM-DD)"]
    if checked > today:
        return [f"gecontroleerd {checked.isoformat()} is in the future"]
    return []


def _source_problems(bronnen: Any, required: bool, today: dt.date) -> list[str]:
    if bronnen is None or bronnen == []:
        return ["soort feit needs at least one source in bronnen"] if required else []
    if not isinstance(bronnen, list):
        return ["bronnen must be a list"]
    problems = []
    for index, source in enumerate(bronnen, start=1):
        if not isinstance(source, Mapping):
            problems.append(f"bronnen item {index} must have naam and url")
            continue
        naam, url = source.get("naam"), source.get("url")
        if not isinstance(naam, str) or not naam.strip():
            problems.append(f"bronnen item {index} has no naam")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            problems.append(f"bronnen item {index} needs an https:// or http:// url")
        problems += _source_date_problems(index, source.get("datum"), required, today)
    return problems


def _source_date_problems(index: int, value: Any, required: bool, today: dt.date) -> list[str]:
    """The source's own date: a year, YYYY-MM, YYYY-MM-DD, or 'onbekend' for an undated page."""
    if value is None:
        return [f"bronnen item {index} needs datum (the date of the source itself, or onbekend)"] if required else []
    normalised = source_dates.normalise(value)
    if normalised is None:
        return [f"bronnen item {index}: datum {value!r} is not a year, YYYY-MM, YYYY-MM-DD or onbekend"]
    last = source_dates.latest_day(normalised)
    if last is not None and source_dates.in_words(normalised) and last > today and len(normalised) == 10:
        return [f"bronnen item {index}: datum {normalised} is in the future"]
    return []


def _unverified_problems(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        return ["niet_geverifieerd must be a list of {bewering, reden}"]
    problems = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, Mapping) or not all(
            isinstance(item.get(k), str) and item.get(k).strip() for k in ("bewering", "reden")
        ):
            problems.append(f"niet_geverifieerd item {index} needs bewering and reden")
    return problems


def unverified_claims(label: str, value: Any) -> list[Unverified]:
    if not isinstance(value, list):
        return []
    return [
        Unverified(label, str(item.get("bewering", "")).strip(), str(item.get("reden", "")).strip())
        for item in value
        if isinstance(item, Mapping)
    ]


def _follow_up_problems(vervolg: Any, known_ids: set[str]) -> list[str]:
    if vervolg is None:
        return []
    if not isinstance(vervolg, list) or not all(isinstance(v, str) for v in vervolg):
        return ["vervolg must be a list of answer ids"]
    problems = []
    if len(vervolg) > schema.MAX_VERVOLG:
        problems.append(f"vervolg has {len(vervolg)} items (max {schema.MAX_VERVOLG})")
    problems += [f"vervolg '{v}' has no content file" for v in vervolg if v not in known_ids]
    return problems


def _text_problems(tekst: Any, answer_id: str) -> list[str]:
    if not isinstance(tekst, Mapping):
        return ["tekst must be a mapping of variants"]
    required = schema.required_variants(answer_id)
    problems = [f"tekst.{v} is missing" for v in required if v not in tekst]
    problems += [f"unknown variant tekst.{v}" for v in tekst if v not in required]
    for variant, text in tekst.items():
        if not isinstance(text, str) or not text.strip():
            problems.append(f"tekst.{variant} must be a non-empty text")
    return problems


def _variant_problems(variant: str, text: str, soort: Any) -> list[str]:
    problems: list[str] = []
    if soort == "gesprek" and any(ch.isdigit() for ch in text):
        problems.append(f"tekst.{variant}: soort gesprek may not contain digits")
    if variant == schema.VOICE_VARIANT:
        problems += [f"tekst.{variant}: {p}" for p in voice_problems(text)]
    elif variant in schema.CHAT_VARIANTS:
        problems += [f"tekst.{variant}: {p}" for p in chat_problems(text)]
    return problems


def check_file(
    path: Path, known_ids: set[str], today: dt.date
) -> tuple[list[Problem], list[ReadabilityRow]]:
    """All problems in one content file plus its readability rows."""
    label = _display(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [Problem(label, f"cannot be read as YAML: {error}")], []
    if not isinstance(data, Mapping):
        return [Problem(label, "must contain a YAML mapping")], []
    messages = _field_problems(data, path.stem, today)
    messages += _follow_up_problems(data.get("vervolg"), known_ids)
    tekst = data.get("tekst")
    messages += _text_problems(tekst, path.stem)
    rows: list[ReadabilityRow] = []
    if isinstance(tekst, Mapping):
        for variant, text in tekst.items():
            if not isinstance(text, str) or not text.strip():
                continue
            messages += [f"tekst.{variant}: {p}" for p in contact_problems(text, str(variant))]
            text = contacts.fill(text, str(variant))  # the rules apply to what the user sees or hears
            messages += _variant_problems(str(variant), text, data.get("soort"))
            row = readability_row(label, path.stem, str(variant), text)
            messages += readability_problems(row)
            rows.append(row)
    return [Problem(label, m) for m in messages], rows
