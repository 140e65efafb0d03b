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
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from bot.content import contacts
from bot.content.check_answers import check_file, unverified_claims
from bot.content.check_domain import default_domain_paths as _default_domain_paths
from bot.content.check_domain import load_domain_intents  # noqa: F401  (also imported from here by tests)
from bot.content.check_other_texts import OTHER_TEXT_FILES, contacts_file_problems, other_text_problems
from bot.content.check_report import CheckResult, Problem, Unverified, _display, format_table, format_unverified
from bot.content.loader import default_content_dir
from bot.content.text_rules import (  # noqa: F401  (also imported from here by tests and tools)
    _TEXT_VARIANTS, MAX_AVG_SENTENCE_LENGTH, MIN_SCORE, ReadabilityRow, chat_problems, contact_problems,
    contains_emoji, readability_problems, readability_row, screen_action_problems, voice_problems,
)

# One concern per file: the rules for one answer file (check_answers.py), the domain's intents
# (check_domain.py), the other texts and the national contacts file (check_other_texts.py), what is
# reported and how it is printed (check_report.py). This file walks the content directory and is the
# command line.


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
