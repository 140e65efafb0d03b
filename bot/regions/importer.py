"""Build the region directory in content/regio/ from the reference tables.

Usage::

    python -m bot.regions.importer --source /work/shared/data/regions --out content/regio \
        [--duo-swv FILE ...] [--cbs-gebieden FILE] [--cbs-pc6 FILE ...] [--check]

The bootstrap input is the folder of reference CSVs described in its README (7 files). Optional
official refresh files override or extend it:

* ``--duo-swv``: DUO "Adressen samenwerkingsverbanden" (PO and/or VO), CSV or XLSX (XLSX needs
  openpyxl). Replaces name, address, phone, website (and e-mail if present) of the SWV codes in it.
* ``--cbs-gebieden``: CBS "Gebieden in Nederland" CSV export. Replaces municipality names,
  provinces, jeugdregio and RMC region of the codes in it; adds new municipality codes.
* ``--cbs-pc6``: CBS "Buurt, wijk en gemeente <jaar> voor postcode huisnummer" (pc6hnr) CSV.
  Replaces PC4 -> gemeente (by address count), adds new PC4, marks PC4 split over municipalities.

The output is deterministic: the same inputs give byte-identical files. The product reads only
the output (content/regio/), never the source folder.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import io
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.regions.normalize import key, split_suffix

SCHEMA_VERSION = 1
GENERATED_FILES = (
    "gemeenten.json",
    "samenwerkingsverbanden.json",
    "plaatsen.json",
    "postcodes.json",
    "README.md",
)
SOURCE_FILES = (
    "gemeenten.csv",
    "voormalige_gemeenten.csv",
    "gemeente_regio.csv",
    "postcode4.csv",
    "samenwerkingsverbanden.csv",
    "samenwerkingsverbanden_contact.csv",
    "woonplaatsen.csv",
)

# Source keys used in the output ("bron" fields). Texts are the attribution the data README requires.
BRONNEN = {
    "CBS-PDOK": {
        "naam": "CBS / PDOK Gebiedsindelingen (gemeente 2026, provincie 2026, jeugdregio 2025, RMC-regio 2025), "
        "via GitHub cartomap/nl commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026",
    },
    "RVIG-T33": {
        "naam": "RvIG Landelijke Tabel 33 Gemeententabel (stand eind 2022), kopie in GitHub "
        "BRP-API/Haal-Centraal-BRP-bevragen; Voorne aan Zee (2023) uit CBS/PDOK 2025/2026",
        "licentie": "Officiële RvIG-referentietabel; repository EUPL, Copyright © RvIG 2022",
        "vermelding": "Bron: RvIG, Landelijke Tabel 33 Gemeententabel",
    },
    "REG-2015": {
        "naam": "Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324), "
        "bijlage, versie geldend vanaf 2015-04-23 (https://wetten.overheid.nl/BWBR0032324)",
        "licentie": "Wet- en regelgeving, art. 11 Auteurswet (geen auteursrecht)",
        "vermelding": "Bron: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO, versie 23 april 2015",
    },
    "4PP": {
        "naam": "GitHub bobdenotter/4pp, 4pp.sql (commit d7b220afc7c5476665c4e1a4174e487b51899111, 2014-12-24): "
        "postale plaatsnamen per PC4, gekoppeld aan gemeenten 2026",
        "licentie": "MIT, Copyright (c) 2014 Bob den Otter",
        "vermelding": "Plaatsnamen: 4pp, Copyright (c) 2014 Bob den Otter, MIT-licentie",
    },
    "WEB": {
        "naam": "Openbare webpagina's, per samenwerkingsverband genoemd in bron_url",
        "licentie": "Feitelijke gegevens (namen, websites, telefoonnummers zoals vermeld)",
        "vermelding": "Bron: per samenwerkingsverband de genoemde webpagina",
    },
    "HAND": {
        "naam": "Gangbare schrijfwijzen van gemeentenamen, handmatig toegevoegd in bot/regions/importer.py (ALIASES)",
        "licentie": "Eigen werk van het project",
        "vermelding": "Handmatig toegevoegde schrijfwijzen",
    },
    "DUO": {
        "naam": "DUO open onderwijsdata, Adressen samenwerkingsverbanden passend onderwijs",
        "licentie": "DUO open onderwijsdata; zie de gebruiksvoorwaarden op duo.nl (niet nagekeken)",
        "vermelding": "Bron: DUO, Adressen samenwerkingsverbanden",
    },
    "CBS-GIN": {
        "naam": "CBS StatLine, Gebieden in Nederland",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS, Gebieden in Nederland",
    },
    "CBS-PC6": {
        "naam": "CBS, Buurt, wijk en gemeente voor postcode huisnummer (pc6hnr)",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS, postcode-huisnummerbestand",
    },
}

MIT_NOTICE = """The MIT License (MIT) — Copyright (c) 2014 Bob den Otter

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation
files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy,
modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

