"""bot.turn.acknowledgement: one short sentence that shows a story was heard, from what it said."""
from datetime import date

import pytest

from bot.content.loader import ContentLibrary
from bot.turn.acknowledgement import acknowledgement, who
from bot.turn.plan import TurnInput, plan_turn

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def library():
    return ContentLibrary()


def test_who_the_story_is_about():
    assert who("onze zoon van 12 zit thuis", 12) == "uw zoon van 12"
    assert who("mn dochter wordt gepest", None) == "uw dochter"
    assert who("ik zit thuis", 15) is None
    assert who("onze pleegzoon zit thuis", 40) == "uw pleegzoon"  # an age that is not a child's is left out


def test_a_story_with_a_child_and_how_long(library):
    story = ("Onze zoon van 12 zit sinds 2 november thuis, hij wordt gepest op school en niemand doet iets. "
             "Wat kunnen wij doen?")
    assert acknowledgement(story, "ouder", TODAY, library) == "Wat vervelend dat uw zoon van 12 al 3 weken thuiszit."
    assert acknowledgement(story, "spraak", TODAY, library) == "Wat vervelend dat uw zoon van 12 al 3 weken thuiszit."


def test_a_young_person_hears_je(library):
    story = "ik ben 15 en ik zit al 3 weken thuis want ik durf niet meer naar school door paniekaanvallen"
    assert acknowledgement(story, "jongere", TODAY, library) == "Balen dat je al 3 weken thuiszit."


def test_without_a_date_only_the_story_is_acknowledged(library):
    story = "Mijn dochter wordt gepest op school en de mentor doet er niets aan, de school zegt dat het wel meevalt."
    assert acknowledgement(story, "ouder", TODAY, library) == "Dank u voor uw verhaal over uw dochter."


@pytest.mark.parametrize("text", [
    "wat is een tlv",
    "mag school mijn zoon naar huis sturen",  # short: a question, not a story
    "ik wil weten welke regels er gelden voor een aangepast rooster en wie daarover beslist op een school",
])
def test_no_acknowledgement_for_questions(library, text):
    assert acknowledgement(text, "ouder", TODAY, library) is None


def test_the_answer_to_a_story_starts_with_it(library, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_VANDAAG", TODAY.isoformat())
    story = ("Onze dochter van 9 zit sinds 2 november thuis omdat ze al maanden gepest wordt in de klas. "
             "De juf zegt dat ze het niet ziet gebeuren. Wat kunnen wij doen?")
    plan = plan_turn(TurnInput(intent="oorzaak_pesten", text=story), library)
    assert plan.replies[0].text.startswith("Wat vervelend dat uw dochter van 9 al 3 weken thuiszit.\n")
    assert plan.replies[0].answer_id == "oorzaak_pesten"


def test_no_acknowledgement_before_safety(library):
    story = "Onze zoon van 14 zit sinds 2 november thuis en zegt dat hij niet meer wil leven. Wat moeten we doen?"
    plan = plan_turn(TurnInput(intent="veiligheid", text=story), library)
    assert not plan.replies[0].text.startswith("Wat vervelend")
