"""Importer: bootstrap fixtures, official refresh formats, determinism, committed content up to date."""
import json
import os
from pathlib import Path

import pytest

from bot.regio import importer
from bot.regio.importer import GENERATED_FILES, ImporterError, run, swv_code

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures" / "regio"
BOOT = FIX / "bootstrap"
OFF = FIX / "official"
# ../shared beside the clone (as in CI and for developers); absent for people who only cloned the project.
SHARED = Path(os.environ.get("WEGWIJZER_SHARED_REGIONS",
                           Path(__file__).resolve().parents[4] / "shared" / "data" / "regions"))


def _load(out: Path, name: str):
    return json.loads((out / name).read_text(encoding="utf-8"))


def test_bootstrap_fixture_build(tmp_path):
    files = run(BOOT, tmp_path)
    assert set(files) == set(GENERATED_FILES)
    g = _load(tmp_path, "gemeenten.json")["gemeenten"]
    assert sorted(g) == ["GM0363", "GM0373", "GM0439", "GM0479", "GM0893"]
    z = g["GM0479"]
    assert z["jeugdregio"]["code"] == "JZ09" and z["rmc"]["code"] == "MC21"
    assert [s["code"] for s in z["swv_po"]] == ["PO2705"]
    assert z["swv_vo"][0]["telefoon"] == "075-0000000"
    assert z["swv_vo"][0]["bron_url"] == "https://vo-zaan.example"
    assert z["data_jaar"]["swv_gebied"] == 2015
    assert g["GM0439"]["voormalige_gemeenten"] == ["Beemster"]
    pl = _load(tmp_path, "plaatsen.json")["plaatsen"]
    assert {"naam": "Beemster", "soort": "voormalig"}.items() <= next(p for p in pl if p["naam"] == "Beemster").items()
    pc = _load(tmp_path, "postcodes.json")["pc4"]
    assert pc["1503"] == {"gm": "GM0479", "po": "PO2705", "vo": "VO2706"}
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026" in readme
    assert "Copyright (c) 2014 Bob den Otter" in readme and "Permission is hereby granted" in readme
    assert "2026-11-24" in readme


def test_output_is_deterministic(tmp_path):
    a = run(BOOT, tmp_path / "a")
    b = run(BOOT, tmp_path / "b")
    assert a == b


def test_missing_source_file(tmp_path):
    with pytest.raises(ImporterError):
        run(tmp_path, tmp_path / "out")


@pytest.mark.parametrize("raw,code", [("PO 27-05", "PO2705"), ("VO27.06", "VO2706"), ("po2001", "PO2001"),
                                      ("PO 20.01", "PO2001"), ("XX 12", None), ("", None)])
def test_swv_code(raw, code):
    assert swv_code(raw) == code


def test_duo_swv_csv(tmp_path):
    run(BOOT, tmp_path, duo=[OFF / "duo_swv_po.csv", OFF / "duo_swv_vo.csv"])
    swv = _load(tmp_path, "samenwerkingsverbanden.json")["samenwerkingsverbanden"]
    po = swv["PO2705"]
    assert po["naam"] == "Stichting Testverband Passend Primair Onderwijs Zaanstreek"
    assert po["telefoon"] == "075-1111111"
    assert po["website"] == "https://www.test-po-zaan.example"
    assert po["adres"] == "Teststraat 1, 1500 AA Zaandam"
    assert po["bron"] == "DUO" and po["bron_url"] == "duo_swv_po.csv" and po["bron_datum"]
    assert po["gemeenten"] == ["GM0479"]  # area still from the 2015 regulation
    assert swv["VO2706"]["naam"].startswith("Coöperatie")  # cp1252 file decoded
    assert "PO2799" in swv and swv["PO2799"]["gemeenten"] == []
    g = _load(tmp_path, "gemeenten.json")["gemeenten"]
    assert g["GM0479"]["swv_po"][0]["telefoon"] == "075-1111111"
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "duo_swv_po.csv" in readme


