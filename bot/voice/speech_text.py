"""Turns the assistant's messages into text a phone can read aloud.

The actions already send the voice-safe ``spraak`` variant on the phone channel; this module is the
last line of defence for anything else (a regional line, a chat variant, hostile text): it removes
web addresses, markdown, emoji and control characters, reads phone numbers as digits in groups
("0800-5010" -> "0 8 0 0, 5 0 1 0"), reads buttons as spoken choices and puts the one question of a
turn last, so it can be asked inside <Gather>.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence

MAX_TURN_CHARS = 3000  # Twilio reads at most 4096 characters per <Say>; a phone turn should be short
MAX_CHOICES = 3

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"]", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"\b(?:[a-z0-9][a-z0-9-]*\.)+(?:nl|com|org|net|eu|info|be|gov|io)\b(?:/[^\s<>]*[^\s<>.,;:!?)\]'\"])?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SOURCE_LINE = re.compile(r"^\s*(?:Bron|Bronnen)\s*:", re.IGNORECASE)
_MARKDOWN_CHARS = re.compile(r"[*_#`~|\[\]{}<>^\\/]")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s\-‐‑–.()]*\d(?![\w])")
_SHORT_SERVICE = re.compile(r"(?<![\w\d])(11[23]|116\s?\d{3}|14\s?0\d{2,3})(?![\w\d])")
_SENTENCE = re.compile(r"(?:[^.!?]|\.(?=\d))+(?:[.!?]+|$)")  # "9.30 uur" is no sentence end
_SPACES = re.compile(r"[ \t\u00a0]+")
_ALTERNATIVE = re.compile(r"(?:of|en)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SpokenTurn:
    """What the phone says in one turn: ``parts`` first (one <Say> each), then ``prompt`` inside
    <Gather>: the spoken choices and the one question, last."""
    parts: tuple[str, ...]
    prompt: str
    own_question: bool = False  # the prompt is the assistant's own question, not the default one


# --- characters ---------------------------------------------------------------------------


def _speakable_char(ch: str) -> str:
    if ch in "\n\t":
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk"):
        return " "  # control and format characters, emoji, pictographs, skin tones
    return ch


def strip_unspeakable(text: str) -> str:
    return "".join(_speakable_char(ch) for ch in text)


# --- numbers ------------------------------------------------------------------------------


def _split_digits(digits: str) -> list[str]:
    """Groups a number written without separators the way it is said in the Netherlands."""
    if digits.startswith(("08", "09")) and 7 <= len(digits) <= 11:
        return [digits[:4], *_chunks(digits[4:], 4)]
    if digits.startswith("06") and len(digits) == 10:
        return [digits[:2], digits[2:6], digits[6:]]
    if len(digits) == 10:
        return [digits[:3], digits[3:6], digits[6:8], digits[8:]]
    return _chunks(digits, 4)


def _chunks(digits: str, size: int) -> list[str]:
    return [digits[i:i + size] for i in range(0, len(digits), size)] if digits else []


def say_digits(groups: Sequence[str]) -> str:
    return ", ".join(" ".join(group) for group in groups if group)


def _phone(match: re.Match[str]) -> str:
    raw = match.group(0)
    digits = re.sub(r"\D", "", raw)
    international = raw.startswith(("+", "00"))
    groups = [g for g in re.split(r"[\s\-‐‑–.()]+", raw.lstrip("+")) if g]
    if not (8 <= len(digits) <= 13) or not (digits.startswith("0") or international):
        return raw  # a year, an amount, an already grouped number ("0 8 0 0"): leave it
    if all(len(g) == 1 for g in groups):
        return raw
    if len(groups) == 1:
        groups = _split_digits(digits)
    spoken = say_digits(groups)
    return f"plus {spoken}" if raw.startswith("+") else spoken


def group_numbers(text: str) -> str:
    """Phone numbers and short service numbers as separate digits, in groups."""
    text = _PHONE.sub(_phone, text)
    return _SHORT_SERVICE.sub(lambda m: say_digits(m.group(1).split()), text)


# --- text ---------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if _SOURCE_LINE.match(line):
            continue  # the chat variants' source line is not read aloud
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        if line[-1] not in ".!?:;,":
            line += "."
        lines.append(line)
    return lines


def speakable(text: Optional[str]) -> str:
    """One message as plain spoken text (no URL, markdown, emoji; numbers grouped)."""
    if not text:
        return ""
    text = strip_unspeakable(str(text))
    text = _MD_LINK.sub(r"\1", text)
    text = _URL.sub("de website", text)
    text = _EMAIL.sub("het e-mailadres op de website", text)
    text = _DOMAIN.sub("de website", text)
    text = text.replace("&", " en ")
    text = " ".join(_lines(text))
    text = _MARKDOWN_CHARS.sub(" ", text)
    text = group_numbers(text)
    text = text.replace("(", ", ").replace(")", ", ")
    text = re.sub(r"\s+([,.!?:;])", r"\1", _SPACES.sub(" ", text))
    text = re.sub(r",\s*([.!?:;])", r"\1", text)
    text = re.sub(r"([.!?:;]),", r"\1", text)
    text = re.sub(r",{2,}", ",", text)
    return text.strip(" ,")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip(" .!?")]


def split_question(text: str) -> tuple[str, Optional[str]]:
    """(text without its closing question, the closing question) for one spoken message.

    The caller hears one question: questions right before the closing one are merged into it when
    it offers an alternative ("Bent u ouder? Of bent u een jongere?" -> "Bent u ouder, of bent u
    een jongere?"), else dropped ("Heeft u gebeld? Wat wilt u weten?" -> "Wat wilt u weten?").
    """
    parts = sentences(text)
    if not parts or not parts[-1].endswith("?"):
        return text, None
    question = parts.pop()
    while parts and parts[-1].endswith("?"):
        previous = parts.pop()
        if _ALTERNATIVE.match(question):
            question = f"{previous[:-1].rstrip()}, {question[0].lower()}{question[1:]}"
    return " ".join(parts), question


def spoken_choices(titles: Iterable[str], say: str = "Zeg", or_word: str = "of") -> str:
    """["Schorsing", "Verwijdering"] -> "Zeg: schorsing, of: verwijdering." """
    words = []
    for title in titles:
        word = speakable(title).strip(" .!?:;,")
        if word and word.lower() not in (w.lower() for w in words):
            words.append(word[0].lower() + word[1:] if not word[:2].isupper() else word)
    words = words[:MAX_CHOICES]
    if not words:
        return ""
    if len(words) == 1:
        return f"{say}: {words[0]}."
    return f"{say}: {', '.join(words[:-1])}, {or_word}: {words[-1]}."


def _button_titles(message: Mapping[str, Any]) -> list[str]:
    buttons = message.get("buttons") or []
    if not isinstance(buttons, list):
        return []
    return [b["title"] for b in buttons if isinstance(b, Mapping) and isinstance(b.get("title"), str)]


def _cap(parts: list[str]) -> list[str]:
    kept, total = [], 0
    for part in parts:
        if total + len(part) > MAX_TURN_CHARS:
            room = MAX_TURN_CHARS - total
            cut = " ".join(s for s in _fit(sentences(part), room))
            if cut:
                kept.append(cut)
            break
        kept.append(part)
        total += len(part)
    return kept


def _fit(items: list[str], room: int) -> list[str]:
    out, used = [], 0
    for item in items:
        if used + len(item) + 1 > room:
            break
        out.append(item)
        used += len(item) + 1
    return out


def _not_said_before(text: str, said: set[str]) -> str:
    """``text`` without sentences already said in this turn (two messages that both say "Zeg de
    cijfers een voor een." are heard once)."""
    kept, dropped = [], False
    for sentence in sentences(text):
        key = sentence.lower()
        if key in said:
            dropped = True
            continue
        said.add(key)
        kept.append(sentence)
    return " ".join(kept) if dropped else text


def speak_turn(
    messages: Sequence[Mapping[str, Any]],
    default_question: str,
    say: str = "Zeg",
    or_word: str = "of",
) -> SpokenTurn:
    """All bot messages of one turn -> what is said, with the one question last.

    A question that closes a message is moved out of it; the last such question of the turn is
    asked at the end (after the spoken choices), earlier ones are dropped, so the caller hears one
    question. Questions inside a message ("Is er gevaar, bel dan 1 1 2.") stay where they are.
    Without a question of its own the turn ends with ``default_question``.
    """
    parts: list[str] = []
    question: Optional[str] = None
    choices = ""
    said: set[str] = set()
    for message in messages:
        if not isinstance(message, Mapping):
            continue
        text, asked = split_question(speakable(message.get("text")))
        text = _not_said_before(text, said)
        if text:
            parts.append(text)
        if asked:
            question = asked
        titles = _button_titles(message)
        if titles:
            choices = spoken_choices(titles, say, or_word)
    prompt_question = question or default_question
    prompt = f"{choices} {prompt_question}".strip() if choices else prompt_question
    return SpokenTurn(parts=tuple(_cap(parts)), prompt=prompt, own_question=question is not None)
