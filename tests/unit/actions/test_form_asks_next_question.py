"""The forms' validation actions ask the next question themselves, in the same action-server call.

Real rasa_sdk trackers and the real content; Rasa's own FormAction behaviour around them is covered
by tests/integration/test_stappenplan_dialogue.py and test_hulpvraag_dialogue.py.
"""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.form_support import next_field
from actions.hulpvraag_form import FIELDS, ValidateHulpvraagForm, filled_fields, form_context
from actions.stappenplan import (ASKED_SLOT, ANSWER_SLOT, DONE, PLAN_SLOT, SITUATION_SLOT, ActionStappenplan,
                                 ValidateStappenplanForm)
from bot.hulpvraag_form import flow
from bot.stappenplan import Situation

DOMAIN = {
    "forms": {
        "stappenplan_form": {"required_slots": [ANSWER_SLOT]},
        "hulpvraag_form": {"required_slots": list(FIELDS)},
    },
    "slots": {},
}


def slot(name, value):
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


def tracker(text, slots, events_before=(), intent="nlu_fallback", entities=()):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.4}, "entities": list(entities),
              "intent_ranking": [], "metadata": {}}
    events = [{"event": "session_started"}, *events_before, {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "input_channel": "rest", "parse_data": latest}]
    return Tracker("t1", dict(slots), latest, events, False, None, {}, "action_listen")


def with_candidate(trk, name, value):
    """What Rasa's FormAction sends: the user's answer as the requested slot's candidate, last."""
    trk.slots[name] = value
    trk.events.append(slot(name, value))
    return trk


def run(action, trk):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, DOMAIN))
    return [m["text"] for m in dispatcher.messages], events


