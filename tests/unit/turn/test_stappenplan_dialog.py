"""When the step plan is shown or a fact is asked first (bot.turn.stappenplan_dialog)."""
from datetime import date

import pytest

from bot.stappenplan import Situation, extract_situation, missing_question
from bot.turn.stappenplan_dialog import MAX_QUESTIONS, answer_status, knows_where_they_stand, should_ask, worth_a_plan

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("text, expected", [
    ("hij zit sinds 2 september thuis", True),
    ("we hebben met school gepraat en leerplicht gebeld", True),
    ("mijn zoon van 13 zit thuis", False),
    ("mijn kind zit thuis wat nu", False),
    ("ze is geschorst", True),
])
def test_story_gets_a_plan_only_when_it_says_where_they_stand(text, expected):
    situation = extract_situation(text, TODAY)
    assert knows_where_they_stand(situation) is expected
    assert worth_a_plan("situatie_thuiszitten", situation) is expected


def test_plan_request_always_gets_a_plan_or_its_questions():
    assert worth_a_plan("stappenplan", Situation()) is True


def test_each_question_once_and_a_few_in_all():
    question = missing_question(Situation(), "ouder", TODAY)
    assert question is not None
    assert should_ask(question, []) is True
    assert should_ask(question, [question.veld]) is False
    assert should_ask(question, ["a", "b", "c"][:MAX_QUESTIONS]) is False
    assert should_ask(None, []) is False


def test_answer_status():
    question = missing_question(Situation(), "ouder", TODAY)
    assert answer_status("laat maar", question, []) == "gestopt"
    assert answer_status("15 september", question, []) == "verder"
    assert answer_status("15 september", question, [question.veld]) == "klaar"
    assert answer_status("15 september", None, []) == "klaar"


def test_a_wish_for_a_person_ends_the_questions():
    from bot.turn.stappenplan_dialog import wants_a_person

    assert wants_a_person("mens_spreken") and wants_a_person("hulpvraag_starten")
    assert not wants_a_person("bevestigen") and not wants_a_person(None)


def test_a_follow_up_is_answered_as_one_even_when_the_family_told_where_it_stands():
    from datetime import date

    from bot.stappenplan import extract_situation

    told = extract_situation("ze zit al 9 weken thuis en staat op de wachtlijst", date(2026, 12, 7))
    assert worth_a_plan("situatie_thuiszitten", told) is True
    assert worth_a_plan("situatie_thuiszitten", told, follow_up=True) is False
    assert worth_a_plan("stappenplan", told, follow_up=True) is True  # asked for the plan outright


def test_a_question_about_the_previous_answer_is_a_follow_up_and_a_new_story_is_not():
    from bot.content.loader import ContentLibrary
    from bot.turn.plan import TurnInput, is_follow_up

    library = ContentLibrary()
    text = ("Hoe lang duurt dat dan meestal? Ze zeiden tegen ons misschien een half jaar, maar ik weet echt niet "
            "hoe ik dat thuis moet volhouden met mijn werk erbij.")
    assert is_follow_up(TurnInput(intent="situatie_thuiszitten", text=text, previous_topic="wachtlijst"), library)
    assert not is_follow_up(TurnInput(intent="situatie_thuiszitten", text=text), library)  # nothing before
    story = ("Mijn zoon van 12 zit sinds 3 november thuis, school zegt dat hij te druk is en ik heb al met de "
             "mentor en de leerplichtambtenaar gepraat. Wat moet ik nu doen?")
    assert not is_follow_up(TurnInput(intent="situatie_thuiszitten", text=story, previous_topic="wachtlijst"), library)
    danger = "hoe lang duurt dat? ik wil niet meer leven"
    assert not is_follow_up(TurnInput(intent="veiligheid", text=danger, previous_topic="wachtlijst"), library)
