"""Region directory: contacts, national bodies, overrides with mtime reload."""
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from bot.regio.directory import CONTENT_DIR, RegionDirectory, check_overrides, validate_override


@pytest.fixture()
def content(tmp_path):
    d = tmp_path / "regio"
    d.mkdir()
    for name in ("gemeenten.json", "samenwerkingsverbanden.json", "postcodes.json", "landelijk.yml"):
        shutil.copy(CONTENT_DIR / name, d / name)
    (d / "overrides").mkdir()
    return d


def _write(path: Path, data: dict):
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # make sure the mtime changes even on coarse file systems
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_municipality():
    d = RegionDirectory()
    m = d.municipality("GM0479")
    assert m["naam"] == "Zaanstad" and m["provincie"] == "Noord-Holland"
    assert m["jeugdregio"]["naam"] == "Zaanstreek-Waterland"
    assert m["data_jaar"]["swv_gebied"] == 2015
    assert d.municipality("GM9999") is None
    assert d.municipality("") is None


def test_contacts_structure_and_no_invented_data():
    d = RegionDirectory()
    cs = d.contacts("GM0479")
    rollen = [c.rol for c in cs]
    assert rollen[0] == "leerplicht"
    for rol in ("swv_po", "swv_vo", "oudersteunpunt", "jeugdhulp", "landelijk"):
        assert rol in rollen
    lp = cs[0]
    assert lp.telefoon == "" and lp.email == ""  # unknown: never invented
    assert "website van de gemeente Zaanstad" in lp.toelichting
    po = next(c for c in cs if c.rol == "swv_po")
    assert po.code == "PO2705" and po.website.startswith("https://")
    assert "2015" in po.toelichting and "schoolgids" in po.toelichting
    assert po.zekerheid in ("code", "gebied", "naam")
    assert po.bron_url
    steun = next(c for c in cs if c.rol == "oudersteunpunt")
    assert steun.telefoon == "" and "ouder- en jeugdsteunpunt" in steun.toelichting


def test_every_municipality_has_contacts_without_invented_phones():
    d = RegionDirectory()
    import json

    swv = json.loads((CONTENT_DIR / "samenwerkingsverbanden.json").read_text(encoding="utf-8"))["samenwerkingsverbanden"]
    for gm in d.gemeenten:
        cs = d.contacts(gm, include_national=False)
        assert cs[0].rol == "leerplicht" and not cs[0].telefoon
        for c in cs:
            if c.rol.startswith("swv_"):
                assert c.telefoon == swv[c.code]["telefoon"]
            if c.rol in ("leerplicht", "jeugdhulp", "oudersteunpunt"):
                assert not c.telefoon and not c.email


def test_national_bodies():
    d = RegionDirectory()
    land = {c.code: c for c in d.national()}
    assert land["onderwijsconsulenten"].telefoon == "070-312 28 87"
    assert land["ouders_onderwijs"].telefoon == "0800-5010"
    # issue 17: the old number came only from dekinderombudsman.nl and is unverified; give the website
    assert land["kinderombudsman"].telefoon == "" and land["kinderombudsman"].website == "kinderombudsman.nl"
    assert not land["kinderombudsman"].controleren
    assert all(c.bron_url.startswith("https://") for c in land.values())


def test_pc4_selects_the_swv():
    d = RegionDirectory()
    many = [c for c in d.contacts("GM0014") if c.rol == "swv_vo"]
    one = [c for c in d.contacts("GM0014", pc4="9712") if c.rol == "swv_vo"]
    assert len(one) == 1
    assert len(many) >= 1


