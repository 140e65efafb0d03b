"""A municipality's name as an answer shows it."""
from __future__ import annotations

from typing import Optional


def display_name(municipality: Optional[dict]) -> str:
    """Name to show: 'Zaanstad', 'Bergen (Noord-Holland)' (short name unless it is ambiguous)."""
    if not municipality:
        return ""
    naam, kort = municipality.get("naam", ""), municipality.get("korte_naam") or municipality.get("naam", "")
    if "(" in naam and municipality.get("provincie"):
        return f"{kort} ({municipality['provincie']})"
    return kort
