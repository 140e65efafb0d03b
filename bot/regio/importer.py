"""Build the region directory in content/regio/ from the reference tables.

Usage::

    python -m bot.regio.importer --source /work/shared/data/regions --out content/regio \
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
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bot.regio.normalize import key, split_suffix

SCHEMA_VERSION = 1
GENERATED_FILES = (
    "gemeenten.json",
    "samenwerkingsverbanden.json",
    "plaatsen.json",
    "postcodes.json",
    "README.md",
)

from bot.regio.attribution import BRONNEN, render_readme  # noqa: E402 - sources and licences


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


# Reading helpers and the official refresh formats live in their own modules; ImporterError and
# swv_code stay importable from here for callers.
from bot.regio.source_files import ImporterError, _read_csv, swv_code  # noqa: E402,F401
from bot.regio.official_formats import apply_cbs_gebieden, apply_cbs_pc6, apply_duo_swv  # noqa: E402
# The bootstrap tables are read in their own module; its names stay importable from here.
from bot.regio.bootstrap import SOURCE_FILES, Build, _source_date, load_bootstrap  # noqa: E402,F401


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
        "gegenereerd_met": "python -m bot.regio.importer",
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
    ap = argparse.ArgumentParser(prog="python -m bot.regio.importer", description=__doc__.split("\n\n")[0])
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
