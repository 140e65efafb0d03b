"""Reading the region source files: CSV (with delimiter sniffing) and XLSX rows, header and code
normalisation. Shared by the bootstrap importer and the official refresh formats."""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from pathlib import Path

class ImporterError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# reading helpers


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


def _sniff_rows(path: Path) -> list[list[str]]:
    """Read a CSV (any of , ; tab as delimiter, utf-8/utf-8-sig/latin-1) or XLSX as rows of strings."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl  # type: ignore
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImporterError(f"{path.name}: XLSX lezen vereist openpyxl (niet geïnstalleerd); "
                                "exporteer als CSV of installeer openpyxl") from exc
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [["" if v is None else str(v).strip() for v in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
        return [r for r in rows if any(r)]
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    first = text.splitlines()[0] if text else ""
    delim = max([";", ",", "\t", "|"], key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    return [[c.strip() for c in row] for row in reader if any(c.strip() for c in row)]


def _hdr(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", name.upper())


_SWV_CODE = re.compile(r"^\s*(PO|VO)\s*[-. ]?\s*(\d{2})\s*[-. ]?\s*(\d{2})\s*$", re.I)


def swv_code(value: str) -> str | None:
    """'PO 20.01', 'PO20-01', 'po2001' -> 'PO2001'."""
    m = _SWV_CODE.match(value or "")
    if not m:
        return None
    return f"{m.group(1).upper()}{m.group(2)}{m.group(3)}"


def _gm(value: str) -> str | None:
    v = (value or "").strip().upper()
    if re.fullmatch(r"GM\d{4}", v):
        return v
    if re.fullmatch(r"\d{1,4}", v):
        return "GM" + v.zfill(4)
    return None


def _file_date(path: Path) -> str:
    return _dt.date.fromtimestamp(Path(path).stat().st_mtime).isoformat()
