"""bot.nlu.contact_wish: an explicit wish for contact with a person, anywhere in a message."""
import pytest

from bot.nlu.contact_wish import contact_wish
from bot.nlu.intent_override import override_intent

WISHES = [
    "kan iemand mij bellen",
    "Kan iemand van de gemeente mij even bellen?",
    "ik wil dat iemand van de gemeente mij belt",
    "ik wil graag dat jullie contact met ons opnemen",
    "kunnen jullie contact met mij opnemen",
    "neem alstublieft contact met ons op",
    "bel me ff",
    "Hij zit thuis en ik weet het niet meer. Bel mij aub.",
    "belt u mij terug?",
    "wilt u mij bellen",
    "graag een terugbelverzoek",
    "ik wil graag gebeld worden",
    "ik wil een mens spreken",
    "ik wil met een medewerker praten",
    "kan de leerplichtambtenaar mij bellen",
    "ik wil persoonlijk contact",
    "kan ik iemand spreken van de gemeente",
    "Onze dochter zit al twee maanden thuis en school doet niks. Ik wil dat de gemeente contact met ons opneemt.",
    "kan iemnd mn moeder bellen want ze snapt het nie",  # youth spelling, a wish for the parent
]

NOT_WISHES = [
    "wie kan ik bellen",
    "wie moet ik bellen over leerplicht",
    "ik heb leerplicht gebeld",
    "we hebben contact met de gemeente gehad",
    "school neemt geen contact met ons op",
    "ik wil niet gebeld worden",
    "niemand belt me",
    "leerplicht belt mij wat willen ze",
    "de juf belde mij gisteren",
    "ik bel morgen de school",
    "ik wil praten",
    "hij wil met niemand praten",
    "kan iemand mij helpen",
    "wat is een tlv",
    "",
]


@pytest.mark.parametrize("text", WISHES)
def test_a_wish_for_contact_is_found(text):
    assert contact_wish(text), text


@pytest.mark.parametrize("text", NOT_WISHES)
def test_no_wish_for_contact(text):
    assert contact_wish(text) is None, text


@pytest.mark.parametrize("predicted", ["situatie_thuiszitten", "vraag_leerplicht", "nlu_fallback", "stappenplan"])
def test_a_wish_makes_the_message_mens_spreken(predicted):
    assert override_intent("Hij zit al weken thuis. Kan iemand mij bellen?", predicted) == "mens_spreken"


@pytest.mark.parametrize("predicted", ["mens_spreken", "hulpvraag_starten", "bevestigen", "hulpvraag_intrekken"])
def test_intents_that_already_lead_to_a_person_or_answer_an_offer_stay(predicted):
    text = "ja bel mij maar" if predicted == "bevestigen" else "ik wil een hulpvraag zodat iemand mij belt"
    assert override_intent(text, predicted) is None


def test_danger_still_comes_first():
    assert override_intent("mijn vader slaat me, kan iemand mij bellen", "mens_spreken") == "veiligheid"


@pytest.mark.parametrize("text", [
    "kan er wellicht iemand van jullie mij terugbellen morgen",
    "liever wil ik een echt mens spreken",
    "ik wil liever praten met een echte persoon",
    "heeft u een medewerker die Arabisch spreekt en mij kan bellen",
    "kan er iemand van het wijkteam bij ons langskomen",
    "kunnen jullie een keer met ons praten over onze dochter",
    "ik wil met iemand spreken die er kennis van heeft",
    "zou het loket contact met mij kunnen opnemen",
    "graag dat het contactpunt contact met ons wil opnemen",
    # session 16: shapes the development corpora showed, in our own words
    "is er bij jullie iemand die ik gewoon even kan bellen",
    "ik zoek een persoon die het overzicht houdt en die ik kan mailen",
    "is er iemand die met ons mee kan denken over een oplossing",
    "is er iemand die met me mee kan gaan naar dat gesprek",
    "kan iemand van de gemeente met mij meekijken naar de brieven",
    "is er iemand die bij ons thuis kan komen kijken",
    "ik wil dat iemand van het wijkteam met ons meegaat naar school",
    "ik zou het fijn vinden als iemand mij even terugbelt",
    "kunt u mijn vrouw bellen, zij spreekt beter Nederlands",
    "ik vraag u om een persoonlijk gesprek met de wethouder",
    "ik wil graag telefonisch overleggen over deze leerling",
    "kan ik sparren met een medewerker over deze casus",
])
def test_more_ways_to_ask_for_a_person(text):
    assert contact_wish(text), text


@pytest.mark.parametrize("text", [
    "kan ik bij jullie een afspraak maken voor de tandarts",
    "kan er iemand bij ons thuis komen helpen met ons kind",  # help at home: jeugdhulp, not a call
    "is er iemand die bij ons thuis kan komen helpen met de kinderen",
    "de leerplichtambtenaar wil een persoonlijk gesprek met hem, moet hij daar zelf heen?",
    "wie kan ik bellen over een persoon die ik ken",
    "ik heb met iemand van de gemeente telefonisch contact gehad",
])
def test_not_a_wish_to_talk_to_the_contact_point(text):
    assert contact_wish(text) is None, text
