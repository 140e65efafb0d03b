"""Check the help-request texts in content/hulpvraag/*.yml.

Usage: python -m bot.hulpvraag_form.check_texts [--dir DIR]

Same rules as the answer texts (docs/content.md, ``bot.content.check``), applied to every text:
readability per variant (Flesch-Douma and sentence length, with placeholders filled by sample
values), voice safety for ``spraak``, no markdown in chat variants, ``soort gesprek`` without
digits, ``soort feit`` with sources, a check date not in the future, no phone number, e-mail or
web address written literally (only by key from content/regio/landelijk.yml, ``{{org.veld}}``). Also: every key the form
needs exists, keys are unique over files, placeholders are known, labels are short and voice-safe.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import string
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.content import check as content_check
from bot.content import check_answers
from bot.content import contacts
from bot.content import schema
from bot.hulpvraag_form import texts as T

TOP_LEVEL_KEYS = frozenset({"id", "soort", "gecontroleerd", "bronnen", "teksten", "labels"})
MAX_LABEL_LENGTH = 40


def placeholders(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def _without_placeholders(template: str) -> str:
    return re.sub(r"\{[a-z_]+\}", "", template)


def _text_problems(key: str, variant: str, template: str, soort: Any) -> list[str]:
    where = f"teksten.{key}.{variant}"
    problems = [f"{where}: {p}" for p in content_check.contact_problems(template, variant)]
    template = contacts.fill(template, variant)
    unknown = placeholders(template) - T.PLACEHOLDERS
    if unknown:
        problems.append(f"{where}: unknown placeholder(s) {', '.join(sorted(unknown))}")
    bare = _without_placeholders(template)
    if soort == "gesprek" and any(ch.isdigit() for ch in bare):
        problems.append(f"{where}: soort gesprek may not contain digits")
    if variant == schema.VOICE_VARIANT:
        problems += [f"{where}: {p}" for p in content_check.voice_problems(bare)]
    else:
        problems += [f"{where}: {p}" for p in content_check.chat_problems(bare)]
    filled = T.fill(template, T.SAMPLE_VALUES)
    row = content_check.readability_row(key, key, variant, filled)
    problems += [f"teksten.{key}: {p}" for p in content_check.readability_problems(row)]
    return problems


def _label_problems(key: str, value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return [f"labels.{key} must be a non-empty text"]
    problems = []
    if len(value) > MAX_LABEL_LENGTH:
        problems.append(f"labels.{key} is {len(value)} characters (max {MAX_LABEL_LENGTH})")
    problems += [f"labels.{key}: {p}" for p in content_check.voice_problems(value)]
    return problems


def check_file_data(data: Any, stem: str, today: dt.date) -> list[str]:
    """Problems in one parsed file (not counting keys shared with other files)."""
    if not isinstance(data, Mapping):
        return ["must contain a YAML mapping"]
    problems = []
    unknown = sorted(str(k) for k in data if k not in TOP_LEVEL_KEYS)
    if unknown:
        problems.append(f"unknown keys: {', '.join(unknown)}")
    if data.get("id") != stem:
        problems.append(f"id {data.get('id')!r} does not equal the file name '{stem}'")
    soort = data.get("soort")
    if soort not in schema.SOORTEN:
        problems.append(f"soort {soort!r} must be 'feit' or 'gesprek'")
    problems += check_answers._date_problems(data.get("gecontroleerd"), today)
    problems += check_answers._source_problems(data.get("bronnen"), required=soort == "feit", today=today)
    teksten = data.get("teksten") or {}
    labels = data.get("labels") or {}
    if not isinstance(teksten, Mapping) or not isinstance(labels, Mapping):
        return problems + ["teksten and labels must be mappings"]
    if not teksten and not labels:
        problems.append("file has no teksten and no labels")
    for key, variants in teksten.items():
        if not isinstance(variants, Mapping):
            problems.append(f"teksten.{key} must map variants to texts")
            continue
        problems += [f"teksten.{key}.{v} is missing" for v in T.VARIANTS if v not in variants]
        problems += [f"unknown variant teksten.{key}.{v}" for v in variants if v not in T.VARIANTS]
        for variant, template in variants.items():
            if not isinstance(template, str) or not template.strip():
                problems.append(f"teksten.{key}.{variant} must be a non-empty text")
            elif variant in T.VARIANTS:
                problems += _text_problems(str(key), str(variant), template, soort)
    for key, value in labels.items():
        problems += _label_problems(str(key), value)
    return problems


def check_directory(directory: Path, today: dt.date) -> list[str]:
    """All problems as ``file: message`` lines."""
    import yaml

    problems: list[str] = []
    if not directory.is_dir():
        return [f"{directory}: directory does not exist"]
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(f"{path.name}: cannot be read as YAML: {error}")
            continue
        problems += [f"{path.name}: {p}" for p in check_file_data(data, path.stem, today)]
        if not isinstance(data, Mapping):
            continue
        for section in ("teksten", "labels"):
            entries = data.get(section)
            for key in entries if isinstance(entries, Mapping) else ():
                name = f"{section}.{key}"
                if name in seen:
                    problems.append(f"{path.name}: {name} is also in {seen[name]}")
                seen[name] = path.name
    for key in T.required_text_keys():
        if f"teksten.{key}" not in seen:
            problems.append(f"{directory.name}: text '{key}' the form needs is missing")
    for key in T.LABEL_KEYS:
        if f"labels.{key}" not in seen:
            problems.append(f"{directory.name}: label '{key}' the form needs is missing")
    return problems


def main(argv: Sequence[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the help-request form texts.")
    parser.add_argument("--dir", type=Path, default=T.CONTENT_DIR, help="content directory")
    args = parser.parse_args(argv)
    problems = check_directory(args.dir, today or dt.date.today())
    for problem in problems:
        print(problem)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        return 1
    print(f"OK: {len(list(args.dir.glob('*.yml')))} file(s) checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
