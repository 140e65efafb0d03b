import json

from bot.nlu.story_report import count_errors, main

FAILED = """
- story: a (tests/x.yml)
  steps:
  - intent: vraag_opp  # predicted: nlu_fallback: wat is dat opp
  - action: action_answer
  - intent: vraag_aanmelden
    entities:
    - duur: 7 weken  # predicted: leeftijd: 7 weken
  - action: action_answer
  - intent: veiligheid  # predicted: vraag_schorsing: hij slaat me
  - action: action_safety
  - intent: groet  # predicted: groet: hoi [Zaandam](plaats)
"""


def test_counts_intent_safety_and_entity_errors():
    assert count_errors(FAILED) == (2, 1, 1)


def test_cli_floors(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    steps = [{"user": "x", "intent": "groet"}, {"action": "action_answer"}] * 10
    (stories / "s.yml").write_text(json.dumps({"stories": [{"story": "s", "steps": steps}]}))
    results = tmp_path / "results"
    results.mkdir()
    (results / "failed_test_stories.yml").write_text("  - intent: vraag_opp  # predicted: groet: x\n")
    (results / "story_report.json").write_text(json.dumps({"conversation_accuracy": {"accuracy": 0.9}}))
    assert main([str(results), "--stories", str(stories), "--min-turn-intent-accuracy", "0.85"]) == 0
    assert main([str(results), "--stories", str(stories), "--min-turn-intent-accuracy", "0.95"]) == 1


def test_intent_only_steps_are_not_nlu_turns(tmp_path):
    """A form answer written as an intent-only step never reaches the NLU in the e2e run."""
    from bot.nlu.story_report import count_user_turns

    steps = [{"user": "ik wil een hulpvraag doen", "intent": "hulpvraag_starten"}, {"action": "hulpvraag_form"},
             {"active_loop": "hulpvraag_form"}, {"intent": "nlu_fallback"}, {"action": "hulpvraag_form"}]
    (tmp_path / "s.yml").write_text(json.dumps({"stories": [{"story": "s", "steps": steps}]}))
    assert count_user_turns(tmp_path) == 1
