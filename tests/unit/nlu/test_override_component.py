"""The Rasa adapter bot.nlu.override_component on real Rasa messages: danger and other languages
override the classifier; a fallback from confidence split within one intent group is taken back."""
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.override_component import IntentOverride


def message(text, intent, confidence, ranking=()):
    msg = Message(data={"text": text})
    msg.set("intent", {"name": intent, "confidence": confidence})
    msg.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return msg


def intent_of(msg):
    processed = IntentOverride().process([msg])[0]
    return processed.get("intent")["name"], processed.get("intent")["confidence"]


def test_danger_overrides_any_intent():
    assert intent_of(message("mijn vader slaat me en ik durf niet naar huis", "vraag_schorsing", 0.9)) == \
        ("veiligheid", 1.0)


def test_split_fallback_gets_the_group_intent():
    msg = message("onze zoon van 12 zit thuis, we hebben met school gepraat", "nlu_fallback", 0.25,
                  [("nlu_fallback", 0.25), ("stappenplan", 0.19), ("situatie_thuiszitten", 0.16)])
    assert intent_of(msg) == ("stappenplan", 0.35)


def test_a_real_fallback_stays():
    msg = message("speciaal onderwijs wachtlijst?", "nlu_fallback", 0.25,
                  [("nlu_fallback", 0.25), ("vraag_aanmelden", 0.16), ("vraag_tlv", 0.16)])
    assert intent_of(msg) == ("nlu_fallback", 0.25)


def test_a_fallback_on_a_childs_school_story_is_read_as_the_situation():
    msg = message("ze willen hem naar het speciaal onderwijs maar daar is nog geen plek en nu zit hij thuis",
                  "nlu_fallback", 0.25, [("nlu_fallback", 0.25), ("vraag_aanmelden", 0.16), ("vraag_tlv", 0.16)])
    assert intent_of(msg) == ("situatie_thuiszitten", 0.5)


def test_a_fallback_on_a_story_with_one_cause_gets_that_cause():
    msg = message("ze willen hem naar het speciaal onderwijs maar daar is een wachtlijst en nu zit hij thuis",
                  "nlu_fallback", 0.25, [("nlu_fallback", 0.25), ("vraag_aanmelden", 0.16), ("vraag_tlv", 0.16)])
    assert intent_of(msg) == ("wachtlijst", 0.5)


def test_a_wish_for_contact_at_the_end_of_a_story_becomes_mens_spreken():
    story = ("Onze zoon van 13 zit sinds de herfst thuis. School zegt dat ze niets meer kunnen doen. "
             "Ik ben het zat. Kan iemand van de gemeente mij bellen?")
    assert intent_of(message(story, "situatie_thuiszitten", 0.6)) == ("mens_spreken", 1.0)
    assert intent_of(message(story, "nlu_fallback", 0.25, [("nlu_fallback", 0.25)])) == ("mens_spreken", 1.0)


def test_a_clear_intent_is_left_alone():
    assert intent_of(message("wat is een tlv", "vraag_tlv", 0.97, [("vraag_tlv", 0.97)])) == ("vraag_tlv", 0.97)


def test_the_danger_classifiers_score_puts_safety_first():
    from bot.nlu.intent_override import DANGER_MIN

    text = "hij zit de hele dag op zijn kamer en zegt dat niemand hem zou missen"
    high = message(text, "oorzaak_angst", 0.8, [("oorzaak_angst", 0.8)])
    high.set("gevaar", DANGER_MIN)
    assert intent_of(high) == ("veiligheid", 1.0)
    low = message(text, "oorzaak_angst", 0.8, [("oorzaak_angst", 0.8)])
    low.set("gevaar", DANGER_MIN - 0.01)
    assert intent_of(low) == ("oorzaak_angst", 0.8)
    broken = message(text, "oorzaak_angst", 0.8, [("oorzaak_angst", 0.8)])
    broken.set("gevaar", "veel")
    assert intent_of(broken) == ("oorzaak_angst", 0.8)
