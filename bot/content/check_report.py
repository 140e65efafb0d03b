"""What the content check reports: a problem, an unverified claim, the result of a run, and how they
are printed (``python -m bot.content.check``)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.content.text_rules import ReadabilityRow


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


def _display(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


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
