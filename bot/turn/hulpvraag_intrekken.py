"""Finding which help request a user wants to withdraw (plain Python)."""
from __future__ import annotations

import re
from typing import Optional, Sequence

WITHDRAW_PREFIX = "intrekken:"
# Reference numbers look like WW-7K3F-9Q2M; people type them in lower case, with spaces or without dashes.
_REFERENCE = re.compile(r"(?<![0-9A-Z])WW[\s-]*([0-9A-Z]{4})[\s-]*([0-9A-Z]{4})(?![0-9A-Z])", re.IGNORECASE)


def find_reference(text: str) -> Optional[str]:
    """The first reference number in the text, normalised to WW-XXXX-XXXX."""
    match = _REFERENCE.search(text[:2000] if text else "")
    if not match:
        return None
    return f"WW-{match.group(1).upper()}-{match.group(2).upper()}"


def pending_withdrawal(references: Sequence[str]) -> Optional[str]:
    """The request to ask about when the user did not say which: only if there is exactly one."""
    unique = list(dict.fromkeys(r for r in references if isinstance(r, str)))
    return unique[0] if len(unique) == 1 else None
