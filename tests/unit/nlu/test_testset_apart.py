"""The held-out NLU test set stays apart from the training data: no test message is also a training
example (compared without entity markup, case and punctuation). Otherwise the held-out F1 in
reports/ would partly measure memory instead of understanding."""
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[3]
MARKUP = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def comparable(text: str) -> str:
    plain = MARKUP.sub(lambda m: m.group(1) or m.group(2), text).lower()
    words = re.sub(r"[^\w]+", " ", plain).strip()
    return words or plain.strip()  # "👍" and "?!?!" compare as they are


def examples(directory: Path):
    for path in sorted(directory.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    yield path.name, block.get("intent"), line.strip()[2:]


def test_comparable_ignores_markup_case_and_punctuation_only():
    assert comparable("Zit [al 6 weken](duur) thuis!") == comparable("zit al 6 weken thuis")
    assert comparable("👍") != comparable("👎")
    assert comparable("ja") != comparable("jaa")


def probe_messages():
    from bot.nlu.probe import DEFAULT_FILE, read_probe

    return [("realistic_messages.tsv", intent, text) for intent, text in read_probe(DEFAULT_FILE)]


def corpus_messages():
    from bot.nlu.corpus import read_corpus

    for path in sorted((REPO / "tests" / "nlu_corpus").glob("*.tsv")):
        for message in read_corpus(path):
            yield path.name, message.topics[0], message.text


def safety_set_messages():
    from bot.nlu.danger_sets import read_set

    for path in sorted((REPO / "tests" / "safety_sets").glob("*.tsv")):
        for _, kind, text in read_set(path):
            yield path.name, kind, text


def test_the_independent_corpus_is_there_and_read_whole():
    messages = list(corpus_messages())
    assert len(messages) >= 300
    assert sum(len(text.split()) > 30 for _, _, text in messages) >= len(messages) / 3


def danger_examples():
    from bot.nlu.danger_classifier import read_examples

    for label, text in read_examples(REPO / "data" / "gevaar"):
        yield "data/gevaar", label, text


def test_no_held_out_or_probe_message_is_a_training_example():
    training = {comparable(text) for _, _, text in [*examples(REPO / "data" / "nlu"), *danger_examples()]}
    held_out = [*examples(REPO / "tests" / "nlu_testset"), *probe_messages(), *corpus_messages(),
                *safety_set_messages()]
    shared = [f"{name}: {text}" for name, _, text in held_out if comparable(text) in training]
    assert shared == []
