"""bot.nlu.intent_groups: a fallback that only came from confidence split over intents handled the
same way gets the group's strongest intent; every other fallback stays."""
from pathlib import Path

import pytest
import yaml

from bot.nlu.intent_groups import groups, resolve_split_fallback

RULES = Path(__file__).resolve().parents[3] / "data" / "rules"


def ranking(*pairs, threshold=0.25):
    return [{"name": "nlu_fallback", "confidence": threshold}] + [{"name": n, "confidence": c} for n, c in pairs]


def test_split_over_one_group_gets_the_strongest_intent_of_it():
    assert resolve_split_fallback(ranking(("stappenplan", 0.19), ("situatie_thuiszitten", 0.16),
                                          ("vraag_escalatie", 0.10))) == ("stappenplan", 0.35)
    assert resolve_split_fallback(ranking(("situatie_thuiszitten", 0.21), ("stappenplan", 0.08))) == \
        ("situatie_thuiszitten", 0.29)


@pytest.mark.parametrize("pairs", [
    (("stappenplan", 0.12), ("situatie_thuiszitten", 0.10)),  # together still below the threshold
    (("vraag_aanmelden", 0.16), ("vraag_tlv", 0.16)),  # two different answers: really unclear
    (("situatie_thuiszitten", 0.20), ("vraag_escalatie", 0.19), ("stappenplan", 0.15)),  # second differs
    (("stappenplan", 0.30),),  # nothing to add up
])
def test_other_fallbacks_stay(pairs):
    assert resolve_split_fallback(ranking(*pairs)) is None


@pytest.mark.parametrize("bad", [None, [], [{"name": "x"}], [{"confidence": "hoog", "name": "nlu_fallback"}],
                                 ranking(("stappenplan", 0.2), ("situatie_thuiszitten", 0.2))[1:]])
def test_odd_rankings_keep_the_fallback(bad):
    assert resolve_split_fallback(bad) is None


def actions_of_intents() -> dict:
    actions: dict = {}
    for path in RULES.glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []:
            steps = rule.get("steps") or []
            for step, following in zip(steps, steps[1:]):
                if "intent" in step and "action" in following:
                    actions.setdefault(step["intent"], set()).add(following["action"])
    return actions


def test_every_group_is_handled_by_one_action_in_the_rules():
    actions = actions_of_intents()
    assert groups()
    for group in groups():
        handled = set().union(*(actions.get(intent, set()) for intent in group))
        assert len(handled) == 1 and all(actions.get(intent) for intent in group), (group, handled)