# Common names of current municipalities that are not in the source files (typed in by hand; source key HAND).
ALIASES: dict[str, list[str]] = {
    "GM0518": ["Den Haag", "'s-Gravenhage", "s Gravenhage", "Gravenhage"],
    "GM0796": ["Den Bosch", "'s-Hertogenbosch", "Hertogenbosch"],
    "GM1900": ["Zuidwest-Friesland", "Zuidwest-Fryslân", "Súdwest Fryslân"],
    "GM1970": ["Noordoost-Friesland", "Noordoost-Fryslân"],
    "GM1940": ["De Friese Meren"],
    "GM0737": ["Tietjerksteradeel"],
    "GM1891": ["Dantumadeel"],
    "GM0080": ["Ljouwert"],
    "GM0820": ["Nuenen", "Nuenen c.a.", "Nuenen Gerwen en Nederwetten"],
    "GM1966": ["Hogeland"],
}

# Province qualifiers as written after a place name ("Bergen NH", "Hengelo (Gld)", "Beek L").
PROVINCIE_AFKORTINGEN = {
    "PV20": ["gn", "gr", "gron", "groningen"],
    "PV21": ["fr", "frl", "friesland", "fryslan", "fryslân"],
    "PV22": ["dr", "dre", "drenthe"],
    "PV23": ["o", "ov", "ovl", "overijssel"],
    "PV24": ["fl", "flevoland"],
    "PV25": ["g", "gl", "gld", "gelderland"],
    "PV26": ["u", "ut", "utr", "utrecht"],
    "PV27": ["nh", "n h", "noord holland", "noord-holland"],
    "PV28": ["zh", "z h", "zuid holland", "zuid-holland"],
    "PV29": ["z", "zl", "zld", "zeeland"],
    "PV30": ["nb", "n b", "br", "brabant", "noord brabant", "noord-brabant"],
    "PV31": ["l", "lb", "li", "lim", "limburg"],
}


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


def _source_date(source: Path) -> str:
    readme = source / "README.md"
    if readme.exists():
        m = re.search(r"built on (\d{4}-\d{2}-\d{2})", readme.read_text(encoding="utf-8"), re.I)
        if m:
            return m.group(1)
    newest = max((source / f).stat().st_mtime for f in SOURCE_FILES)
    return _dt.date.fromtimestamp(newest).isoformat()


def _file_date(path: Path) -> str:
    return _dt.date.fromtimestamp(Path(path).stat().st_mtime).isoformat()


# ---------------------------------------------------------------------------------------------
# build


@dataclass
class Build:
    peildatum: str
    gemeenten: dict = field(default_factory=dict)
    swv: dict = field(default_factory=dict)
    pc4: dict = field(default_factory=dict)
    plaatsen: list = field(default_factory=list)
    voormalig: dict = field(default_factory=dict)  # name -> {gm: set, ...}
    woonplaatsen: list = field(default_factory=list)
    extra_bronnen: list = field(default_factory=list)  # official refresh files used
    waarschuwingen: list = field(default_factory=list)


