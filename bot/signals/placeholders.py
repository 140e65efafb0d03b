"""Regular expressions with named placeholders, as the pattern files write them.

``bot/signals/safety_patterns.yml`` and ``bot/nlu/contact_wish.yml`` write "<family> <w>{0,2}slaat" or
"<iemand> <mij> <contact>": a placeholder stands for a piece of regex (a macro) or for a list of
words (an alternation, longest first). One compiler for both, so a pattern reads the same everywhere.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence

PLACEHOLDER = re.compile(r"<([a-z_]+)>")


def alternation(words: Sequence[Any]) -> str:
    """ "(?:a b|a|b)": the phrases as one group, longest first so the longest one matches."""
    phrases = sorted({str(word) for word in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(phrase) for phrase in phrases) + ")"


def placeholder_compiler(table: Mapping[str, str], source: str) -> Callable[[str], re.Pattern[str]]:
    """A function that compiles a pattern with every ``<name>`` replaced from ``table``; an unknown
    name is an error that names ``source`` (the pattern file)."""
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise ValueError(f"unknown placeholder <{name}> in {source}")
        return table[name]

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(PLACEHOLDER.sub(expand, pattern))

    return compile_
