from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from pathlib import Path

import pytest

from bot.content.loader import (
    CONTENT_DIR_ENV,
    Answer,
    ContentLibrary,
    Source,
    default_content_dir,
)

VALID = """\
id: {id}
soort: feit
knop: Schorsing
gecontroleerd: 2026-11-01
bronnen:
  - naam: Rijksoverheid
    url: https://www.rijksoverheid.nl/
tekst:
  ouder: |-
    {text}
  jongere: Je mag niet lang naar huis.
  spraak: De school mag je niet lang naar huis sturen.
vervolg: [vraag_verwijdering]
"""


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def write(directory: Path, answer_id: str, text: str = "Een school mag u niet lang weren.") -> Path:
    path = directory / f"{answer_id}.yml"
    path.write_text(VALID.format(id=answer_id, text=text), encoding="utf-8")
    return path


def touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_loads_answer_into_dataclasses(tmp_path: Path) -> None:
    write(tmp_path, "vraag_schorsing")
    answer = ContentLibrary(tmp_path).get("vraag_schorsing")
    assert isinstance(answer, Answer)
    assert answer.id == "vraag_schorsing"
    assert answer.soort == "feit"
    assert answer.knop == "Schorsing"
    assert answer.gecontroleerd == dt.date(2026, 11, 1)
    assert answer.bronnen == (Source("Rijksoverheid", "https://www.rijksoverheid.nl/"),)
    assert answer.tekst["jongere"] == "Je mag niet lang naar huis."
    assert set(answer.tekst) == {"ouder", "jongere", "spraak"}
    assert answer.vervolg == ("vraag_verwijdering",)


def test_answer_is_immutable(tmp_path: Path) -> None:
    write(tmp_path, "vraag_schorsing")
    answer = ContentLibrary(tmp_path).get("vraag_schorsing")
    assert answer is not None
    with pytest.raises(AttributeError):
        answer.knop = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        answer.tekst["ouder"] = "x"  # type: ignore[index]


def test_get_unknown_returns_none_and_all_lists_answers(tmp_path: Path) -> None:
    write(tmp_path, "vraag_schorsing")
    write(tmp_path, "vraag_verwijdering")
    library = ContentLibrary(tmp_path)
    assert library.get("bestaat_niet") is None
    assert sorted(library.all()) == ["vraag_schorsing", "vraag_verwijdering"]


def test_ignores_non_yml_files(tmp_path: Path) -> None:
    write(tmp_path, "vraag_schorsing")
    (tmp_path / "notities.txt").write_text("id: notities", encoding="utf-8")
    assert list(ContentLibrary(tmp_path).all()) == ["vraag_schorsing"]


@pytest.mark.parametrize(
    "content",
    [
        "id: [unclosed",
        "- just\n- a list\n",
        "",
        VALID.format(id="ander_id", text="Tekst."),
        VALID.format(id="kapot", text="Tekst.").replace("2026-11-01", "gisteren"),
        VALID.format(id="kapot", text="Tekst.").replace("soort: feit", "soort: onzin"),
        VALID.format(id="kapot", text="Tekst.").replace("knop: Schorsing", "knop: 12"),
    ],
)
def test_malformed_file_is_skipped_and_logged(
    tmp_path: Path, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "vraag_schorsing")
    (tmp_path / "kapot.yml").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="bot.content.loader"):
        library = ContentLibrary(tmp_path)
    assert library.get("kapot") is None
    assert library.get("vraag_schorsing") is not None
    assert "kapot" in library.errors()
    assert any("kapot.yml" in record.getMessage() for record in caplog.records)


def test_reloads_changed_file_after_interval(tmp_path: Path) -> None:
    clock = FakeClock()
    path = write(tmp_path, "vraag_schorsing", text="Oud.")
    library = ContentLibrary(tmp_path, clock=clock)
    assert library.get("vraag_schorsing").tekst["ouder"] == "Oud."  # type: ignore[union-attr]

    write(tmp_path, "vraag_schorsing", text="Nieuw.")
    touch_later(path)
    clock.now = 0.5
    assert library.get("vraag_schorsing").tekst["ouder"] == "Oud."  # type: ignore[union-attr]
    clock.now = 1.5
    assert library.get("vraag_schorsing").tekst["ouder"] == "Nieuw."  # type: ignore[union-attr]


def test_unchanged_file_is_not_reparsed(tmp_path: Path) -> None:
    clock = FakeClock()
    write(tmp_path, "vraag_schorsing")
    library = ContentLibrary(tmp_path, clock=clock)
    first = library.get("vraag_schorsing")
    clock.now = 5.0
    assert library.get("vraag_schorsing") is first


def test_picks_up_new_removed_and_repaired_files(tmp_path: Path) -> None:
    clock = FakeClock()
    old = write(tmp_path, "vraag_schorsing")
    broken = tmp_path / "vraag_verwijdering.yml"
    broken.write_text("id: [", encoding="utf-8")
    library = ContentLibrary(tmp_path, clock=clock)
    assert list(library.all()) == ["vraag_schorsing"]

    old.unlink()
    write(tmp_path, "vraag_verwijdering")
    touch_later(broken)
    write(tmp_path, "vraag_klacht")
    clock.now = 2.0
    assert sorted(library.all()) == ["vraag_klacht", "vraag_verwijdering"]
    assert library.errors() == {}


def test_missing_directory_gives_empty_library(tmp_path: Path) -> None:
    library = ContentLibrary(tmp_path / "bestaat_niet")
    assert library.all() == {}
    assert library.get("groet") is None


def test_default_dir_can_be_overridden_by_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CONTENT_DIR_ENV, raising=False)
    assert default_content_dir().parts[-2:] == ("content", "antwoorden")
    write(tmp_path, "groet")
    monkeypatch.setenv(CONTENT_DIR_ENV, str(tmp_path))
    assert default_content_dir() == tmp_path
    assert ContentLibrary().get("groet") is not None


def test_concurrent_gets_are_safe(tmp_path: Path) -> None:
    for index in range(10):
        write(tmp_path, f"vraag_{index}")
    library = ContentLibrary(tmp_path, check_interval=0.0)
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(50):
                assert len(library.all()) == 10
                assert library.get("vraag_3") is not None
        except BaseException as error:  # noqa: BLE001 - collected for the assertion below
            failures.append(error)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_real_content_loads() -> None:
    directory = Path(__file__).resolve().parents[3] / "content" / "antwoorden"
    files = sorted(directory.glob("*.yml"))
    if not files:
        pytest.skip("no content files yet")
    library = ContentLibrary(directory)
    assert library.errors() == {}
    assert set(library.all()) == {f.stem for f in files}