def load_bootstrap(source: Path) -> Build:
    source = Path(source)
    missing = [f for f in SOURCE_FILES if not (source / f).exists()]
    if missing:
        raise ImporterError(f"ontbrekende bronbestanden in {source}: {', '.join(missing)}")
    b = Build(peildatum=_source_date(source))

    for r in _read_csv(source / "gemeenten.csv"):
        base, suffix = split_suffix(r["naam"])
        b.gemeenten[r["gm_code"]] = {
            "code": r["gm_code"],
            "cbs_code": r["cbs_code"],
            "naam": r["naam"],
            "korte_naam": base,
            "provincie": r["provincie"],
            "provincie_code": r["provincie_code"],
            "bron": "CBS-PDOK",
        }
    for r in _read_csv(source / "gemeente_regio.csv"):
        g = b.gemeenten.get(r["gm_code"])
        if g is None:
            b.waarschuwingen.append(f"gemeente_regio.csv: onbekende gemeente {r['gm_code']}")
            continue
        g["jeugdregio"] = {"code": r["jeugdregio_code"], "naam": r["jeugdregio_naam"], "bron": "CBS-PDOK", "jaar": 2025}
        g["rmc"] = {"code": r["rmc_code"], "naam": r["rmc_naam"], "bron": "CBS-PDOK", "jaar": 2025}

    contact = {r["code"]: r for r in _read_csv(source / "samenwerkingsverbanden_contact.csv")}
    for r in _read_csv(source / "samenwerkingsverbanden.csv"):
        c = contact.get(r["code"], {})
        naam = c.get("naam") or r["naam"] or ""
        entry = {
            "code": r["code"],
            "sector": r["sector"],
            "naam": naam,
            "naam_bron": (c.get("bron_url") if c.get("naam") else r.get("naam_bron")) or "",
            "website": c.get("website", ""),
            "telefoon": c.get("telefoon", ""),
            "email": c.get("email", ""),
            "adres": "",
            "bron": "WEB" if (c.get("naam") or c.get("website")) else "REG-2015",
            "bron_url": c.get("bron_url", ""),
            "bron_datum": c.get("bron_datum", ""),
            "zekerheid": c.get("zekerheid", ""),
            "opmerking": c.get("opmerking", ""),
            "gebied_bron": "REG-2015",
            "gebied_jaar": 2015,
            "gemeenten": [x for x in r["gemeenten"].split(";") if x],
        }
        b.swv[r["code"]] = entry

    for r in _read_csv(source / "postcode4.csv"):
        e = {"gm": r["gm_code"]}
        if r["swv_po_code"]:
            e["po"] = r["swv_po_code"]
        if r["swv_vo_code"]:
            e["vo"] = r["swv_vo_code"]
        if r["opmerking"]:
            e["opmerking"] = r["opmerking"]
        b.pc4[r["pc4"]] = e
        # names of the 2015 regulation that are no longer municipalities -> former municipalities
        b.voormalig.setdefault(r["gemeente_2015"], {"gm": Counter(), "bron": "REG-2015", "einddatum": "",
                                                    "opmerking": ""})["gm"][r["gm_code"]] += 1

    for r in _read_csv(source / "voormalige_gemeenten.csv"):
        succ = [r["nieuwe_gm_code"]] + re.findall(r"GM\d{4}", r["opmerking"])
        entry = b.voormalig.setdefault(r["oude_naam"], {"gm": Counter(), "bron": "RVIG-T33", "einddatum": "",
                                                        "opmerking": ""})
        entry["bron"] = "RVIG-T33"
        entry["einddatum"] = r["einddatum"]
        entry["opmerking"] = r["opmerking"]
        entry["oude_code"] = r["oude_code"]
        entry["t33"] = succ
        for gm in succ:
            entry["gm"].setdefault(gm, 0)

    b.woonplaatsen = _read_csv(source / "woonplaatsen.csv")
    return b


