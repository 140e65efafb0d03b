"""bot.signals.story: a message that tells a child's school situation is never met with a bare
"niet begrepen"; short or unrelated messages keep the ordinary fallback."""
import pytest

from bot.nlu.intent_override import STORY_CONFIDENCE, read_from_story
from bot.signals.story import tells_a_school_situation

STORIES = [
    "Onze dochter van 11 gaat al drie weken niet meer naar school omdat ze steeds buikpijn heeft, de juf zegt dat het wel meevalt",
    "ik zit al heel lang thuis en ik weet echt niet meer wat ik moet doen met school",
    "mijn kleinzoon woont bij ons en de school belt elke week dat hij weer eerder naar huis moet komen",
    "hij zit op het vmbo en sinds de zomer gaat hij niet meer, zijn mentor reageert niet op mijn mails",
    # the wider school life: study, staff and measures by name (session 12)
    "ik ben 17 en wil mijn opleiding aan het roc afmaken maar ik kom er niet meer in sinds de zomer",
    "de teamleider heeft hem na dat ene incident gewoon geschorst en nu hoor ik niks meer van ze",
]
NOT_STORIES = [
    "mijn zoon zit thuis",  # short: the classifier or the plain fallback handles it
    "ik wil weten hoe laat het zwembad open is en wat de prijs van een kaartje is voor kinderen",
    "qqq", "", None,
    "kunt u mij vertellen wat de openingstijden zijn van het gemeentehuis op zaterdag en zondag",
    "wat kost een parkeervergunning voor mijn tweede auto in het centrum van de stad",
]


@pytest.mark.parametrize("text", STORIES)
def test_a_childs_school_story(text):
    assert tells_a_school_situation(text)
    assert read_from_story(text, "nlu_fallback") == ("situatie_thuiszitten", STORY_CONFIDENCE)


@pytest.mark.parametrize("text", NOT_STORIES)
def test_not_a_story(text):
    assert not tells_a_school_situation(text)
    assert read_from_story(text, "nlu_fallback") is None


def test_only_a_not_understood_is_read_from_the_story():
    assert read_from_story(STORIES[0], "vraag_verzuim") is None


def test_the_story_confidence_stays_below_the_mid_form_topic_threshold():
    from actions.form_support import MID_FORM_TOPIC_MIN_CONFIDENCE

    assert STORY_CONFIDENCE < MID_FORM_TOPIC_MIN_CONFIDENCE
