"""The conversation scripts: the shipped set is valid and varied, broken files are refused with every
problem named, and no script copies a sentence from the training or test data."""
import re
from pathlib import Path

import pytest
import yaml

from bench.load.scripts import MAX_TURNS, MIN_TURNS, ScriptError, load_scripts, parse_scripts

REPO = Path(__file__).resolve().parents[4]


def test_shipped_scripts_are_valid_and_varied():
    scripts = load_scripts()
    assert 15 <= len(scripts) <= 25
    assert all(MIN_TURNS <= len(s.turns) <= MAX_TURNS for s in scripts)
    voices = {s.voice for s in scripts}
    assert {"ouder", "jongere"} <= voices
    assert any(len(t.text) > 250 for s in scripts for t in s.turns), "long stories"
    assert any(s.metadata.get("doelgroep") == "jongere" for s in scripts)
    assert any(t.expect for s in scripts for t in s.turns)


def test_form_scripts_stop_before_sending():
    # A confirmed help request is stored and delivered to a real contact point; the form scripts stop
    # before the end, so the load test is safe against a production stack.
    form_scripts = [s for s in load_scripts() if s.name.startswith("hulpvraag_")]
    assert len(form_scripts) >= 2
    for script in form_scripts:
        last = script.turns[-1].text.lower()
        assert last == "stop" or last.startswith("laat maar"), script.name


def _normalized(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\{[^}]+\}", r"\1", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _training_and_test_sentences() -> set[str]:
    sentences = set()
    for path in [*(REPO / "data" / "nlu").glob("*.yml"), *(REPO / "tests" / "nlu_testset").glob("*.yml")]:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    sentences.add(_normalized(line.strip()[2:]))
    for path in (REPO / "tests" / "test_stories").glob("*.yml"):
        for story in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories", []):
            for step in story.get("steps", []):
                if isinstance(step, dict) and "user" in step:
                    sentences.add(_normalized(str(step["user"])))
    return sentences


def test_scripts_are_written_for_the_load_test_not_copied():
    known = _training_and_test_sentences()
    assert len(known) > 1000  # the check reads the real data
    commands = {"stop"}
    copies = [(s.name, t.text) for s in load_scripts() for t in s.turns
              if _normalized(t.text) in known and _normalized(t.text) not in commands]
    assert copies == []


def _doc(turns, **extra):
    return {"gesprekken": [{"naam": "een_gesprek", "stem": "ouder", "beurten": turns, **extra}]}


def test_parse_accepts_text_and_mapping_turns():
    scripts, problems = parse_scripts(_doc(["hoi", {"tekst": "wat is een  tlv", "verwacht": "TLV"}, "doei"]),
                                      "x.yml")
    assert problems == []
    assert [t.text for t in scripts[0].turns] == ["hoi", "wat is een tlv", "doei"]
    assert scripts[0].turns[1].expect == "TLV"


@pytest.mark.parametrize("document, fragment", [
    (_doc(["a", "b"]), "2 turns"),
    (_doc(["a"] * 9), "9 turns"),
    (_doc(["a", "b", "x" * 501]), "501 characters"),
    (_doc(["a", "", "c"]), "empty message"),
    (_doc(["a", {"tekst": "b", "antwoord": "c"}, "c"]), "unknown keys"),
    (_doc(["a", "b", "c"], metadata={"doelgroep": "kind"}), "doelgroep"),
    (_doc(["a", "b", "c"], metadata={"gemeente": "Zaandam"}), "CBS code"),
    (_doc(["a", "b", "c"], metadata={"bsn": "123"}), "not sent by the widget"),
    ({"gesprekken": [{"naam": "Met Spaties", "stem": "ouder", "beurten": ["a", "b", "c"]}]}, "naam"),
    ({"beurten": []}, "gesprekken"),
])
def test_parse_names_each_problem(document, fragment):
    _, problems = parse_scripts(document, "x.yml")
    assert any(fragment in p for p in problems), problems


def test_load_refuses_duplicates_and_unknown_names(tmp_path):
    body = yaml.safe_dump(_doc(["a", "b", "c"]))
    (tmp_path / "een.yml").write_text(body)
    (tmp_path / "twee.yml").write_text(body)
    with pytest.raises(ScriptError, match="also used in"):
        load_scripts(tmp_path)
    (tmp_path / "twee.yml").unlink()
    with pytest.raises(ScriptError, match="unknown script names"):
        load_scripts(tmp_path, only=["bestaat_niet"])
    assert [s.name for s in load_scripts(tmp_path, only=["een_gesprek"])] == ["een_gesprek"]


def test_load_refuses_broken_yaml_and_empty_directory(tmp_path):
    with pytest.raises(ScriptError, match="no \\*.yml"):
        load_scripts(tmp_path)
    (tmp_path / "kapot.yml").write_text("gesprekken: [\n")
    with pytest.raises(ScriptError, match="not valid YAML"):
        load_scripts(tmp_path)