# --- official refresh formats ------------------------------------------------------------------

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


# --- derive output -----------------------------------------------------------------------------


def _swv_summary(s: dict) -> dict:
    keys = ("code", "naam", "website", "telefoon", "email", "adres", "bron", "bron_url", "bron_datum", "zekerheid")
    return {k: s.get(k, "") for k in keys}


def build_outputs(b: Build) -> dict[str, object]:
    # municipality <- SWV counts per PC4
    swv_count: dict[str, dict[str, Counter]] = defaultdict(lambda: {"po": Counter(), "vo": Counter()})
    pc4_count: Counter = Counter()
    for pc4, e in b.pc4.items():
        pc4_count[e["gm"]] += 1
        for sector in ("po", "vo"):
            if e.get(sector):
                swv_count[e["gm"]][sector][e[sector]] += 1

    # former municipality names (current names excluded)
    current_keys = {key(g["naam"]) for g in b.gemeenten.values()} | {key(g["korte_naam"]) for g in b.gemeenten.values()}
    for gm, names in ALIASES.items():
        current_keys |= {key(n) for n in names}
    former_by_gm: dict[str, list[str]] = defaultdict(list)
    voormalig_out = []
    for naam, v in sorted(b.voormalig.items()):
        if key(naam) in current_keys:
            continue
        gms = sorted(gm for gm in v["gm"] if gm in b.gemeenten)
        if not gms:
            continue
        main = v.get("t33", [None])[0] if v.get("t33") else max(gms, key=lambda g: (v["gm"][g], g))
        item = {"naam": naam, "soort": "voormalig", "gm": [main] + [g for g in gms if g != main],
                "bron": v["bron"]}
        if v.get("oude_code"):
            item["oude_code"] = v["oude_code"]
        if v.get("einddatum"):
            item["einddatum"] = v["einddatum"]
        if len(gms) > 1:
            item["gesplitst"] = True
        voormalig_out.append(item)
        for gm in gms:
            former_by_gm[gm].append(naam)

    gemeenten_out = {}
    for gm in sorted(b.gemeenten):
        g = dict(b.gemeenten[gm])
        for sector in ("po", "vo"):
            lst = []
            for code, n in sorted(swv_count[gm][sector].items(), key=lambda kv: (-kv[1], kv[0])):
                s = b.swv.get(code, {"code": code})
                item = _swv_summary(s)
                item["aantal_pc4"] = n
                item["gebied_bron"] = "REG-2015"
                lst.append(item)
            g[f"swv_{sector}"] = lst
        g["aantal_pc4"] = pc4_count.get(gm, 0)
        g["voormalige_gemeenten"] = sorted(former_by_gm.get(gm, []))
        g["data_jaar"] = {
            "gemeente": 2026,
            "jeugdregio_rmc": (g.get("jeugdregio") or {}).get("jaar") or None,
            "swv_gebied": 2015,
            "toelichting": "Gemeente-indeling 2026; jeugdregio en RMC-regio volgens CBS 2025; de indeling in "
                           "samenwerkingsverbanden is die van de regeling van 23 april 2015 en kan verouderd zijn.",
        }
        gemeenten_out[gm] = g

    regios: dict[str, dict] = {}
    for gm, g in gemeenten_out.items():
        for kind in ("jeugdregio", "rmc"):
            r = g.get(kind)
            if r:
                regios.setdefault(r["code"], {"code": r["code"], "soort": kind, "naam": r["naam"], "gemeenten": []})
                regios[r["code"]]["gemeenten"].append(gm)

    # place names
    plaatsen = []
    for gm, g in gemeenten_out.items():
        plaatsen.append({"naam": g["naam"], "soort": "gemeente", "gm": [gm], "bron": g["bron"]})
        base, suffix = split_suffix(g["naam"])
        if suffix:
            plaatsen.append({"naam": base, "soort": "alternatief", "gm": [gm], "bron": "CBS-PDOK",
                             "toelichting": "naam zonder toevoeging"})
            for afk in PROVINCIE_AFKORTINGEN.get(g.get("provincie_code", ""), []) + [suffix.rstrip(".")]:
                plaatsen.append({"naam": f"{base} {afk}", "soort": "alternatief", "gm": [gm], "bron": "HAND",
                                 "toelichting": "naam met provincie"})
        for m in re.finditer(r" aan (den|de) ", g["naam"]):
            plaatsen.append({"naam": g["naam"].replace(m.group(0), " a/d "), "soort": "alternatief", "gm": [gm],
                             "bron": "HAND"})
        for alias in ALIASES.get(gm, []):
            plaatsen.append({"naam": alias, "soort": "alternatief", "gm": [gm], "bron": "HAND"})
    # ambiguous bare names of municipalities ('Bergen')
    plaatsen.extend(voormalig_out)
    for r in b.woonplaatsen:
        if r["gm_code"] not in gemeenten_out:
            continue
        item = {"naam": r["woonplaats"], "soort": "woonplaats", "gm": [r["gm_code"]], "bron": "4PP",
                "aantal_pc4": int(r["aantal_pc4"] or 0)}
        alts = [a for a in r["alternatieve_schrijfwijzen"].split(";") if a.strip()]
        if alts:
            item["alternatieven"] = alts
        plaatsen.append(item)
    # deterministic order; drop exact duplicates
    seen = set()
    uniq = []
    for p in plaatsen:
        sig = (p["soort"], key(p["naam"]), tuple(p["gm"]))
        if sig not in seen:
            seen.add(sig)
            uniq.append(p)
    soort_order = {"gemeente": 0, "alternatief": 1, "voormalig": 2, "woonplaats": 3}
    uniq.sort(key=lambda p: (soort_order[p["soort"]], key(p["naam"]), p["naam"], p["gm"]))

    bronnen_gebruikt = dict(BRONNEN)
    meta = {
        "schema": SCHEMA_VERSION,
        "peildatum_bronbestanden": b.peildatum,
        "gegenereerd_met": "python -m bot.regions.importer",
        "extra_bronnen": b.extra_bronnen,
        "waarschuwingen": b.waarschuwingen,
        "vermelding": "Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026",
    }
    swv_out = {code: b.swv[code] for code in sorted(b.swv)}
    return {
        "gemeenten.json": {"meta": {**meta, "bronnen": bronnen_gebruikt}, "gemeenten": gemeenten_out,
                           "regios": {k: regios[k] for k in sorted(regios)},
                           "provincie_afkortingen": PROVINCIE_AFKORTINGEN},
        "samenwerkingsverbanden.json": {"meta": {**meta, "toelichting": "Werkgebieden volgens de regeling van "
                                                 "23 april 2015 (verouderd); namen en contactgegevens zoals gevonden, "
                                                 "met bron per samenwerkingsverband."},
                                        "samenwerkingsverbanden": swv_out},
        "plaatsen.json": {"meta": meta, "plaatsen": uniq},
        "postcodes.json": {"meta": {**meta, "toelichting": "PC4 -> gemeente (2026) en PO/VO-samenwerkingsverband "
                                    "(regeling 2015). Standaardbron REG-2015 tenzij 'bron' anders zegt."},
                           "pc4": {k: b.pc4[k] for k in sorted(b.pc4)}},
    }


