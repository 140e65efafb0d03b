"""The registry against the code, the scripts and the docs: every WEGWIJZER_* name they use is declared once,
docs/settings.md is the generated table, and no doc names a variable that does not exist."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from bot import settings
from bot.settings import table

REPO = Path(__file__).resolve().parents[3]
NAME = re.compile(r"WEGWIJZER_[A-Z0-9_]*[A-Z0-9_]")


def _tracked(*paths: str) -> list[Path]:
    """Tracked files and new ones git does not ignore (a variable added in an uncommitted file counts too)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *paths], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    return [REPO / line for line in out.splitlines() if (REPO / line).is_file()]


def _undeclared(files: list[Path]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for name in set(NAME.findall(text)):
            prefix_of_declared = name.endswith("_") and any(s.name.startswith(name) for s in settings.SETTINGS)
            if not settings.declared(name) and not prefix_of_declared:
                found.setdefault(name, []).append(str(path.relative_to(REPO)))
    return found


def test_every_name_in_the_code_and_scripts_is_declared():
    files = _tracked("bot", "actions", "scripts", ".ci", "bot/production")
    assert len(files) > 200   # the scan really read the tree
    assert _undeclared(files) == {}


def test_the_docs_name_no_variable_that_is_not_declared():
    files = _tracked("README.md", "docs")
    assert any(p.name == "README.md" for p in files)
    assert _undeclared(files) == {}


def test_the_tests_name_no_variable_that_is_not_declared():
    files = [p for p in _tracked("tests") if "settings" not in p.relative_to(REPO).parts]  # these name typos on purpose
    assert _undeclared(files) == {}


def test_the_committed_table_is_the_generated_one():
    assert table.TARGET.read_text(encoding="utf-8") == table.render(), \
        "docs/settings.md is out of date: run python -m bot.settings.table"
    assert table.main(["--check"]) == 0


def test_the_table_check_fails_on_a_stale_table(tmp_path, capsys):
    stale = tmp_path / "settings.md"
    stale.write_text(table.render().replace("WEGWIJZER_CONSOLE_PORT", "WEGWIJZER_CONSOLE_POORT"), encoding="utf-8")
    assert table.main(["--check", "--out", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err


def test_every_variable_is_declared_once_with_a_description_and_known_processes():
    counts = Counter(s.name for s in settings.SETTINGS)
    assert [n for n, c in counts.items() if c > 1] == []
    for s in settings.SETTINGS:
        assert s.name.startswith("WEGWIJZER_"), s.name
        assert s.description and "\n" not in s.description, s.name
        assert s.processes and set(s.processes) <= set(settings.PROCESSES), s.name
        assert s.parse(None) == s.default   # the default is what unset reads as
        assert s.family == s.name.endswith("_"), s.name


def test_every_variable_is_a_row_of_the_table():
    text = table.render()
    for s in settings.SETTINGS:
        assert f"| `{s.name}{'<NAME>' if s.family else ''}` |" in text


def test_the_scripts_defaults_are_the_registrys():
    """``${WEGWIJZER_X:-value}`` in scripts/ and .ci/ (a literal value) is the registry's default."""
    pattern = re.compile(r"\$\{(WEGWIJZER_[A-Z0-9_]+):-([^}$]*)\}")
    seen = 0
    for path in _tracked("scripts", ".ci"):
        for name, value in pattern.findall(path.read_text(encoding="utf-8")):
            setting = settings.lookup(name)
            assert setting.parse(value, name) == setting.default, f"{path.name}: {name}:-{value}"
            seen += 1
    assert seen >= 15
