"""Steps a family already took, read from free text: "we hebben met school gepraat",
"leerplicht gebeld", "er was een mdo", "bij het swv aangeklopt", "klacht ingediend",
"leerplicht nog niet gebeld" (-> not done), "school reageert niet" (-> tried, counts as done).

How it works (patterns are data: ``extract_steps.yml``):
1. The prepared text is cut into clauses at sentence ends, commas and "maar".
2. In a clause every mention of a step's object (school, leerplicht, swv, ...) opens a segment that
   runs to the next mention. A segment without a verb borrows the verb of the next segment
   ("met school en leerplicht gebeld"), also across a comma when its clause has no verb at all.
3. A segment with a "tried" phrase ("wil niet helpen") counts as done; otherwise a negation makes the
   step not done, a future or question makes it unknown, a past verb or event makes it done.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.stappenplan.extract_dates import prepare
from bot.stappenplan.situation import STEPS

PATTERNS_FILE = Path(__file__).with_name("extract_steps.yml")
_CLAUSE_SPLIT = re.compile(
    r"[.;!?](?!\d)|,(?!\d)|\bmaar\b|\s-\s|\n|\b(?:want|omdat|doordat|dus|terwijl|zodat|alleen)\b"
    r"|\ben (?=(?:hij|zij|ze|we|wij|ik|er|toen|nu|daarna|ook|sinds|verder)\b)")


@dataclass(frozen=True)
class StepPatterns:
    objects: tuple[tuple[str, re.Pattern[str], Optional[re.Pattern[str]]], ...]
    done: re.Pattern[str]
    future: re.Pattern[str]
    negation: re.Pattern[str]
    tried: re.Pattern[str]


@dataclass(frozen=True)
class _Mention:
    step: str
    start: int
    end: int


@lru_cache(maxsize=1)
def load_patterns(path: Path = PATTERNS_FILE) -> StepPatterns:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    objects = []
    for step, data in (raw.get("objecten") or {}).items():
        if step not in STEPS:
            raise ValueError(f"{path.name}: unknown step {step!r}")
        words = sorted((str(w) for w in data.get("woorden") or ()), key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
        exclude = re.compile(data["niet_als"]) if data.get("niet_als") else None
        objects.append((step, pattern, exclude))

    def words(key: str) -> re.Pattern[str]:
        items = sorted((str(w) for w in raw.get(key) or ()), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(items) + r")(?!\w)")

    return StepPatterns(tuple(objects), words("gedaan"), words("toekomst"), words("ontkenning"),
                        words("geprobeerd"))


def extract_steps(text: str, prepared: bool = False) -> dict[str, bool]:
    """Step -> True (done or tried) / False (explicitly not done). Unmentioned steps are absent."""
    t = text if prepared else prepare(text)
    patterns = load_patterns()
    result: dict[str, bool] = {}
    clauses = _clauses(t)
    for index, (clause, is_question) in enumerate(clauses):
        mentions = _mentions(clause, patterns)
        if not mentions:
            continue
        segments = [clause[m.start:(mentions[i + 1].start if i + 1 < len(mentions) else len(clause))]
                    for i, m in enumerate(mentions)]
        prefix = clause[:mentions[0].start]
        last: Optional[bool] = None
        for i, mention in enumerate(mentions):
            segment = segments[i]
            if i == 0:
                segment = prefix + segment
            verdict = _judge(segment, patterns, is_question)
            j = i + 1
            while verdict is None and j < len(segments) and not _has_verb(segment, patterns):
                verdict = _judge(segments[j], patterns, is_question)  # "school en leerplicht gebeld"
                segment = segments[j]
                j += 1
            if verdict is None and not any(_has_verb(s, patterns) for s in segments) and index + 1 < len(clauses):
                nxt, nxt_question = clauses[index + 1]
                if not _mentions(nxt, patterns):
                    verdict = _judge(nxt, patterns, nxt_question)  # "school, leerplicht: allebei gebeld"
            if verdict is None and i > 0 and not _has_verb(segments[i], patterns):
                verdict = last  # "met school gepraat, leerplicht en swv": the verb goes before the list
            if verdict is not None:
                result[mention.step] = verdict
            last = verdict
    return result


def _clauses(t: str) -> list[tuple[str, bool]]:
    """Clauses with a flag "is a question". A clause that lists steps without any verb is joined
    with the next one when only a comma or "en" separates them ("school, leerplicht en swv gebeld")."""
    patterns = load_patterns()
    raw: list[tuple[str, str]] = []
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(t):
        raw.append((t[pos:m.start()], m.group(0)))
        pos = m.end()
    raw.append((t[pos:], ""))
    out: list[tuple[str, bool]] = []
    carry, previous_sep = "", ""
    for text, sep in raw:
        text = f"{carry} {text}".strip() if carry else text.strip()
        carry = ""
        verbless = bool(_mentions(text, patterns)) and not _has_verb(text, patterns)
        if verbless and sep == ",":
            carry = text
            continue
        if verbless and previous_sep == "," and out:
            out[-1] = (f"{out[-1][0]} , {text}", out[-1][1] or sep == "?")  # "met school, leerplicht en swv"
        elif text:
            out.append((text, sep == "?"))
        previous_sep = sep
    if carry:
        out.append((carry, False))
    return out


def _mentions(clause: str, patterns: StepPatterns) -> list[_Mention]:
    found: list[_Mention] = []
    for step, pattern, exclude in patterns.objects:
        excluded = [(m.start(), m.end()) for m in exclude.finditer(clause)] if exclude else []
        for m in pattern.finditer(clause):
            if any(s <= m.start() < e for s, e in excluded):
                continue
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            found.append(_Mention(step, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    # the same step twice in a row ("de mentor en de directeur") is one mention
    merged: list[_Mention] = []
    for f in found:
        if merged and merged[-1].step == f.step:
            continue
        merged.append(f)
    return merged


def _has_verb(segment: str, patterns: StepPatterns) -> bool:
    return bool(patterns.done.search(segment) or patterns.tried.search(segment)
                or patterns.future.search(segment))


def _judge(segment: str, patterns: StepPatterns, is_question: bool) -> Optional[bool]:
    if patterns.tried.search(segment):
        return True
    if patterns.negation.search(segment):
        return False if (patterns.done.search(segment) or not patterns.future.search(segment)) else None
    if is_question or patterns.future.search(segment):
        return None
    if patterns.done.search(segment):
        return True
    return None