# --- writing -----------------------------------------------------------------------------------


def _dump(obj: object) -> str:
    """JSON with one entry per line for the big mappings (readable diffs), deterministic."""
    if isinstance(obj, dict):
        parts = []
        for k, v in obj.items():
            if k in ("gemeenten", "samenwerkingsverbanden", "pc4") and isinstance(v, dict):
                inner = ",\n".join(f"  {json.dumps(ik, ensure_ascii=False)}: {json.dumps(iv, ensure_ascii=False, sort_keys=True)}"
                                   for ik, iv in v.items())
                parts.append(f" {json.dumps(k)}: {{\n{inner}\n }}")
            elif k == "plaatsen" and isinstance(v, list):
                inner = ",\n".join("  " + json.dumps(x, ensure_ascii=False, sort_keys=True) for x in v)
                parts.append(f" {json.dumps(k)}: [\n{inner}\n ]")
            else:
                parts.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True, indent=1)}")
        return "{\n" + ",\n".join(parts) + "\n}\n"
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def render_readme(b: Build, outputs: dict) -> str:
    g = outputs["gemeenten.json"]["gemeenten"]
    n_pl = len(outputs["plaatsen.json"]["plaatsen"])
    n_pc = len(outputs["postcodes.json"]["pc4"])
    n_swv = len(outputs["samenwerkingsverbanden.json"]["samenwerkingsverbanden"])
    extra = "".join(f"| {e['bestand']} | {BRONNEN[e['bron']]['naam']} | {e['datum']} | {e['rijen']} |\n"
                    for e in b.extra_bronnen) or "| (geen) | | | |\n"
    used = ["CBS-PDOK", "RVIG-T33", "REG-2015", "4PP", "WEB", "HAND"]
    used += sorted({e["bron"] for e in b.extra_bronnen} - set(used))
    bronrijen = "".join(f"| `{k}` | {BRONNEN[k]['naam']} | {BRONNEN[k]['licentie']} |\n" for k in used)
    return f"""# content/regio — regio-gegevens van Wegwijzer

**Gegenereerd bestand: niet met de hand wijzigen.** Gemaakt met
`python -m bot.regions.importer --source <map met referentiebestanden> --out content/regio`.
Niet gegenereerd (met de hand bijgehouden, niet overschreven): `landelijk.yml` (landelijke organisaties,
uit de projectkennis `feiten.md` met bron per organisatie) en `overrides/` (lokale aanvullingen per gemeente
of regio, zie `overrides/README.md`).

Peildatum van de referentiebestanden: **{b.peildatum}**.

Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026.

| Bestand | Inhoud | Bronnen |
|---|---|---|
| `gemeenten.json` | {len(g)} gemeenten (indeling 2026): code, CBS-code, naam, provincie, jeugdregio en RMC-regio (CBS 2025), PO- en VO-samenwerkingsverbanden die de gemeente bedienen (met naam/website/telefoon/e-mail waar gevonden, bron en datum per feit), voormalige gemeenten, `data_jaar`; daarnaast jeugdregio's en RMC-regio's met hun gemeenten | `CBS-PDOK`, `REG-2015`, `WEB`, `RVIG-T33` |
| `samenwerkingsverbanden.json` | {n_swv} samenwerkingsverbanden passend onderwijs (code, sector, naam, contact, bron_url, bron_datum, zekerheid, opmerking, gemeenten in het gebied van 2015) | `REG-2015`, `WEB` (en `DUO` na verversing) |
| `plaatsen.json` | {n_pl} namen → gemeentecodes: officiële namen, gangbare schrijfwijzen, voormalige gemeenten (ook gesplitste), woonplaatsen (postale namen 2014) met alternatieve schrijfwijzen | `CBS-PDOK`, `HAND`, `RVIG-T33`, `REG-2015`, `4PP` |
| `postcodes.json` | {n_pc} postcodes (PC4) → gemeente 2026 en PO/VO-samenwerkingsverband (regeling 2015) | `REG-2015` (en `CBS-PC6` na verversing) |

## Let op: verouderde gegevens

- De **indeling in samenwerkingsverbanden is die van 23 april 2015**. Gebieden en namen zijn sindsdien
  veranderd. Antwoorden zeggen daarom: "volgens gegevens uit 2015; kijk ook in de schoolgids".
- Jeugdregio's en RMC-regio's zijn de **CBS-indeling 2025**.
- Plaatsnamen zijn de **postale namen van 2014** (4pp); nieuwere namen en wijken ontbreken.
- Namen en contactgegevens van samenwerkingsverbanden komen van openbare webpagina's (zie `bron_url`,
  `bron_datum`, `zekerheid` per samenwerkingsverband). Leeg = niet gevonden; er is niets verzonnen.

## Bronnen en licenties

| Sleutel | Bron | Licentie |
|---|---|---|
{bronrijen}
Gebruikte verversingsbestanden (officiële formaten):

| Bestand | Bron | Datum | Rijen |
|---|---|---|---|
{extra}
### Licentievermelding 4pp (plaatsnamen in `plaatsen.json`)

De plaatsnamen komen uit 4pp van Bob den Otter. Deze vermelding moet bij kopieën blijven:

```
{MIT_NOTICE}
```

### Vermeldingen

- Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026 (CC-BY 4.0).
- Bron: RvIG, Landelijke Tabel 33 Gemeententabel (voormalige gemeenten tot en met 2022); Voorne aan Zee (2023)
  afgeleid uit CBS/PDOK 2025/2026.
- Bron: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324), versie
  23 april 2015 (geen auteursrecht, art. 11 Auteurswet).
- Namen en contactgegevens van samenwerkingsverbanden: openbare webpagina's, per samenwerkingsverband genoemd.

## Verversen

Met de officiële bestanden (zie `python -m bot.regions.importer --help`):

- `--duo-swv` DUO "Adressen samenwerkingsverbanden" (PO en VO; CSV, of XLSX als openpyxl geïnstalleerd is);
- `--cbs-gebieden` CBS "Gebieden in Nederland" (CSV-export);
- `--cbs-pc6` CBS "Buurt, wijk en gemeente voor postcode huisnummer" (pc6hnr, puntkomma-CSV).
"""


