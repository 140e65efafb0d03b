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
