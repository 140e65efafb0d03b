"""Read the bootstrap reference tables (the folder of 7 CSVs described in its README) into a ``Build``:
municipalities, jeugdregio/RMC, SWV areas and contacts, PC4, former municipalities and woonplaatsen.
Part of ``bot.regio.importer`` (which re-exports these names); the official refresh formats in
``bot.regio.official_formats`` then override or extend the ``Build``.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.regio.normalize import split_suffix
from bot.regio.source_files import ImporterError, _read_csv

SOURCE_FILES = (
    "gemeenten.csv",
    "voormalige_gemeenten.csv",
    "gemeente_regio.csv",
    "postcode4.csv",
    "samenwerkingsverbanden.csv",
    "samenwerkingsverbanden_contact.csv",
    "woonplaatsen.csv",
)


def _source_date(source: Path) -> str:
    readme = source / "README.md"
    if readme.exists():
        m = re.search(r"built on (\d{4}-\d{2}-\d{2})", readme.read_text(encoding="utf-8"), re.I)
        if m:
            return m.group(1)
    newest = max((source / f).stat().st_mtime for f in SOURCE_FILES)
    return _dt.date.fromtimestamp(newest).isoformat()




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
