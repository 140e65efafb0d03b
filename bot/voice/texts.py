"""Loads the phone channel's own spoken texts (``texts.yml``): re-prompt, goodbye, errors, hints.

Phone numbers are written by key (``{{ouders_onderwijs.telefoon}}``) and filled in, spoken digit by
digit, from content/regio/landelijk.yml (``bot.content.contacts``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.content import contacts

TEXTS_FILE = Path(__file__).with_name("texts.yml")
_REQUIRED = ("kennismaking", "stilte", "stilte_vraag", "stilte_afscheid", "standaardvraag",
             "keuze_zeg", "keuze_of", "herhaal_leeg", "fout", "ongeldig", "verder", "verder_einde")


@dataclass(frozen=True)
class VoiceTexts:
    kennismaking: str
    stilte: str
    stilte_vraag: str
    stilte_afscheid: str
    standaardvraag: str
    keuze_zeg: str
    keuze_of: str
    herhaal_leeg: str
    fout: str
    ongeldig: str
    verder: str
    verder_einde: str
    hints: tuple[str, ...] = ()


def parse_texts(data: object) -> VoiceTexts:
    if not isinstance(data, dict):
        raise ValueError("texts.yml: expected a mapping")
    missing = [key for key in _REQUIRED if not isinstance(data.get(key), str) or not data[key].strip()]
    if missing:
        raise ValueError(f"texts.yml: missing or empty: {', '.join(missing)}")
    hints = data.get("hints") or []
    if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
        raise ValueError("texts.yml: hints must be a list of words")
    values = {key: contacts.fill(" ".join(data[key].split()), contacts.VOICE) for key in _REQUIRED}
    return VoiceTexts(**values, hints=tuple(h.strip() for h in hints if h.strip()))


def load_texts(path: Path = TEXTS_FILE) -> VoiceTexts:
    """The texts with contact keys filled in; re-read when this file or landelijk.yml changes."""
    return _load(path, _stamp(path), contacts.file_stamp())


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, _file_stamp, _contacts_stamp) -> VoiceTexts:
    return parse_texts(yaml.safe_load(path.read_text(encoding="utf-8")))
