from pathlib import Path

from bot.tooling.model_fingerprint import fingerprint, is_up_to_date, main, stamp_path


def make_repo(root: Path) -> None:
    (root / "bot/rasa/domain").mkdir(parents=True)
    (root / "data/nlu").mkdir(parents=True)
    (root / "bot/rasa/config.yml").write_text("pipeline: []\n")
    (root / "bot/rasa/domain/a.yml").write_text("intents: [groet]\n")
    (root / "data/nlu/a.yml").write_text("nlu: []\n")


def test_fingerprint_changes_with_training_inputs_only(tmp_path):
    make_repo(tmp_path)
    before = fingerprint(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/x.yml").write_text("tekst: nieuw\n")
    assert fingerprint(tmp_path) == before
    (tmp_path / "data/nlu/a.yml").write_text("nlu: [x]\n")
    assert fingerprint(tmp_path) != before


def test_stamp_roundtrip(tmp_path):
    make_repo(tmp_path)
    model = tmp_path / "m.tar.gz"
    assert not is_up_to_date(model, tmp_path)
    model.write_bytes(b"model")
    stamp_path(model).write_text(fingerprint(tmp_path))
    assert is_up_to_date(model, tmp_path)
    (tmp_path / "bot/rasa/config.yml").write_text("pipeline: [x]\n")
    assert not is_up_to_date(model, tmp_path)


def test_cli_usage():
    assert main([]) == 2