def values(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# -- next_field: the same choice Rasa's FormAction makes --------------------------------------

def test_next_field_follows_the_validations_requested_slot():
    events = [slot("hv_rol", "ouder"), slot("requested_slot", "hv_leeftijd")]
    assert next_field(events, ["hv_rol", "hv_gemeente"], {}) == "hv_leeftijd"


def test_next_field_none_when_the_validation_ends_the_form():
    events = [slot("requested_slot", "hv_rol"), slot("requested_slot", None)]
    assert next_field(events, ["hv_rol"], {}) is None


def test_next_field_otherwise_first_empty_domain_slot():
    assert next_field([slot("a", 1)], ["a", "b", "c"], {"a": 1, "b": "x"}) == "c"
    assert next_field([], ["a"], {"a": "klaar"}) is None


# -- step plan --------------------------------------------------------------------------------

STORY_WITHOUT_DATE = Situation(leeftijd=12).to_dict()


def test_step_plan_activation_asks_the_first_question_in_the_validation_call():
    bot_before = [{"event": "bot", "text": "Ik ben een computerprogramma."}]
    messages, events = run(ValidateStappenplanForm(),
                           tracker("mijn zoon zit thuis", {SITUATION_SLOT: STORY_WITHOUT_DATE, ASKED_SLOT: []},
                                   events_before=bot_before))
    assert len(messages) == 1 and "?" in messages[0]
    assert values(events)[ASKED_SLOT] == ["thuis_sinds"]
    assert values(events)[ANSWER_SLOT] is None  # unchanged: the form goes on


def test_step_plan_start_asks_the_first_question_and_starts_the_form_itself():
    trk = tracker("onze zoon van 12 zit thuis en we hebben met school gepraat, wat nu", {},
                  intent="situatie_thuiszitten")
    trk.latest_message["intent"]["confidence"] = 0.9
    messages, events = run(ActionStappenplan(), trk)
    assert "computerprogramma" in messages[0] and messages[-1].startswith("Sinds wanneer zit uw kind thuis?")
    got = values(events)
    assert got["requested_slot"] == ANSWER_SLOT and got[ANSWER_SLOT] is None
    assert got[ASKED_SLOT] == ["thuis_sinds"]  # the story gives no date: that is asked first
    kinds = [(e["event"], e.get("name")) for e in events if e["event"] != "slot"]
    # the form is active and Rasa waits for the answer: no activation run, no second call
    assert kinds == [("active_loop", "stappenplan_form"), ("followup", "action_listen")]
    assert events[-1]["event"] == "followup"


def test_step_plan_start_with_everything_known_shows_the_plan_without_a_form():
    trk = tracker("onze zoon van 12 zit sinds 2 september thuis, staat ingeschreven, we hebben met school "
                  "gepraat en leerplicht gebeld", {}, intent="situatie_thuiszitten")
    messages, events = run(ActionStappenplan(), trk)
    assert not [e for e in events if e["event"] in ("active_loop", "followup")]
    assert values(events).get(PLAN_SLOT) and "september" in "\n".join(messages)


def test_step_plan_start_with_danger_gives_safety_and_no_form():
    trk = tracker("mijn zoon zit sinds 2 september thuis en mijn vader slaat me", {}, intent="situatie_thuiszitten")
    messages, events = run(ActionStappenplan(), trk)
    assert "112" in "\n".join(messages)
    assert not [e for e in events if e["event"] in ("active_loop", "followup")]


def test_step_plan_answer_then_next_question_or_done_in_one_call():
    trk = tracker("sinds 1 september", {SITUATION_SLOT: STORY_WITHOUT_DATE, ASKED_SLOT: ["thuis_sinds"],
                                        "requested_slot": ANSWER_SLOT})
    with_candidate(trk, ANSWER_SLOT, "sinds 1 september")
    messages, events = run(ValidateStappenplanForm(), trk)
    got = values(events)
    assert Situation.from_dict(got[SITUATION_SLOT]).thuis_sinds is not None
    if got[ANSWER_SLOT] == DONE:
        assert messages == []  # the form ends; action_stappenplan shows the plan
    else:
        assert len(messages) == 1 and got[ASKED_SLOT][0] == "thuis_sinds" and len(got[ASKED_SLOT]) == 2


# -- help request -----------------------------------------------------------------------------

def test_help_request_direct_start_gets_introduction_and_first_question():
    trk = tracker("ik wil een hulpvraag indienen", {}, intent="hulpvraag")
    messages, events = run(ValidateHulpvraagForm(), trk)
    question = [r.text for r in flow.ask("hv_rol", filled_fields(trk), form_context(trk))]
    assert len(messages) == 2 and "computer" in messages[0].lower()
    assert messages[1:] == question
    # all fields still needed: Rasa's own order applies, and its first slot is the one asked
    assert values(events).get("requested_slot", "hv_rol") == "hv_rol"
    assert values(events)["hv_rol"] is None


def test_help_request_answer_is_read_and_the_next_field_asked_without_introduction():
    before = [{"event": "bot", "text": "Bent u ouder of ...?"}]
    trk = tracker("ik ben de moeder", {"requested_slot": "hv_rol"}, events_before=before)
    with_candidate(trk, "hv_rol", "ik ben de moeder")
    messages, events = run(ValidateHulpvraagForm(), trk)
    assert values(events)["hv_rol"] == "ouder"
    # the municipality is not known from earlier in the conversation, so it is the next field
    question = [r.text for r in flow.ask("hv_gemeente", filled_fields(trk), form_context(trk))]
    assert messages == question


@pytest.mark.parametrize("stop", ["stop", "laat maar"])
def test_help_request_stopped_asks_nothing_more(stop):
    before = [{"event": "bot", "text": "Bent u ouder of ...?"}]
    trk = tracker(stop, {"requested_slot": "hv_rol"}, events_before=before)
    with_candidate(trk, "hv_rol", stop)
    messages, events = run(ValidateHulpvraagForm(), trk)
    assert values(events)["requested_slot"] is None and values(events)["hv_gestopt"] is True
    assert len(messages) == 1 and "0800-5010" in messages[0]  # the goodbye only, no next question


def test_action_server_registers_the_forms_but_not_their_abstract_base():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    assert {"validate_stappenplan_form", "validate_hulpvraag_form"} <= set(executor.actions)
    assert not any(name.startswith("action_ask_") for name in executor.actions)
