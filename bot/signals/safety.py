"""Detects signs of danger in a user message: danger at home, domestic violence, (sexual) abuse,
suicidal thoughts and self-harm, also in youth spelling, with typos and inside a school question.

The patterns are data (``safety_patterns.yml``); this module normalises the text with
``bot.signals.normalize.normalize_for_matching``, removes idioms and hyperbole ("ik ga dood van
verveling", "die les slaat nergens op"), then tries the patterns per kind in priority order and
finally a fuzzy comparison of long key words ("zefmoord").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

import yaml

from bot.signals.normalize import normalize_for_matching
from bot.signals.placeholders import alternation, placeholder_compiler

try:  # rapidfuzz is a dependency of the project; without it only the fuzzy step is skipped.
    from rapidfuzz import fuzz, process
except ImportError:  # pragma: no cover
    fuzz = process = None  # type: ignore[assignment]

PATTERNS_FILE = Path(__file__).with_name("safety_patterns.yml")
KINDS = frozenset({"acuut_gevaar", "geweld_thuis", "misbruik", "zelfdoding", "zelfbeschadiging"})

_GAP = " . "  # what a neutralised idiom is replaced with: patterns cannot match across it


@dataclass(frozen=True)
class SafetySignal:
    kind: str
    matched: str  # the matched phrase, in normalised spelling


@dataclass(frozen=True)
class FuzzyRules:
    keywords: Mapping[str, str]  # key word -> kind
    min_length: int
    score_cutoff: float
    ignore: frozenset[str]


@dataclass(frozen=True)
class SafetyPatterns:
    neutralizers: tuple[re.Pattern[str], ...]
    rules: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern) in priority order
    fuzzy: FuzzyRules


def detect_danger(text: str) -> Optional[SafetySignal]:
    """The first sign of danger in ``text``, or None."""
    if not text or not text.strip():
        return None
    patterns = load_patterns()
    prepared = neutralize(normalize_for_matching(text), patterns.neutralizers)
    return _match_rules(prepared, patterns.rules) or _match_fuzzy(prepared, patterns.fuzzy)


def neutralize(text: str, neutralizers: Sequence[re.Pattern[str]]) -> str:
    for pattern in neutralizers:
        text = pattern.sub(_GAP, text)
    return text


@lru_cache(maxsize=1)
def load_patterns(path: Path = PATTERNS_FILE) -> SafetyPatterns:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    compile_ = _compiler(raw.get("macros") or {}, raw.get("vocab") or {})
    neutralizers = tuple(compile_(p) for p in raw.get("neutralize") or ())
    rules = tuple(
        (kind, compile_(p)) for kind, ps in _kinds(raw.get("kinds") or {}) for p in ps
    )
    return SafetyPatterns(neutralizers, rules, _fuzzy_rules(raw.get("fuzzy") or {}))


def _kinds(kinds: Mapping[str, Sequence[str]]) -> list[tuple[str, Sequence[str]]]:
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown safety kinds in {PATTERNS_FILE.name}: {sorted(unknown)}")
    return list(kinds.items())


def _compiler(
    macros: Mapping[str, str], vocab: Mapping[str, Sequence[str]]
) -> Callable[[str], re.Pattern[str]]:
    table = {name: str(value) for name, value in macros.items()}
    table.update({name: alternation(words) for name, words in vocab.items()})
    return placeholder_compiler(table, PATTERNS_FILE.name)


def _fuzzy_rules(raw: Mapping[str, Any]) -> FuzzyRules:
    keywords = {str(word): str(kind) for word, kind in (raw.get("keywords") or {}).items()}
    unknown = set(keywords.values()) - KINDS
    if unknown:
        raise ValueError(f"unknown safety kinds in fuzzy keywords: {sorted(unknown)}")
    return FuzzyRules(
        keywords=keywords,
        min_length=int(raw.get("min_length", 6)),
        score_cutoff=float(raw.get("score_cutoff", 86)),
        ignore=frozenset(str(word) for word in raw.get("ignore") or ()),
    )


def _match_rules(
    text: str, rules: Sequence[tuple[str, re.Pattern[str]]]
) -> Optional[SafetySignal]:
    for kind, pattern in rules:
        found = pattern.search(text)
        if found:
            return SafetySignal(kind=kind, matched=found.group(0).strip())
    return None


def _match_fuzzy(text: str, rules: FuzzyRules) -> Optional[SafetySignal]:
    if process is None or not rules.keywords:
        return None
    for word in text.split():
        if len(word) < rules.min_length or word in rules.ignore:
            continue
        best = process.extractOne(
            word, rules.keywords.keys(), scorer=fuzz.ratio, score_cutoff=rules.score_cutoff
        )
        if best:
            return SafetySignal(kind=rules.keywords[best[0]], matched=word)
    return None
