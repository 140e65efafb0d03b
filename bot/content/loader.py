"""Load answer texts from YAML files, reloading a file when it changes on disk.

Contact keys (``{{ouders_onderwijs.telefoon}}``) are filled in per variant from
content/regio/landelijk.yml (``bot.content.contacts``); a changed contacts file re-fills every answer.
Content rules (readability, voice safety, ...) are enforced by ``bot.content.check``;
the loader only needs a file to be structurally valid. Malformed files are skipped
with a logged error so one broken file never takes the whole library down.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from bot import settings
from bot.content import contacts, source_dates
from bot.content.schema import SOORTEN, Source, parse_date  # noqa: F401 - Source: re-exported

logger = logging.getLogger(__name__)

CONTENT_DIR_ENV = "WEGWIJZER_CONTENT_DIR"
REPO_ROOT = Path(__file__).resolve().parents[2]
CHECK_INTERVAL_SECONDS = 1.0


class ContentError(ValueError):
    """A content file cannot be turned into an ``Answer``."""


@dataclass(frozen=True)
class UnverifiedClaim:
    bewering: str  # the claim in the text that nobody could compare with a source
    reden: str


@dataclass(frozen=True)
class Answer:
    id: str
    soort: str
    knop: str
    gecontroleerd: dt.date
    bronnen: tuple[Source, ...]
    tekst: Mapping[str, str] = field(hash=False)
    vervolg: tuple[str, ...] = ()
    niet_geverifieerd: tuple[UnverifiedClaim, ...] = ()


def default_content_dir() -> Path:
    """``$WEGWIJZER_CONTENT_DIR`` if set, else ``content/antwoorden`` in the repo."""
    return settings.read(CONTENT_DIR_ENV)


def _require_str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"'{key}' must be a non-empty string")
    return value


def _parse_sources(value: Any) -> tuple[Source, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ContentError("'bronnen' must be a list")
    sources = []
    for item in value:
        if not isinstance(item, Mapping):
            raise ContentError("every item in 'bronnen' needs 'naam' and 'url'")
        datum = source_dates.normalise(item.get("datum")) if item.get("datum") is not None else ""
        if datum is None:
            raise ContentError("'datum' of a source must be a year, YYYY-MM, YYYY-MM-DD or 'onbekend'")
        sources.append(Source(naam=_require_str(item, "naam"), url=_require_str(item, "url"), datum=datum))
    return tuple(sources)


def _parse_unverified(value: Any) -> tuple[UnverifiedClaim, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ContentError("'niet_geverifieerd' must be a list")
    claims = []
    for item in value:
        if not isinstance(item, Mapping):
            raise ContentError("every item in 'niet_geverifieerd' needs 'bewering' and 'reden'")
        claims.append(UnverifiedClaim(_require_str(item, "bewering"), _require_str(item, "reden")))
    return tuple(claims)


def _parse_texts(value: Any) -> Mapping[str, str]:
    """The variants with every contact key ({{org.veld}}) filled in from content/regio/landelijk.yml."""
    if not isinstance(value, Mapping) or not value:
        raise ContentError("'tekst' must be a mapping of variant to text")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ContentError("every 'tekst' variant must be a string")
    return MappingProxyType({k: contacts.fill(v, k) for k, v in value.items()})


def _parse_follow_ups(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError("'vervolg' must be a list of answer ids")
    return tuple(value)


def parse_answer(data: Any, expected_id: str) -> Answer:
    """Build an ``Answer`` from parsed YAML; raises ``ContentError`` if malformed."""
    if not isinstance(data, Mapping):
        raise ContentError("file must contain a YAML mapping")
    answer_id = _require_str(data, "id")
    if answer_id != expected_id:
        raise ContentError(f"id '{answer_id}' does not match file name '{expected_id}'")
    soort = _require_str(data, "soort")
    if soort not in SOORTEN:
        raise ContentError(f"'soort' must be one of {sorted(SOORTEN)}")
    checked = parse_date(data.get("gecontroleerd"))
    if checked is None:
        raise ContentError("'gecontroleerd' must be an ISO date")
    return Answer(
        id=answer_id,
        soort=soort,
        knop=_require_str(data, "knop"),
        gecontroleerd=checked,
        bronnen=_parse_sources(data.get("bronnen")),
        tekst=_parse_texts(data.get("tekst")),
        vervolg=_parse_follow_ups(data.get("vervolg")),
        niet_geverifieerd=_parse_unverified(data.get("niet_geverifieerd")),
    )


def load_answer_file(path: Path) -> Answer:
    """Read and parse one content file; raises ``ContentError`` (or ``OSError``)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(f"invalid YAML: {error}") from error
    return parse_answer(data, expected_id=path.stem)


@dataclass(frozen=True)
class _Entry:
    stamp: tuple  # (mtime_ns, size, stamp of the contacts file the texts were filled from)
    answer: Answer | None
    error: str | None = None


class ContentLibrary:
    """All answers in a directory, kept in sync with the files on disk.

    The directory is scanned (one ``stat`` per file) at most once per ``check_interval``
    seconds, triggered by ``get``/``all``; changed files are re-read. Thread-safe.
    """

    def __init__(
        self,
        directory: Path | str | None = None,
        *,
        check_interval: float = CHECK_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = Path(directory) if directory is not None else default_content_dir()
        self._check_interval = check_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self._last_scan: float | None = None
        self._warned_missing_dir = False
        self._refresh()

    def get(self, answer_id: str) -> Answer | None:
        self._refresh()
        with self._lock:
            entry = self._entries.get(answer_id)
        return entry.answer if entry else None

    def all(self) -> dict[str, Answer]:
        self._refresh()
        with self._lock:
            return {k: e.answer for k, e in sorted(self._entries.items()) if e.answer}

    def errors(self) -> dict[str, str]:
        """Answer id -> error message for files that could not be loaded."""
        self._refresh()
        with self._lock:
            return {k: e.error for k, e in sorted(self._entries.items()) if e.error}

    def _refresh(self) -> None:
        with self._lock:
            now = self._clock()
            if self._last_scan is not None and now - self._last_scan < self._check_interval:
                return
            self._last_scan = now
            self._entries = self._scan()

    def _scan(self) -> dict[str, _Entry]:
        entries: dict[str, _Entry] = {}
        contacts_stamp = contacts.file_stamp()  # a changed number re-fills every answer
        for path in self._content_files():
            try:
                stat = path.stat()
            except OSError:
                continue  # removed between listing and stat
            stamp = (stat.st_mtime_ns, stat.st_size, contacts_stamp)
            previous = self._entries.get(path.stem)
            if previous is not None and previous.stamp == stamp:
                entries[path.stem] = previous
            else:
                entries[path.stem] = self._load(path, stamp)
        return entries

    def _content_files(self) -> list[Path]:
        if not self.directory.is_dir():
            if not self._warned_missing_dir:
                logger.warning("Content directory %s does not exist", self.directory)
                self._warned_missing_dir = True
            return []
        self._warned_missing_dir = False
        return sorted(self.directory.glob("*.yml"))

    @staticmethod
    def _load(path: Path, stamp: tuple) -> _Entry:
        try:
            return _Entry(stamp, load_answer_file(path))
        except (ContentError, OSError) as error:
            logger.error("Skipping content file %s: %s", path, error)
            return _Entry(stamp, None, str(error))
