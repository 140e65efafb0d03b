"""Official refresh formats a municipality downloads later: DUO "Adressen samenwerkingsverbanden"
(CSV/XLSX), CBS "Gebieden in Nederland" and CBS postcode-huisnummer (pc6hnr). Each applies to a
``Build`` from ``bot.regio.bootstrap`` and overrides or extends the bootstrap data."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from bot.regio.normalize import split_suffix
from bot.regio.source_files import ImporterError, _file_date, _gm, _hdr, _sniff_rows, swv_code

if TYPE_CHECKING:
    from bot.regio.bootstrap import Build

_DUO_COLS = {
    "code": ["SAMENWERKINGSVERBAND", "SWV", "SWVNUMMER", "CODESAMENWERKINGSVERBAND", "NUMMERSAMENWERKINGSVERBAND",
             "SAMENWERKINGSVERBANDNUMMER", "CODE"],
    "naam": ["NAAMSAMENWERKINGSVERBAND", "NAAMSWV", "SAMENWERKINGSVERBANDNAAM", "NAAM", "INSTELLINGSNAAM"],
    "straat": ["STRAATNAAM", "STRAAT", "ADRES"],
    "huisnummer": ["HUISNUMMERTOEVOEGING", "HUISNUMMER"],
    "postcode": ["POSTCODE"],
    "plaats": ["PLAATSNAAM", "PLAATS", "WOONPLAATS"],
    "telefoon": ["TELEFOONNUMMER", "TELEFOON", "TEL"],
    "website": ["INTERNETADRES", "WEBSITE", "URL"],
    "email": ["EMAILADRES", "EMAIL", "EMAILADRESSAMENWERKINGSVERBAND"],
}


def _map_columns(header: list[str], wanted: dict[str, list[str]]) -> dict[str, int]:
    norm = [_hdr(h) for h in header]
    out: dict[str, int] = {}
    for fieldname, options in wanted.items():
        for opt in options:
            if opt in norm and norm.index(opt) not in out.values():
                out[fieldname] = norm.index(opt)
                break
    return out


def apply_duo_swv(b: Build, path: Path, datum: str | None = None) -> int:
    """DUO 'Adressen samenwerkingsverbanden' (PO or VO). Returns the number of SWV rows applied."""
    rows = _sniff_rows(path)
    if not rows:
        raise ImporterError(f"{path}: leeg bestand")
    header, data = rows[0], rows[1:]
    cols = _map_columns(header, _DUO_COLS)
    if "code" not in cols or swv_code(data[0][cols["code"]] if data else "") is None:
        # fall back: find a column whose values look like SWV codes
        for i in range(len(header)):
            if data and sum(1 for r in data if i < len(r) and swv_code(r[i])) >= max(1, len(data) // 2):
                cols["code"] = i
                break
    if "code" not in cols:
        raise ImporterError(f"{path}: geen kolom met samenwerkingsverband-codes gevonden (kolommen: {header})")
    datum = datum or _file_date(path)
    n = 0

    def get(r, f):
        i = cols.get(f)
        return r[i].strip() if i is not None and i < len(r) else ""

    for r in data:
        code = swv_code(get(r, "code"))
        if not code:
            continue
        e = b.swv.setdefault(code, {
            "code": code, "sector": code[:2].lower(), "naam": "", "naam_bron": "", "website": "", "telefoon": "",
            "email": "", "adres": "", "bron": "DUO", "bron_url": "", "bron_datum": "", "zekerheid": "",
            "opmerking": "Niet in de regeling van 2015; werkgebied onbekend.", "gebied_bron": "", "gebied_jaar": None,
            "gemeenten": [],
        })
        adres = " ".join(x for x in [get(r, "straat"), get(r, "huisnummer")] if x)
        plaats = " ".join(x for x in [get(r, "postcode"), get(r, "plaats").title() if get(r, "plaats").isupper()
                                      else get(r, "plaats")] if x)
        if get(r, "naam"):
            e["naam"] = get(r, "naam")
            e["naam_bron"] = Path(path).name
        for f in ("telefoon", "email"):
            if get(r, f):
                e[f] = get(r, f)
        if get(r, "website"):
            site = get(r, "website")
            e["website"] = site if site.lower().startswith("http") else "https://" + site.lower()
        if adres or plaats:
            e["adres"] = ", ".join(x for x in [adres, plaats] if x)
        e["bron"] = "DUO"
        e["bron_url"] = Path(path).name
        e["bron_datum"] = datum
        e["zekerheid"] = "code"
        n += 1
    b.extra_bronnen.append({"bron": "DUO", "bestand": Path(path).name, "datum": datum, "rijen": n})
    return n


_REGION_PATTERNS = {
    "gemeente": re.compile(r"^GM\d{4}$"),
    "provincie": re.compile(r"^PV\d{2}$"),
    "jeugdregio": re.compile(r"^JZ\d{2}$"),
    "rmc": re.compile(r"^MC\d{2}$"),
}


def apply_cbs_gebieden(b: Build, path: Path, datum: str | None = None) -> int:
    """CBS 'Gebieden in Nederland' CSV export. Columns are found by their values (GM/PV/JZ/MC codes);
    the name of a region is the column right of its code column (the StatLine layout Code;Naam)."""
    rows = _sniff_rows(path)
    # skip header rows (StatLine exports can have 1-3 header lines): data rows contain a GM code
    data = [r for r in rows if any(_REGION_PATTERNS["gemeente"].match(c.strip()) for c in r)]
    if not data:
        raise ImporterError(f"{path}: geen rijen met gemeentecodes (GMxxxx) gevonden")
    width = max(len(r) for r in data)
    colkind: dict[str, int] = {}
    for i in range(width):
        vals = [r[i].strip() for r in data if i < len(r)]
        for kind, pat in _REGION_PATTERNS.items():
            if kind not in colkind and vals and sum(1 for v in vals if pat.match(v)) >= 0.9 * len(vals):
                colkind[kind] = i
    datum = datum or _file_date(path)
    n = 0
    for r in data:
        def cell(i):
            return r[i].strip() if i is not None and i < len(r) else ""
        gm = cell(colkind["gemeente"])
        naam = cell(colkind["gemeente"] + 1)
        g = b.gemeenten.get(gm)
        if g is None:
            g = b.gemeenten[gm] = {"code": gm, "cbs_code": gm[2:], "naam": naam, "korte_naam": split_suffix(naam)[0],
                                   "provincie": "", "provincie_code": "", "bron": "CBS-GIN"}
            b.waarschuwingen.append(f"{Path(path).name}: nieuwe gemeente {gm} {naam} (geen postcodes/SWV bekend)")
        elif naam and naam != g["naam"]:
            b.waarschuwingen.append(f"{Path(path).name}: naam {gm} gewijzigd: {g['naam']} -> {naam}")
            g["naam"], g["korte_naam"] = naam, split_suffix(naam)[0]
        g["bron"] = "CBS-GIN"
        if "provincie" in colkind and cell(colkind["provincie"]):
            g["provincie_code"] = cell(colkind["provincie"])
            g["provincie"] = cell(colkind["provincie"] + 1) or g.get("provincie", "")
        for kind in ("jeugdregio", "rmc"):
            if kind in colkind and cell(colkind[kind]):
                g[kind] = {"code": cell(colkind[kind]), "naam": cell(colkind[kind] + 1), "bron": "CBS-GIN",
                           "jaar": None}
        n += 1
    b.extra_bronnen.append({"bron": "CBS-GIN", "bestand": Path(path).name, "datum": datum, "rijen": n})
    return n


def apply_cbs_pc6(b: Build, path: Path, datum: str | None = None, min_aandeel: float = 0.05) -> int:
    """CBS pc6hnr: PC6;Huisnummer;Buurt<jaar>;Wijk<jaar>;Gemeente<jaar>. PC4 -> municipality by address
    count; PC4 where another municipality has >= min_aandeel of the addresses are marked 'gedeeld'
    with the PC6 -> municipality mapping for that PC4."""
    rows = _sniff_rows(path)
    header = [_hdr(h) for h in rows[0]]
    try:
        i_pc6 = next(i for i, h in enumerate(header) if h.startswith("PC6") or h == "POSTCODE")
        i_gm = next(i for i, h in enumerate(header) if h.startswith("GEMEENTE"))
    except StopIteration as exc:
        raise ImporterError(f"{path}: kolommen PC6 en Gemeente<jaar> niet gevonden ({rows[0]})") from exc
    per_pc4: dict[str, Counter] = defaultdict(Counter)
    per_pc6: dict[str, Counter] = defaultdict(Counter)
    for r in rows[1:]:
        if max(i_pc6, i_gm) >= len(r):
            continue
        pc6 = r[i_pc6].replace(" ", "").upper()
        gm = _gm(r[i_gm])
        if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", pc6) or not gm:
            continue
        per_pc4[pc6[:4]][gm] += 1
        per_pc6[pc6][gm] += 1
    datum = datum or _file_date(path)
    for pc4, cnt in sorted(per_pc4.items()):
        total = sum(cnt.values())
        (gm, top), *rest = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))
        e = b.pc4.get(pc4)
        if e is None:
            e = b.pc4[pc4] = {"gm": gm, "opmerking": "Nieuw in CBS-postcodebestand; SWV-codes onbekend."}
        elif e["gm"] != gm:
            e["opmerking"] = f"Gemeente volgens CBS-postcodebestand (was {e['gm']})."
        e["gm"] = gm
        e["bron"] = "CBS-PC6"
        shares = [{"gm": g, "aandeel": round(c / total, 3)} for g, c in sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))]
        if any(s["aandeel"] >= min_aandeel for s in shares[1:]):
            e["gedeeld"] = shares
            e["pc6"] = {pc6[4:]: c.most_common(1)[0][0] for pc6, c in sorted(per_pc6.items()) if pc6[:4] == pc4}
        else:
            e.pop("gedeeld", None)
            e.pop("pc6", None)
        if e["gm"] not in b.gemeenten:
            b.waarschuwingen.append(f"{Path(path).name}: PC4 {pc4} verwijst naar onbekende gemeente {gm}")
    b.extra_bronnen.append({"bron": "CBS-PC6", "bestand": Path(path).name, "datum": datum, "rijen": len(per_pc4)})
    return len(per_pc4)
