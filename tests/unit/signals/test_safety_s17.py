"""Safety, session 17: shapes of suicidal thoughts told in passing (and of self-harm) that an independent writer's
training messages showed the patterns missed, each written here in our own words, and look-alikes that must stay
safe (an idiom of shame, a professional ruling danger out)."""
from __future__ import annotations

import pytest

from bot.signals.safety import detect_danger

DANGER = [
    ("de psycholoog schreef dat hij doodswensen heeft, en school vraagt of hij maandag komt", "zelfdoding"),
    ("ze heeft last van doodsgedachten sinds ze thuiszit", "zelfdoding"),
    ("hij riep dat hij zich van kant maakt als hij terug moet naar die klas", "zelfdoding"),
    ("mijn dochter spaart haar slaappillen op, dat zag ik in haar la", "zelfdoding"),
    ("ik denk dat hij zijn medicijnen verzamelt in plaats van ze te slikken", "zelfdoding"),
    ("op haar laptop stond een zoekopdracht naar een pijnloze dood", "zelfdoding"),
    ("hij vroeg hoe lang verdrinken duurt", "zelfdoding"),
    ("ze zei dat ze van de flat af wil springen als het zo doorgaat", "zelfdoding"),
    ("gisteren stond ik weer op de rand van het perron", "zelfdoding"),
    ("ze wil van het dak afstappen zegt ze", "zelfdoding"),
    ("ik prik mezelf soms met een passer in mijn arm", "zelfbeschadiging"),
    ("hij stak zichzelf met een schaar toen de mentor belde", "zelfbeschadiging"),
]

SAFE = [
    "ik wilde door de grond zakken toen de juf mijn cijfer voorlas",
    "ik wil verdwijnen onder de grond van schaamte, ik heb de mentor mama genoemd",
    "er is geen sprake van zelfbeschadiging, ze zit thuis omdat er geen plek is",
    "de huisarts zag geen signalen van suicidale gedachten, wel veel angst",
    "wij sparen voor een laptop zodat hij thuis les kan volgen",
    "de apotheek bezorgt zijn medicijnen, hij neemt ze netjes in",
    "de tandarts zei dat het trekken pijnloos is",
    "hij wil van de brug af fietsen naar de nieuwe school, mag dat alleen",
    "de trein stopte bij het perron en hij durfde er niet uit",
    "ik steek mijn vinger op in de klas maar de juf ziet me niet",
]


@pytest.mark.parametrize("text,kind", DANGER)
def test_session_17_danger_shapes(text, kind):
    signal = detect_danger(text)
    assert signal is not None, text
    assert signal.kind == kind


@pytest.mark.parametrize("text", SAFE)
def test_session_17_look_alikes_stay_safe(text):
    assert detect_danger(text) is None, text


# bullying at school told with the words of violence is not danger at home; the same verbs at home still are
SCHOOL_VIOLENCE = [
    "andere kinderen slaan hem elke pauze en de juf doet niks",
    "jongens uit zijn klas schoppen hem als de meester niet kijkt",
    "hij wordt op het schoolplein geschopt en durft niet meer",
    "ze is in de pauze geslagen door een meisje uit groep 8",
]
HOME_VIOLENCE = [
    "mijn stiefvader slaat hem als hij niet naar school gaat",
    "de kinderen van mijn stiefvader slaan me en mama ziet het niet",
    "de kinderen worden thuis geslagen",
    "ik ben net door een paar jongens in elkaar geslagen en ik lig nog buiten",
]


@pytest.mark.parametrize("text", SCHOOL_VIOLENCE)
def test_session_17_violence_between_pupils_at_school_is_not_danger_at_home(text):
    assert detect_danger(text) is None, text


@pytest.mark.parametrize("text", HOME_VIOLENCE)
def test_session_17_violence_at_home_or_outside_school_stays_danger(text):
    signal = detect_danger(text)
    assert signal is not None, text
