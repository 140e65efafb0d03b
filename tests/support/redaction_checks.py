"""Shared checks for the redaction tests: is a piece fully masked (every letter and digit inside a finding),
and which school names were found."""
from __future__ import annotations

from typing import Optional

from bot.privacy.redaction import find_personal_data


def masked(text: str, piece: str, kind: Optional[str] = None) -> bool:
    """Every letter and digit of ``piece`` lies inside a finding (of ``kind``, or of any kind)."""
    start = text.index(piece)
    spans = [s for s in find_personal_data(text) if kind is None or s.kind == kind]
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(piece)) if text[i].isalnum())


def schools(text: str) -> list[str]:
    return [s.text for s in find_personal_data(text) if s.kind == "school"]