def test_override_replaces_and_reloads(content):
    d = RegionDirectory(content)
    assert d.help_contact("GM0479") is None
    _write(content / "overrides" / "GM0479.yml", {
        "gebied": "GM0479", "naam": "Gemeente Zaanstad (test)", "gecontroleerd": "2026-11-24",
        "contacten": {"leerplicht": {"naam": "Team Leerplicht (test)", "telefoon": "075-0000000",
                                     "email": "leerplicht@test.example"}},
        "hulpverzoek": {"naam": "Loket (test)", "email": "loket@test.example",
                        "webhook_url": "https://hooks.test.example/x", "openingstijden": "ma-vr"},
        "teksten": {"vraag_leerplicht": {"ouder": "Lokale tekst."}},
    })
    lp = d.contacts("GM0479")[0]
    assert (lp.naam, lp.telefoon, lp.lokaal, lp.zekerheid) == ("Team Leerplicht (test)", "075-0000000", True, "lokaal")
    assert lp.bron == "overrides/GM0479.yml" and lp.bron_datum == "2026-11-24"
    assert d.help_contact("GM0479")["webhook_url"] == "https://hooks.test.example/x"
    assert d.text("GM0479", "vraag_leerplicht") == "Lokale tekst."
    assert d.text("GM0479", "vraag_leerplicht", "spraak") is None
    assert d.text("GM0363", "vraag_leerplicht") is None
    assert d.municipality("GM0479")["lokaal"] == ["GM0479"]
    # edit -> live at the next call
    _write(content / "overrides" / "GM0479.yml", {
        "gebied": "GM0479", "contacten": {"leerplicht": {"telefoon": "075-1111111"}}})
    lp = d.contacts("GM0479")[0]
    assert lp.telefoon == "075-1111111" and lp.naam == "Leerplicht gemeente Zaanstad"
    assert d.help_contact("GM0479") is None
    # delete -> back to generated data
    (content / "overrides" / "GM0479.yml").unlink()
    assert d.contacts("GM0479")[0].telefoon == ""


def test_region_override_and_municipality_precedence(content):
    d = RegionDirectory(content)
    _write(content / "overrides" / "JZ09.yml", {
        "gebied": "JZ09", "hulpverzoek": {"naam": "Regioloket", "email": "regio@test.example"},
        "contacten": {"jeugdhulp": {"naam": "Jeugdhulp Zaanstreek-Waterland (test)"}}})
    assert d.help_contact("GM0439")["naam"] == "Regioloket"  # Purmerend, same jeugdregio
    assert d.help_contact("GM0479")["naam"] == "Regioloket"
    assert d.help_contact("GM0363") is None
    _write(content / "overrides" / "GM0479.yml", {
        "gebied": "GM0479", "hulpverzoek": {"naam": "Gemeenteloket", "email": "g@test.example"}})
    assert d.help_contact("GM0479")["naam"] == "Gemeenteloket"
    jh = next(c for c in d.contacts("GM0479") if c.rol == "jeugdhulp")
    assert jh.naam == "Jeugdhulp Zaanstreek-Waterland (test)"


def test_swv_override_with_other_code_replaces(content):
    d = RegionDirectory(content)
    _write(content / "overrides" / "GM0479.yml", {
        "gebied": "GM0479", "contacten": {"swv_po": {"code": "PO2799", "naam": "Nieuw SWV (test)"}}})
    po = [c for c in d.contacts("GM0479") if c.rol == "swv_po"]
    assert len(po) == 1 and po[0].code == "PO2799" and po[0].website == ""


def test_invalid_override_is_ignored(content):
    d = RegionDirectory(content)
    (content / "overrides" / "GM0479.yml").write_text("gebied: [unclosed", encoding="utf-8")
    _write(content / "overrides" / "GM0363.yml", {"gebied": "GM0479"})
    _write(content / "overrides" / "GM0014.yml", {"gebied": "GM0014", "hulpverzoek": {"naam": "x",
                                                                                     "webhook_url": "http://x"}})
    _write(content / "overrides" / "voorbeeld.yml", {"gebied": "x"})
    assert d.contacts("GM0479")[0].telefoon == ""
    assert d.help_contact("GM0014") is None
    errs = " ".join(d.override_errors)
    assert "GM0479.yml" in errs and "GM0363.yml" in errs and "https://" in errs and "voorbeeld.yml" in errs


@pytest.mark.parametrize("data,ok", [
    ({"gebied": "GM0479"}, True),
    ({"gebied": "GM0479", "contacten": {"leerplicht": {"email": "geen-mail"}}}, False),
    ({"gebied": "GM0479", "contacten": {"politie": {"naam": "x"}}}, False),
    ({"gebied": "GM0479", "teksten": {"vraag_x": {"engels": "hi"}}}, False),
    ({"gebied": "GM0479", "hulpverzoek": {"naam": "x", "email": "a@b.nl"}}, True),
    ({"gebied": "GM0479", "hulpverzoek": {"naam": "x"}}, False),
    ({"gebied": "GM0479", "onbekend": 1}, False),
])
def test_validate_override(data, ok):
    assert (validate_override(Path("GM0479.yml"), data) == []) == ok


def test_committed_overrides_are_valid():
    assert check_overrides() == []
