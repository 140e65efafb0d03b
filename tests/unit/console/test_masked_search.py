"""The masked search's shortcuts give exactly the plain definition: a message matches when the search
text occurs in its redacted form, and every prefilter word occurs in the original."""
from __future__ import annotations

from pathlib import Path

import yaml

from bot.console.masked_search import masked_query, matches, prefilter_words
from bot.privacy.redaction import redact

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "redaction_testset.yml"


def messages() -> list[str]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    texts = [item["tekst"] if isinstance(item, dict) else str(item)
             for items in data.values() if isinstance(items, list) for item in items]
    return [t for t in texts if t] + ["Bel me op 06-12345678 of mail a@b.nl", "[naam] zei het al", ""]


def needles(text: str, masked: str) -> set[str]:
    out = set()
    for source in (text.lower(), masked.lower()):
        for size in (1, 2, 3, 5, 8, 13):
            out |= {source[i:i + size] for i in range(0, max(len(source) - size + 1, 0), 3)}
    out |= {"[telefoonnummer]", "telefoon", "e-mail]", "] ", "naam", "tekst verborgen", "06", "0612"}
    return {n for n in out if n.strip()}


def test_shortcuts_equal_the_plain_definition():
    compared = 0
    memo: dict[str, str] = {}
    for text in messages():
        masked = redact(text)
        for needle in needles(text, masked):
            plain = needle in masked.lower()
            assert matches(text, needle) == plain == matches(text, needle, memo), (text, needle)
            if plain:   # a prefilter word is never missing from the original of a hit
                assert all(w in text.lower() for w in prefilter_words(needle)), (text, needle)
            compared += 1
    assert compared > 5000


def test_a_masked_number_cannot_be_found_digit_by_digit():
    text = "Mijn zoon zit thuis, bel me op 06-12345678"
    number = "06-12345678"
    assert not any(matches(text, number[:i]) for i in range(2, len(number) + 1))
    assert matches(text, "[telefoonnummer]") and matches(text, "zoon zit")


def test_the_audit_keeps_only_a_masked_query():
    assert masked_query("06-1234") == "##-####"
    assert masked_query("bel 0612345678") == "bel [telefoonnummer]"
    assert "jansen@" not in masked_query("jansen@hotmail")