def test_duo_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["SAMENWERKINGSVERBAND", "NAAM SAMENWERKINGSVERBAND", "TELEFOONNUMMER", "INTERNETADRES"])
    ws.append(["PO 27-07", "Testverband uit XLSX", "020-9999999", "www.xlsx.example"])
    p = tmp_path / "duo.xlsx"
    wb.save(p)
    run(BOOT, tmp_path / "out", duo=[p])
    swv = _load(tmp_path / "out", "samenwerkingsverbanden.json")["samenwerkingsverbanden"]
    assert swv["PO2707"]["naam"] == "Testverband uit XLSX"


def test_xlsx_without_openpyxl_gives_clear_error(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *a, **k):
        if name == "openpyxl":
            raise ImportError("no openpyxl")
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    p = tmp_path / "x.xlsx"
    p.write_bytes(b"PK")
    with pytest.raises(ImporterError, match="openpyxl"):
        run(BOOT, tmp_path / "out", duo=[p])


def test_cbs_gebieden(tmp_path):
    run(BOOT, tmp_path, cbs_gebieden=OFF / "cbs_gebieden.csv")
    data = _load(tmp_path, "gemeenten.json")
    g = data["gemeenten"]
    assert g["GM0373"]["rmc"] == {"code": "MC24", "naam": "Kop van Noord-Holland (test)", "bron": "CBS-GIN",
                                  "jaar": None}
    assert g["GM1999"]["naam"] == "Testgemeente" and g["GM1999"]["provincie"] == "Limburg"
    assert any("GM1999" in w for w in data["meta"]["waarschuwingen"])
    pl = _load(tmp_path, "plaatsen.json")["plaatsen"]
    assert any(p["naam"] == "Testgemeente" and p["gm"] == ["GM1999"] for p in pl)


def test_cbs_pc6(tmp_path):
    run(BOOT, tmp_path, cbs_pc6=[OFF / "pc6hnr.csv"])
    pc = _load(tmp_path, "postcodes.json")["pc4"]
    assert pc["1011"]["gm"] == "GM0363" and pc["1011"]["bron"] == "CBS-PC6"
    assert "gedeeld" not in pc["1011"]
    split = pc["1503"]
    assert split["gm"] == "GM0479"
    assert [s["gm"] for s in split["gedeeld"]] == ["GM0479", "GM0363"]
    assert split["pc6"] == {"AA": "GM0479", "AB": "GM0479", "ZZ": "GM0363"}
    assert pc["1504"]["gm"] == "GM0479"  # new PC4; municipality code without leading zero
    assert "po" not in pc["1504"]


def test_pc6_split_is_asked_or_resolved(tmp_path):
    from bot.regio.lookup import resolve_place

    run(BOOT, tmp_path, cbs_pc6=[OFF / "pc6hnr.csv"])
    r = resolve_place("postcode 1503", content_dir=tmp_path)
    assert r.status == "dubbelzinnig" and {c.gm_code for c in r.candidates} == {"GM0479", "GM0363"}
    assert resolve_place("1503ZZ", content_dir=tmp_path).gm_code == "GM0363"
    assert resolve_place("1503 AA", content_dir=tmp_path).gm_code == "GM0479"


def test_cli_check(tmp_path, capsys):
    assert importer.main(["--source", str(BOOT), "--out", str(tmp_path)]) == 0
    assert importer.main(["--source", str(BOOT), "--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "postcodes.json").write_text("{}", encoding="utf-8")
    assert importer.main(["--source", str(BOOT), "--out", str(tmp_path), "--check"]) == 1


@pytest.mark.skipif(not (SHARED / "gemeenten.csv").exists(), reason="reference data not available")
def test_committed_content_matches_importer():
    files = run(SHARED, ROOT / "content" / "regio", check=True)
    for name, text in files.items():
        committed = (ROOT / "content" / "regio" / name).read_text(encoding="utf-8")
        assert committed == text, f"content/regio/{name} is niet actueel: draai de importer opnieuw"
