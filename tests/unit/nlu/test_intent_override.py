"""bot.nlu.intent_override: safety and language win over the classifier."""
import pytest

from bot.nlu.intent_override import override_intent


@pytest.mark.parametrize("text", [
    "mn vader slaat me en ik durf nie naar huis",
    "ik wil niet meer leven",
    "onze zoon is geschorst en hij zegt dat hij zichzelf iets wil aandoen",
])
def test_danger_becomes_safety_intent(text):
    assert override_intent(text) == "veiligheid"


@pytest.mark.parametrize("text", ["Hello, can you help me with my son's school?", "Do you speak English?"])
def test_english_becomes_other_language(text):
    assert override_intent(text) == "andere_taal"


@pytest.mark.parametrize("text", ["", "   ", None, "wat is een opp", "ik ga dood van verveling op school", "ff checken wat passend onderwijs is"])
def test_ordinary_dutch_is_left_alone(text):
    assert override_intent(text) is None


@pytest.mark.parametrize("text", ["qqqq", "...", "sdfkjh qwpeoi zxmcnv"])
def test_gibberish_becomes_fallback(text):
    assert override_intent(text) == "nlu_fallback"


@pytest.mark.parametrize("text", ["ja", "jaaaaaa", "ja hoor", "oké!", "okeeee", "prima", "doe maar", "is goed",
                                  "dat lijkt me fijn", "graag", "👍", "yesss", "klopt", "akkoord"])
def test_a_real_yes_stays_a_yes(text):
    assert override_intent(text, "bevestigen") is None


@pytest.mark.parametrize("text", ["hmm", "lol", "xyz", "pfff", "nou", "tja"])
def test_nonsense_is_never_a_yes(text):
    assert override_intent(text, "bevestigen") == "nlu_fallback"


def test_yes_cue_only_matters_for_the_yes_intent():
    assert override_intent("nou zeg", "groet") is None
    assert override_intent("nou zeg", "bevestigen") == "nlu_fallback"


@pytest.mark.parametrize("text", [
    "ik trek het daar echt nie meer", "Ik trek het niet meer op die school", "trek t echt ni meer",
    "ik trek dit gewoon niet langer", "mn zoon trekt het niet meer",
])
def test_cant_cope_is_not_a_withdrawal(text):
    assert override_intent(text, "hulpvraag_intrekken") == "nlu_fallback"
    assert override_intent(text, "situatie_thuiszitten") is None  # only the withdrawal is corrected


def test_every_written_withdrawal_stays_a_withdrawal():
    import yaml
    from bot.tooling.launcher import REPO
    examples = []
    for path in [*(REPO / "data" / "nlu").glob("*.yml"), *(REPO / "tests" / "nlu_testset").glob("*.yml")]:
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if item.get("intent") == "hulpvraag_intrekken":
                examples += [line[2:] for line in item["examples"].splitlines() if line.strip()]
    assert len(examples) > 50
    for text in examples + ["ik trek het niet meer, trek mijn hulpvraag in", "ik trek het niet meer, WW-7K3F-9Q2M mag weg"]:
        plain = text.replace("[", "").replace("]", "")
        assert override_intent(plain, "hulpvraag_intrekken") is None, text
