"""Check answer content files against the rules in docs/content.md.

Usage: python -m bot.content.check [--dir DIR] [--domain PATH ...]

Prints one line per problem (``file: problem``), then a readability table, then the report of
claims marked ``niet_geverifieerd`` (a list for the editor, not a failure), and exits with status 1
if there is any problem. A phone number, e-mail or web address written literally in a text (instead
of a key from content/regio/landelijk.yml) is a problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content import contacts, schema, source_dates
from bot.content.loader import REPO_ROOT, default_content_dir
from bot.content.text_rules import (  # noqa: F401  (also imported from here by tests and tools)
    _TEXT_VARIANTS, MAX_AVG_SENTENCE_LENGTH, MIN_SCORE, ReadabilityRow, chat_problems, contact_problems,
    contains_emoji, readability_problems, readability_row, screen_action_problems, voice_problems,
)

DEFAULT_DOMAIN_DIR = REPO_ROOT / "bot" / "rasa" / "domain"
# Other texts the user hears or reads: they may not write a number, e-mail or web address literally
# either (content/hulpvraag has its own checker, bot.hulpvraag_form.check_texts, with the same rule).
# Their spraak texts may not ask for what a caller cannot do ("zoek op", "klik", "typ", "hieronder").
OTHER_TEXT_FILES: tuple[Path, ...] = (
    *sorted((REPO_ROOT / "content" / "stappenplan").glob("*.yml")),
    *sorted((REPO_ROOT / "content" / "hulpvraag").glob("*.yml")),
    REPO_ROOT / "bot" / "voice" / "teksten.yml",
)


@dataclass(frozen=True)
class Problem:
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Unverified:
    """A claim nobody could compare with a source: listed for the editor, not a failure."""
    file: str
    claim: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.claim} — {self.reason}"


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    rows: tuple[ReadabilityRow, ...]
    file_count: int
    unverified: tuple[Unverified, ...] = ()


# Text rules (voice, chat, contacts, readability): bot.content.text_rules.


# --- field rules ----------------------------------------------------------------------


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


# --- files and directories ------------------------------------------------------------


def _display(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


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


def check_directory(
    directory: Path,
    today: dt.date,
    domain_paths: Sequence[Path] = (),
    other_files: Sequence[Path] = (),
    contacts_file: Path | None = None,
) -> CheckResult:
    """Check every *.yml in ``directory``, and that every domain intent has a file; also the texts in
    ``other_files`` for literal contact details, and ``contacts_file`` (landelijk.yml) itself."""
    files = sorted(directory.glob("*.yml")) if directory.is_dir() else []
    known_ids = {f.stem for f in files}
    problems: list[Problem] = []
    rows: list[ReadabilityRow] = []
    if not directory.is_dir():
        problems.append(Problem(_display(directory), "content directory does not exist"))
    for file in files:
        file_problems, file_rows = check_file(file, known_ids, today)
        problems += file_problems
        rows += file_rows
    unverified: list[Unverified] = []
    for file in files:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # reported above
        if isinstance(data, Mapping):
            unverified += unverified_claims(_display(file), data.get("niet_geverifieerd"))
    for file in other_files:
        problems += other_text_problems(file)
    if contacts_file is not None:
        problems += contacts_file_problems(contacts_file, today)
        for code, org in contacts.organisations(contacts_file).items():
            reason = org.get("niet_geverifieerd")
            if reason:
                unverified.append(Unverified(f"{_display(contacts_file)} ({code})", "contactgegevens", str(reason)))
    intents, domain_problems = load_domain_intents(domain_paths)
    problems += domain_problems
    for intent in sorted(intents - known_ids):
        problems.append(
            Problem(_display(directory / f"{intent}.yml"), "domain intent has no content file")
        )
    return CheckResult(tuple(problems), tuple(rows), len(files), tuple(unverified))


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


# --- command line ---------------------------------------------------------------------


def format_table(rows: Sequence[ReadabilityRow]) -> str:
    header = f"{'file':<50} {'variant':<8} {'FD':>6} {'min':>4} {'avg':>5} {'words':>5}  ok"
    lines = [header, "-" * len(header)]
    for row in rows:
        minimum = "-" if row.minimum is None else f"{row.minimum:.0f}"
        lines.append(
            f"{row.file:<50} {row.variant:<8} {row.score:>6.1f} {minimum:>4} "
            f"{row.avg_sentence_length:>5.1f} {row.word_count:>5}  {'ok' if row.ok else 'NO'}"
        )
    return "\n".join(lines)


def format_unverified(items: Sequence[Unverified]) -> str:
    """The report of claims nobody could compare with a source (not a failure)."""
    head = f"Niet geverifieerd ({len(items)}): controleer deze beweringen met de bron voor publicatie"
    return "\n".join([head, *(f"  - {item}" for item in items)] if items else [head, "  (geen)"])


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Check answer content files.")
    parser.add_argument("--dir", type=Path, default=None, help="content directory")
    parser.add_argument(
        "--domain",
        type=Path,
        nargs="*",
        default=None,
        help="Rasa domain files or directories (default: bot/rasa/domain/ if it exists)",
    )
    return parser.parse_args(argv)


def _default_domain_paths() -> list[Path]:
    return [DEFAULT_DOMAIN_DIR] if DEFAULT_DOMAIN_DIR.is_dir() else []


def main(argv: Sequence[str] | None = None, today: dt.date | None = None) -> int:
    args = _parse_args(argv)
    directory = args.dir if args.dir is not None else default_content_dir()
    domain = args.domain if args.domain is not None else _default_domain_paths()
    result = check_directory(directory, today or dt.date.today(), domain, OTHER_TEXT_FILES,
                             contacts.contacts_file())
    for problem in result.problems:
        print(problem)
    if result.rows:
        print()
        print(format_table(result.rows))
    print()
    print(format_unverified(result.unverified))
    print()
    if result.problems:
        print(f"FAILED: {len(result.problems)} problem(s) in {result.file_count} file(s)")
        return 1
    print(f"OK: {result.file_count} file(s) checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
