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