def run(source: Path, out: Path, duo: list[Path] = (), cbs_gebieden: Path | None = None,
        cbs_pc6: list[Path] = (), check: bool = False) -> dict[str, str]:
    """Build everything; write to `out` unless check=True. Returns {filename: content}."""
    b = load_bootstrap(Path(source))
    if cbs_gebieden:
        apply_cbs_gebieden(b, Path(cbs_gebieden))
    for p in cbs_pc6:
        apply_cbs_pc6(b, Path(p))
    for p in duo:
        apply_duo_swv(b, Path(p))
    outputs = build_outputs(b)
    files = {name: _dump(obj) for name, obj in outputs.items()}
    files["README.md"] = render_readme(b, outputs)
    if not check:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            tmp = out / (name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, out / name)
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bot.regions.importer", description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", required=True, type=Path, help="map met de 7 referentie-CSV's")
    ap.add_argument("--out", default=Path("content/regio"), type=Path)
    ap.add_argument("--duo-swv", action="append", default=[], type=Path,
                    help="DUO Adressen samenwerkingsverbanden (CSV/XLSX); mag vaker (PO en VO)")
    ap.add_argument("--cbs-gebieden", type=Path, help="CBS Gebieden in Nederland (CSV-export)")
    ap.add_argument("--cbs-pc6", action="append", default=[], type=Path, help="CBS pc6hnr-bestand (CSV)")
    ap.add_argument("--check", action="store_true", help="niet schrijven; exit 1 als --out afwijkt")
    a = ap.parse_args(argv)
    try:
        files = run(a.source, a.out, a.duo_swv, a.cbs_gebieden, a.cbs_pc6, check=a.check)
    except ImporterError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    if a.check:
        diff = [n for n, t in files.items()
                if not (a.out / n).exists() or (a.out / n).read_text(encoding="utf-8") != t]
        if diff:
            print("verschilt: " + ", ".join(diff))
            return 1
        print("content/regio is actueel")
        return 0
    print(f"geschreven naar {a.out}: " + ", ".join(sorted(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
