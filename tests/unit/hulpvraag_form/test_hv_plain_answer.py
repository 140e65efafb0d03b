"""Family-role answers are answers, not danger signals; a real danger signal still interrupts."""
import pytest

from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form.plain_answer import is_plain_answer
from tests.unit.hulpvraag_form.test_hv_flow import make_ctx


@pytest.mark.parametrize("text", ["ik ben zijn vader", "ik ben de vader", "vader", "ik ben haar moeder"])
def test_role_answers_are_plain_answers(text):
    assert is_plain_answer(F.ROL, text, [], {}, make_ctx())


@pytest.mark.parametrize("text", ["ik ben zijn vader en ik sla hem", "mn vader slaat me", "ik wil dood", ""])
def test_danger_or_empty_is_never_a_plain_answer(text):
    assert not is_plain_answer(F.ROL, text, [], {}, make_ctx())


def test_an_invalid_answer_is_not_a_plain_answer():
    assert not is_plain_answer(F.ROL, "banaan", [], {}, make_ctx())
