"""The trained model a real-stack test needs: skipped without it, failed instead when
WEGWIJZER_REQUIRE_MODEL=1 (scripts/test, CI), so a missing model never passes unnoticed."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def require_model(model: Path) -> None:
    if model.exists():
        return
    if os.environ.get("WEGWIJZER_REQUIRE_MODEL") == "1":
        pytest.fail(f"geen getraind model in {model}")
    pytest.skip("geen getraind model; draai scripts/test of rasa train")
