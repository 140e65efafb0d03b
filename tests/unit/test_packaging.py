"""A wheel of the project carries every file the code reads at run time, not only the Python.

An editable install (scripts/lib.sh) reads the files from the checkout, so a missing package-data
pattern only shows in a real install (`pip install .`): the topic list in bot/rasa/domain, the name
lists of the redaction, the console's templates, script and style sheet. Built from a copy of the
tracked files, so the checkout gets no build/ or egg-info of it."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _tracked(*paths: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", *paths], cwd=REPO, check=True, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def test_the_wheel_holds_every_tracked_file_of_the_packages(tmp_path):
    source = tmp_path / "src"
    files = _tracked("bot", "actions")
    for name in [*files, "pyproject.toml", "README.md", "LICENSE"]:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    str(source), "-w", str(tmp_path / "dist")], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("*.whl"))
    inside = set(zipfile.ZipFile(wheel).namelist())
    missing = [f for f in files if f not in inside]
    assert not missing, missing
    # the run-time data files in particular (one of each kind that was missing before)
    for name in ("bot/privacy/namen_bron.txt", "bot/console/templates/base.html", "bot/console/static/live.js",
                 "bot/console/static/console.css", "bot/rasa/domain/onderwerpen.yml"):
        assert name in inside
