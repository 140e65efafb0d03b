"""Tricky cases for redaction, and hostile input."""
import pytest

from bot.privacy.identifiers import elfproef
from bot.privacy.redaction import FAILED, find_personal_data, redact


def kinds(text):
    return [(s.kind, s.text) for s in find_personal_data(text)]


@pytest.mark.parametrize("text", [
    "Op 12-10-2026 is het gesprek",
    "op 01-02-2026 12 uur bellen",
    "hij zit in groep 8",
    "het kost € 725.763.863",          # passes the 11-proef, but an amount
    "725763863 euro subsidie",
    "referentie WW-3K7P-9XQ2",
    "Ouders & Onderwijs: 0800-5010",
    "Onderwijsconsulenten 070-312 28 87",
    "vraag@oudersonderwijs.nl",
    "we wonen in 3512",
    "in 2026 en 2027",
    "in 2026 op 12 mei",
    "ik ben onderweg 2 uur",
    "de vergadering 3 keer verzet",
    "Ben je er morgen?",
    "Max. 3 dagen per week",
    "12 Jan 2026",
    "ik ben de moeder",
    "Ik ben bang",
    "dossier 2025-0417",
    "1500km rijden",
    "894337824",                        # fails the 11-proef, no BSN word nearby: left visible (decision)
    "06-1234567",                       # one digit short: not a phone number
])
def test_not_personal(text):
    assert find_personal_data(text) == []
    assert redact(text) == text


@pytest.mark.parametrize("text,expected", [
    ("bsn 894337824", [("bsn", "894337824")]),                 # fails the 11-proef, but a BSN word
    ("bsn 12345678", [("bsn", "12345678")]),
    ("bsn 725763863 12 jaar", [("bsn", "725763863")]),
    ("725763863 527239380", [("bsn", "725763863"), ("bsn", "527239380")]),
    ("+31 6 12345678 12 uur", [("telefoon", "+31 6 12345678")]),
    ("06.12.34.56.78", [("telefoon", "06.12.34.56.78")]),
    ("tel0612345678", [("telefoon", "0612345678")]),
    ("0612345678@gmail.com", [("email", "0612345678@gmail.com")]),
    ("NL91ABNA0417164300 is mijn rekening", [("iban", "NL91ABNA0417164300")]),
    ("NL91 ABNA 0417 1643 00.", [("iban", "NL91 ABNA 0417 1643 00")]),
    ("Mijn zoon Daan Jansen-de Wit", [("naam", "Daan Jansen-de Wit")]),
    ("mevrouw de Boer van de GGD", [("naam", "de Boer")]),
    ("ik ben de moeder van Lucas en Emma", [("naam", "Lucas"), ("naam", "Emma")]),
])
def test_personal(text, expected):
    assert kinds(text) == expected


def test_placeholders():
    text = "Ik ben Fatima de Vries, 06-12345678, fatima@gmail.com, bsn 725763863, 1234 AB 12"
    assert redact(text) == "Ik ben [naam], [telefoonnummer], [e-mail], bsn [BSN], [adres]"


def test_spans_point_into_the_text():
    text = "mail j.jansen@hotmail.nl of bel 06 23 45 67 89"
    for s in find_personal_data(text):
        assert text[s.start:s.end] == s.text


def test_elfproef():
    assert elfproef("725763863") and not elfproef("725763864") and not elfproef("000000000")
    assert not elfproef("12345678")


@pytest.mark.parametrize("value", [None, 12345, b"06-12345678", "", "\x00\x01\u202e" * 10])
def test_odd_input_never_raises(value):
    assert isinstance(redact(value), str)


@pytest.mark.parametrize("text", [
    "9" * 100_000,
    "06 " * 33_000,
    "0612345678 " * 9_000,
    "a@" * 50_000,
    "x@y.nl " * 14_000,
    "ik ben " * 14_000,
    "Daan " * 20_000,
    "1234 AB 12 " * 9_000,
    "(0" * 50_000,
    " " * 100_000 + "Kerkweg 4",
    "\x00\x07\u200b\u202e" * 25_000,
])
def test_hostile_input_is_handled(text):
    out = redact(text)
    assert out != FAILED and isinstance(out, str)


def test_many_numbers_all_masked():
    out = redact("0612345678 " * 9_000)
    assert "0612345678" not in out and out.count("[telefoonnummer]") == 9_000


def test_detection_failure_hides_the_text(monkeypatch):
    import bot.privacy.redaction as r

    def broken(_text):
        raise RuntimeError("kapot")
    monkeypatch.setattr(r, "find_names", broken)
    assert r.redact("Ik ben Daan") == FAILED
