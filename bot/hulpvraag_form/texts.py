"""The texts of the help-request form, read from content/hulpvraag/*.yml.

Each file has ``teksten`` (key -> variants ``ouder``/``jongere``/``spraak``) and optionally
``labels`` (key -> one short text for buttons and the summary). Keys are unique over all files.
Contact keys (``{{ouders_onderwijs.telefoon}}``) are filled in first from content/regio/landelijk.yml
(``bot.content.contacts``). Templates use ``{name}`` placeholders from ``PLACEHOLDERS``; values are inserted as they are, never
formatted again. Files are re-read when they change (modification time), so an edited text is
live at the next message without a restart. The rules are checked by ``check_texts``.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from bot import settings
from bot.content import contacts
from bot.hulpvraag_form import fields as F

CONTENT_DIR = settings.read("WEGWIJZER_HULPVRAAG_DIR")
VARIANTS = ("ouder", "jongere", "spraak")
PLACEHOLDERS = frozenset({"contactpunt", "gemeente", "opties", "referentie", "termijn", "leeftijd",
                          "max", "lengte"})
# sample values used by the checker to measure readability with the placeholders filled in
SAMPLE_VALUES: Mapping[str, str] = {
    "contactpunt": "Leerplicht Zaanstad", "gemeente": "Zaanstad", "opties": "Bergen of Bergen",
    "referentie": "HV 4 8 2 7", "termijn": "drie werkdagen", "leeftijd": "dertig", "max": "duizend",
    "lengte": "tweeduizend",
}


class TextMissing(KeyError):
    pass


@dataclass(frozen=True)
class TextFile:
    path: Path
    data: Mapping[str, Any]


def field_keys() -> list[str]:
    """Text keys the form needs for its fields (questions, reasons, errors, explanations)."""
    keys = []
    for spec in F.FIELDS:
        keys.append(f"vraag_{spec.name}")
        if spec.slot not in (F.TOESTEMMING, F.BEVESTIGD):
            keys += [f"waarom_{spec.name}", f"uitleg_{spec.name}"]
        keys += [f"fout_{spec.name}_{code}" for code in spec.errors if code != "nee"]
    return keys


FIXED_KEYS = (
    "intro", "uit_verhaal", "mag_overslaan", "overgeslagen", "opties_optioneel", "opties_verplicht",
    "niet_overslaan", "gestopt", "bsn", "tegenspraak_jongere", "tegenspraak_ouder",
    "info_andere_taal", "toestemming_nee", "jonger_dan_16", "vraag_wat_aanpassen",
    "aanpassen_ok", "samenvatting_kop", "bevestiging", "bevestiging_jonger_dan_16",
    "opslaan_mislukt", "ingetrokken", "intrekken_al_verwerkt", "intrekken_niet_gevonden",
    "intrekken_mislukt", "fout_aanpassen_onbekend",
)
LABEL_KEYS = (
    "knop_ja", "knop_nee", "knop_stoppen", "knop_overslaan", "knop_versturen", "knop_aanpassen",
    "knop_toestemming", "rol_ouder", "rol_jongere", "rol_professional", "niet_ingevuld",
    "label_rol", "label_gemeente", "label_leeftijd", "label_schooltype", "label_thuis_sinds",
    "label_geprobeerd", "label_hulpvraag", "label_contact", "label_voorkeurstijd", "jaar",
    "telefoon", "email", "geprobeerd_school", "geprobeerd_leerplicht",
    "geprobeerd_samenwerkingsverband", "geprobeerd_onderwijsconsulent", "geprobeerd_jeugdhulp",
    "geprobeerd_nog niets", "tijd_ochtend", "tijd_middag", "tijd_avond", "tijd_maakt niet uit",
    "school_basisschool", "school_voortgezet onderwijs", "school_speciaal onderwijs", "school_mbo",
)


def required_text_keys() -> list[str]:
    return field_keys() + list(FIXED_KEYS)


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, Any]) -> str:
    """Insert ``params`` into ``{name}`` placeholders; unknown names stay as they are."""
    try:
        return template.format_map(_KeepMissing({k: str(v) for k, v in params.items()}))
    except (ValueError, IndexError, AttributeError):  # a stray brace in an edited text
        return template


class HulpvraagTexts:
    """All texts of the form, reloaded when a file changes."""

    def __init__(self, directory: Path | str | None = None):
        self.directory = Path(directory) if directory else CONTENT_DIR
        self._lock = threading.Lock()
        self._stamp: Optional[tuple] = None
        self._texts: dict[str, Mapping[str, str]] = {}
        self._labels: dict[str, str] = {}

    def _current_stamp(self) -> tuple:
        files = sorted(self.directory.glob("*.yml"))
        return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)

    def _refresh(self) -> None:
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return
        with self._lock:
            texts: dict[str, Mapping[str, str]] = {}
            labels: dict[str, str] = {}
            for file in load_files(self.directory):
                for key, variants in (file.data.get("teksten") or {}).items():
                    if isinstance(variants, Mapping):
                        texts[str(key)] = {str(k): str(v) for k, v in variants.items()}
                for key, value in (file.data.get("labels") or {}).items():
                    labels[str(key)] = str(value)
            self._texts, self._labels, self._stamp = texts, labels, stamp

    def text(self, key: str, variant: str, **params: Any) -> str:
        self._refresh()
        variants = self._texts.get(key)
        if not variants:
            raise TextMissing(key)
        template = variants.get(variant) or variants.get("ouder") or ""
        return fill(contacts.fill(template.strip(), variant), params)

    def has(self, key: str) -> bool:
        self._refresh()
        return key in self._texts

    def has_label(self, key: str) -> bool:
        self._refresh()
        return key in self._labels

    def label(self, key: str) -> str:
        self._refresh()
        if key not in self._labels:
            raise TextMissing(key)
        return self._labels[key]


def load_files(directory: Path) -> list[TextFile]:
    files = []
    for path in sorted(Path(directory).glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # the checker reports it; the form keeps working with the other files
        if isinstance(data, Mapping):
            files.append(TextFile(path, data))
    return files


_DEFAULT: Optional[HulpvraagTexts] = None


def default_texts() -> HulpvraagTexts:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = HulpvraagTexts()
    return _DEFAULT
