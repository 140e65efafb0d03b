"""Every step-plan content file carries a check date and sources: its own `bronnen` in regels.yml,
and references to those in the other files (so each fact in content/ can be traced)."""
from datetime import date
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[3] / "content" / "stappenplan"
SOURCE_KEYS = set(yaml.safe_load((CONTENT / "regels.yml").read_text(encoding="utf-8"))["bronnen"])
FILES = sorted(CONTENT.glob("*.yml"))


def test_regels_sources_have_name_and_url():
    data = yaml.safe_load((CONTENT / "regels.yml").read_text(encoding="utf-8"))["bronnen"]
    for key, source in data.items():
        assert source.get("naam") and str(source.get("url", "")).startswith("https://"), key


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_check_date_and_sources(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    checked = data.get("gecontroleerd")
    assert isinstance(checked, date) and checked <= date.today(), path.name
    if path.name == "regels.yml":
        return
    if path.name == "vakanties.yml":  # estimates, said so in the file and in every plan that uses them
        assert "schatting" in data.get("bron", "")
        return
    refs = data.get("bronnen")
    if path.name == "stappen.yml":  # sources per step
        refs = [k for step in data["stappen"].values() for k in step.get("bronnen", [])]
    assert refs, f"{path.name}: geen bronnen"
    assert set(refs) <= SOURCE_KEYS, set(refs) - SOURCE_KEYS
