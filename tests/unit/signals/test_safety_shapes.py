"""The danger shapes of tests/unit/signals/safety_shapes.yml: each one is found as its kind by the patterns alone,
and each look-alike stays safe (data, one file; sessions 14, 16 and 17 each added the shapes they wrote patterns
for)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.signals.safety import detect_danger

SHAPES = yaml.safe_load(Path(__file__).with_name("safety_shapes.yml").read_text(encoding="utf-8"))


def test_the_shapes_file_is_read_whole():
    assert len(SHAPES["gevaar"]) >= 80 and len(SHAPES["veilig"]) >= 40
    assert {row["sessie"] for row in SHAPES["gevaar"]} == {"14", "16", "17"}


@pytest.mark.parametrize("row", SHAPES["gevaar"], ids=lambda row: row["tekst"][:50])
def test_danger_shapes_in_our_own_words(row):
    found = detect_danger(row["tekst"])
    assert found is not None and found.kind == row["soort"], (row, found)


@pytest.mark.parametrize("row", SHAPES["veilig"], ids=lambda row: row["tekst"][:50])
def test_look_alikes_stay_safe(row):
    assert detect_danger(row["tekst"]) is None, (row, detect_danger(row["tekst"]))
