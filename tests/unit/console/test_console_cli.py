"""python -m bot.console.cli maak-beheerder: refuses weak passwords, never a default."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.console.accounts import Accounts
from bot.console.passwords import verify_password
from bot.hulpvraag.db import make_engine

REPO = Path(__file__).resolve().parents[3]


def run(tmp_path, name: str, stdin: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=f"sqlite:///{tmp_path / 'c.db'}")
    return subprocess.run([sys.executable, "-m", "bot.console.cli", "maak-beheerder", name, "--wachtwoord-stdin"],
                          input=stdin, capture_output=True, text=True, env=env, cwd=REPO)


def test_creates_admin_with_given_password(tmp_path):
    result = run(tmp_path, "Beheer", "een lang wachtwoord 42\n")
    assert result.returncode == 0, result.stderr
    acc = Accounts(make_engine(f"sqlite:///{tmp_path / 'c.db'}")).by_name("beheer")
    assert acc.rol == "beheerder" and verify_password(acc.wachtwoord_hash, "een lang wachtwoord 42")


def test_refuses_weak_or_empty_password_and_duplicates(tmp_path):
    assert run(tmp_path, "beheer", "kort\n").returncode == 1
    assert run(tmp_path, "beheer", "\n").returncode == 1
    assert run(tmp_path, "beheer", "een lang wachtwoord 42\n").returncode == 0
    again = run(tmp_path, "beheer", "een ander lang wachtwoord 7\n")
    assert again.returncode == 1 and "bestaat al" in again.stderr
