"""Shared checks for the redaction tests: is a piece fully masked (every letter and digit inside a finding),
and which school names were found."""
from __future__ import annotations

from typing import Optional

from bot.privacy.redaction import find_personal_data

# The linearity guards: 100,000 characters of one repeated hostile form must take less CPU time than this.
# Linear rules take 2-3 s on a loaded 2-core machine (up to 4.8 s seen once in session 15, on session 14's
# code); a quadratic rule takes minutes here, so the guard still catches what it is for without failing on a
# slow machine. Speed itself is measured in bench/, not here.
LINEAR_CPU_SECONDS = 10.0


def masked(text: str, piece: str, kind: Optional[str] = None) -> bool:
    """Every letter and digit of ``piece`` lies inside a finding (of ``kind``, or of any kind)."""
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if kind is None or s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


def schools(text: str) -> list[str]:
    return [s.text for s in find_personal_data(text) if s.kind == "school"]
