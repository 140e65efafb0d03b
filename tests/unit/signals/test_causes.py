"""bot.signals.causes: the cause of thuiszitten a story names; one cause gets that topic's answer when
the classifier did not understand the story."""
import pytest

from bot.signals.causes import load_causes, named_causes, single_cause
from bot.nlu.intent_override import STORY_CONFIDENCE, read_from_story
from bot.turn.plan import topic_intents


@pytest.mark.parametrize("text,cause", [
    ("onze dochter wordt al maanden gepest in de klas en durft niet meer", "oorzaak_pesten"),
    ("hij is hoogbegaafd en verveelt zich dood", "oorzaak_hoogbegaafd"),
    ("mijn zoon heeft adhd en de school zegt dat ze handelingsverlegen zijn", "oorzaak_extra_ondersteuning"),
    ("ze heeft long covid en kan maar twee uur per dag", "oorzaak_ziek"),
    ("sinds haar burn-out durft ze de deur niet uit", "oorzaak_angst"),
    ("hij mag van school alleen nog de ochtenden komen", "aangepast_rooster"),
    ("de school heeft hem weer naar huis gestuurd zonder brief", "naar_huis_gestuurd"),
    ("we staan al een half jaar op de wachtlijst voor het so", "wachtlijst"),
    ("we zijn in de zomer verhuisd en hebben nog geen school", "verhuizen"),
    ("de school wil een mdo plannen", "mdo"),
])
def test_one_named_cause(text, cause):
    assert single_cause(text) == cause


def test_two_causes_are_not_one():
    assert len(named_causes("hij heeft autisme en wordt gepest")) == 2
    assert single_cause("hij heeft autisme en wordt gepest") is None


def test_every_cause_is_a_topic_with_an_answer():
    assert set(load_causes()) <= topic_intents()


def test_a_not_understood_story_with_one_cause_gets_that_cause():
    story = "onze zoon van 12 wordt al een jaar gepest en nu gaat hij sinds drie weken niet meer naar school"
    assert read_from_story(story, "nlu_fallback") == ("oorzaak_pesten", STORY_CONFIDENCE)
    story2 = "onze zoon van 12 heeft autisme en wordt gepest en nu gaat hij sinds drie weken niet meer naar school"
    assert read_from_story(story2, "nlu_fallback") == ("situatie_thuiszitten", STORY_CONFIDENCE)
