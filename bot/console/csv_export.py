"""CSV of the help-request inbox (the filtered list), for a regional contact point.

Cells are escaped against formula injection (CSV injection): a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text and
never evaluates it (OWASP's advice). Separator ``;`` and a UTF-8 byte order mark: a Dutch Excel opens it
as columns with the accents intact. Free text and contact details are masked unless ``reveal``
(only for roles that may see originals; the caller decides and audits).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

# (column title, function of (request row with labels, reveal) → cell)
COLUMNS = ("Referentie", "Binnengekomen", "Reactie uiterlijk", "Termijn", "Status", "Gemeente", "Contactpunt",
           "Toegewezen aan", "Aanvrager", "Leeftijd kind", "Schoolfase", "Schooltype", "Thuis sinds",
           "Al geprobeerd", "Hulpvraag", "Telefoon", "E-mail", "Voorkeurstijd", "Kanaal")
PERSONAL = ("Hulpvraag", "Thuis sinds", "Voorkeurstijd", "Schoolfase", "Schooltype")   # free text: masked
CONTACT = ("Telefoon", "E-mail")                                                      # hidden unless reveal


def escape_cell(value) -> str:
    """A cell as text; a formula-like start is neutralised with a leading apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def masked_row(row: dict, redact: Callable[[str], str], reveal: bool) -> dict:
    """``row`` (column title → value) with free text redacted and contact details hidden unless ``reveal``."""
    if reveal:
        return dict(row)
    out = dict(row)
    for name in CONTACT:
        if out.get(name):
            out[name] = "[verborgen]"
    for name in PERSONAL:
        if isinstance(out.get(name), str) and out[name]:
            out[name] = redact(out[name])
    return out


def to_csv(rows: Iterable[dict], redact: Callable[[str], str], reveal: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        shown = masked_row(row, redact, reveal)
        writer.writerow([escape_cell(shown.get(name)) for name in COLUMNS])
    return BOM + buffer.getvalue()
