"""One environment variable: its declaration (name, kind, default, processes, description) and how its raw
text becomes a typed value. Plain Python, no imports from the rest of ``bot``: every process may use it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[2]
KINDS = ("int", "float", "bool", "str", "list", "path", "secret", "choice", "date")
TRUE = ("1", "true", "ja", "yes", "on")
FALSE = ("0", "false", "nee", "no", "off")


class SettingsError(ValueError):
    """A variable holds a value its declaration does not allow. The message names the variable and what is
    allowed (in Dutch: operators read it). A ValueError, so callers that caught the old errors still do."""


@dataclass(frozen=True)
class Setting:
    name: str                          # WEGWIJZER_...; with family=True the prefix of a family (..._<SUFFIX>)
    kind: str                          # one of KINDS
    default: object                    # the typed value when unset or empty; None: unset (the reader decides)
    processes: tuple[str, ...]         # which processes read it (see PROCESSES in registry.py)
    description: str                   # one line, English
    minimum: Optional[float] = None    # int, float: smallest allowed value
    maximum: Optional[float] = None    # int, float: largest allowed value
    choices: tuple[str, ...] = ()      # choice: the allowed words (compared in lower case)
    min_chars: int = 0                 # secret: shortest allowed value
    pattern: str = ""                  # str: a regular expression the whole value must match
    pattern_text: str = ""             # str with pattern: what is allowed, in words (for the error)
    default_text: str = ""             # the default as the table shows it, when ``default`` alone does not say it
    family: bool = False               # the name is a prefix; every NAME<SUFFIX> is declared by this entry

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")

    def allowed(self) -> str:
        """What the variable accepts, in words (Dutch, for the error message and the table)."""
        if self.kind in ("int", "float"):
            what = "een geheel getal" if self.kind == "int" else "een getal"
            if self.minimum is not None and self.maximum is not None:
                return f"{what} van {_num(self.minimum)} tot en met {_num(self.maximum)}"
            if self.minimum is not None:
                return f"{what} van minstens {_num(self.minimum)}"
            if self.maximum is not None:
                return f"{what} van hoogstens {_num(self.maximum)}"
            return what
        if self.kind == "bool":
            return f"aan ({', '.join(TRUE)}) of uit ({', '.join(FALSE)})"
        if self.kind == "choice":
            return "een van: " + ", ".join(self.choices)
        if self.kind == "secret":
            return f"een geheim van minstens {self.min_chars} tekens" if self.min_chars else "een geheim"
        if self.kind == "list":
            return "een lijst, gescheiden door komma's"
        if self.kind == "path":
            return "een pad"
        if self.kind == "date":
            return "een datum JJJJ-MM-DD"
        return self.pattern_text or "tekst"

    def parse(self, raw: Optional[str], name: str = "") -> object:
        """The typed value of ``raw`` (unset or blank: the default). Raises SettingsError naming ``name``
        (a member of a family) or this setting."""
        if raw is None or not str(raw).strip():
            return self.default
        text = str(raw).strip()
        try:
            return self._parse(text)
        except (ValueError, TypeError, OverflowError):
            pass
        shown = "…" if self.kind == "secret" else repr(text)
        raise SettingsError(f"{name or self.name}={shown} is niet geldig: toegestaan is {self.allowed()}")

    def _parse(self, text: str) -> object:
        if self.kind in ("int", "float"):
            value = int(text) if self.kind == "int" else float(text)
            if value != value or (self.minimum is not None and value < self.minimum) \
                    or (self.maximum is not None and value > self.maximum):
                raise ValueError
            return value
        if self.kind == "bool":
            if text.lower() in TRUE:
                return True
            if text.lower() in FALSE:
                return False
            raise ValueError
        if self.kind == "choice":
            if text.lower() not in self.choices:
                raise ValueError
            return text.lower()
        if self.kind == "secret":
            if len(text) < self.min_chars:
                raise ValueError
            return text
        if self.kind == "list":
            return tuple(item.strip() for item in text.split(",") if item.strip())
        if self.kind == "path":
            return Path(text)
        if self.kind == "date":
            return date.fromisoformat(text)
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise ValueError
        return text

    def shown_default(self) -> str:
        """The default for the table."""
        if self.default_text:
            return self.default_text
        if self.default is None:
            return "(unset)"
        if isinstance(self.default, bool):
            return "1" if self.default else "0"
        if isinstance(self.default, tuple):
            return ",".join(self.default)
        if isinstance(self.default, Path):
            try:
                return str(self.default.relative_to(REPO))
            except ValueError:
                return str(self.default)
        return str(self.default)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
