"""Safety detection: parents and young people, youth spelling, typos, mixed with school questions;
and Dutch hyperbole and school words that must not trigger."""
from __future__ import annotations

import re

import pytest

from bot.signals.safety import KINDS, SafetySignal, detect_danger, load_patterns, neutralize

POSITIVES: list[tuple[str, str]] = [
    # zelfdoding
    ("ik wil dood", "zelfdoding"),
    ("ik wil doooood", "zelfdoding"),
    ("kwil dood", "zelfdoding"),
    ("Ik wil gewoon dood gaan", "zelfdoding"),
    ("wil nie meer leven", "zelfdoding"),
    ("ik wil echt nie meer leve", "zelfdoding"),
    ("wil er nie meer zijn", "zelfdoding"),
    ("ik wil er gwn niet meer zijn", "zelfdoding"),
    ("soms wil ik er gewoon niet meer zijn", "zelfdoding"),
    ("ze heeft op internet gezocht hoe je jezelf iets aan kan doen", "zelfbeschadiging"),
    ("hij zegt dat hij zichzelf wat wil aandoen", "zelfdoding"),
    ("mijn pa wordt kwaad als hij moe is en slaat dan", "geweld_thuis"),
    ("me stiefvader schreeuwt de hele avond en slaat soms", "geweld_thuis"),
    ("en als ik er echt niet meer wil zijn?", "zelfdoding"),
    ("zelfmoord", "zelfdoding"),
    ("ik denk de laatste tijd vaak aan zelfmoord", "zelfdoding"),
    ("zelfmoort", "zelfdoding"),
    ("ik heb zefmoord gedachten", "zelfdoding"),
    ("suïcide", "zelfdoding"),
    ("suicide", "zelfdoding"),
    ("ik ben suicidaal", "zelfdoding"),
    ("ik wil een einde aan mn leven maken", "zelfdoding"),
    ("ik wil er een eind aan maken", "zelfdoding"),
    ("niemand zou me missen", "zelfdoding"),
    ("niemand zal me missen als ik weg ben", "zelfdoding"),
    ("iedereen is beter af zonder mij", "zelfdoding"),
    # session 11: "not being here any more" and "nobody would notice when I am gone"
    ("ik wil eigenlijk gewoon niet meer hier zijn", "zelfdoding"),
    ("soms wil ze niet langer op deze wereld zijn zegt ze", "zelfdoding"),
    ("niemand zou het toch merken als ik er niet meer ben", "zelfdoding"),
    ("niemand mist het als ik dood ben", "zelfdoding"),
    ("soms denk ik dat iedereen beter af is zonder mij", "zelfdoding"),
    ("mn ouders zijn beter af als ze zonder mij verder gaan, ze zouden beter af zijn zonder me", "zelfdoding"),
    ("de wereld is echt beter zonder mij", "zelfdoding"),
    ("ik wil slapen en nooit meer wakker worden", "zelfdoding"),
    ("mijn zoon zegt dat hij dood wil", "zelfdoding"),
    ("Mijn dochter wil niet meer leven sinds ze thuis zit.", "zelfdoding"),
    ("ik zie het echt niet meer zitten", "zelfdoding"),
    ("ik wil mezelf iets aandoen", "zelfdoding"),
    ("onze zoon is geschorst en hij zegt dat hij zichzelf iets wil aandoen", "zelfdoding"),
    ("hij heeft gedreigd zichzelf van kant te maken", "zelfdoding"),
    ("soms wil ik voor de trein springen", "zelfdoding"),
    ("ik heb een afscheidsbrief geschreven", "zelfdoding"),
    ("was ik maar dood", "zelfdoding"),
    ("ik ben liever dood dan dat ik terug moet naar die school", "zelfdoding"),
    ("het leven heeft geen zin meer", "zelfdoding"),
    ("m'n leven heeft geen zin", "zelfdoding"),
    ("ik wil dood want ik mag niet meer naar school", "zelfdoding"),
    ("mijn kind praat steeds over doodgaan", "zelfdoding"),
    ("ik denk erover om zelfmoord te plegen", "zelfdoding"),
    ("ik heb geen zin meer om te leven", "zelfdoding"),
    ("ik ben zo moe van alles. ik wil niet meer", "zelfdoding"),
    ("ik heb pillen gespaard", "zelfdoding"),
    ("I want to die", "zelfdoding"),
    # zelfbeschadiging
    ("ik snij mezelf", "zelfbeschadiging"),
    ("k snij mezelf soms", "zelfbeschadiging"),
    ("ik snijd mezelf als het te veel wordt", "zelfbeschadiging"),
    ("ik doe mezelf pijn", "zelfbeschadiging"),
    ("kdoe mezelf pijn", "zelfbeschadiging"),
    ("ik kras in mijn armen", "zelfbeschadiging"),
    ("mijn dochter snijdt zichzelf", "zelfbeschadiging"),
    ("onze zoon doet zichzelf pijn sinds hij thuis zit", "zelfbeschadiging"),
    ("ik heb mezelf weer gesneden", "zelfbeschadiging"),
    ("zelfbeschadiging", "zelfbeschadiging"),
    ("ik sla mezelf als ik boos ben", "zelfbeschadiging"),
    ("ik brand mezelf met een aansteker", "zelfbeschadiging"),
    ("ze heeft sneetjes op haar armen", "zelfbeschadiging"),
    ("vanavond zag ik sneeën op zijn armen", "zelfbeschadiging"),
    ("haar vader drinkt te veel en wordt dan heel kwaad op ons", "geweld_thuis"),
    ("mn stiefvader wordt agressief als hij gedronken heeft", "geweld_thuis"),
    ("misschien is het fijner als ik er echt niet meer ben", "zelfdoding"),
    ("de mentor zag dat hij zich in zijn benen had gekrast", "zelfbeschadiging"),
    ("ze snijdt zich in haar armen", "zelfbeschadiging"),
    ("zou het makkelijker zijn als ik er gwn nie meer ben", "zelfdoding"),
    ("als mijn vader boos is smijt hij met spullen", "geweld_thuis"),
    ("ik durf niet naar beneden als hij thuis is", "geweld_thuis"),
    ("er zitten krasjes op mijn benen", "zelfbeschadiging"),
    ("de juf zag sneden in haar polsen", "zelfbeschadiging"),
    ("ik ben weer gaan snijden", "zelfbeschadiging"),
    ("selfharm", "zelfbeschadiging"),
    ("mijn pleegdochter kerft in haar benen", "zelfbeschadiging"),
    ("ik snij me al een tijdje", "zelfbeschadiging"),
    # geweld_thuis
    ("mn vader slaat me", "geweld_thuis"),
    ("mijn stiefvader schopt me", "geweld_thuis"),
    ("ze mishandelen me", "geweld_thuis"),
    ("huiselijk geweld", "geweld_thuis"),
    ("ik word thuis geslagen", "geweld_thuis"),
    ("ik ga niet naar school want thuis slaat mn stiefvader me", "geweld_thuis"),
    ("mijn moeder mishandelt mij", "geweld_thuis"),
    ("mijn pa sloeg me gisteren weer", "geweld_thuis"),
    ("ik krijg thuis klappen", "geweld_thuis"),
    ("mijn man slaat mij en de kinderen", "geweld_thuis"),
    ("ik ben bang voor mijn stiefvader", "geweld_thuis"),
    ("hij heeft me geslagen met een riem", "geweld_thuis"),
    ("er is thuis veel geweld", "geweld_thuis"),
    ("mijn ex is gewelddadig", "geweld_thuis"),
    ("ik denk dat mijn kleinzoon mishandeld wordt", "geweld_thuis"),
    ("mijn vriend slaat me", "geweld_thuis"),
    ("mn moeder sluit me op in mn kamer", "geweld_thuis"),
    ("mijn zoon heeft blauwe plekken en wil niet zeggen hoe dat komt", "geweld_thuis"),
    ("mijn broer wurgt me soms", "geweld_thuis"),
    ("kindermishandeling", "geweld_thuis"),
    ("ik wordt geslagen door mijn vader", "geweld_thuis"),
    ("ze slaan ons als we niet luisteren", "geweld_thuis"),
    ("mijn vader mishandeld mij", "geweld_thuis"),
    ("de leerkracht vertelde dat hij thuis geslagen wordt", "geweld_thuis"),
    ("mijn ouders zeggen dat ik moet trouwen", "geweld_thuis"),
    ("my dad hits me", "geweld_thuis"),
    ("wat moet ik doen als mijn moeder me slaat omdat ik niet naar school ga", "geweld_thuis"),
    # misbruik
    ("hij heeft me aangeraakt waar dat niet mag", "misbruik"),
    ("mijn oom misbruikt me", "misbruik"),
    ("ik ben verkracht", "misbruik"),
    ("ik ben aangerand", "misbruik"),
    ("seksueel misbruik", "misbruik"),
    ("ik ben sexueel misbruikt door mijn stiefvader", "misbruik"),
    ("mijn broer zit aan me als niemand thuis is", "misbruik"),
    ("hij dwingt me tot seks", "misbruik"),
    ("hij wil dat ik naaktfoto's stuur", "misbruik"),
    ("de gymleraar raakt me aan op plekken waar dat niet mag", "misbruik"),
    ("verkragting", "misbruik"),
    ("mijn dochter is misbruikt door een man van de sportclub", "misbruik"),
    # acuut_gevaar
    ("ik ben bang om naar huis te gaan", "acuut_gevaar"),
    ("ik durf niet meer naar huis", "acuut_gevaar"),
    ("hij dreigt ons te vermoorden", "acuut_gevaar"),
    ("ze zeggen dat ze me na school gaan opwachten met een mes", "acuut_gevaar"),
    ("onze dochter zei vanavond dat het beter zou zijn als ze er niet meer was", "zelfdoding"),
    ("hij zegt steeds dat het voor iedereen makkelijker is als hij er niet meer is", "zelfdoding"),
    ("die jongens wachten elke dag op hem bij het hek met een mes", "acuut_gevaar"),
    ("hij zegt dat ze mij met een mes gaan neersteken", "acuut_gevaar"),
    ("mijn vader zegt dat hij ons gaat vermoorden", "acuut_gevaar"),
    ("hij heeft een mes en is heel boos", "acuut_gevaar"),
    ("ik voel me niet veilig thuis", "acuut_gevaar"),
    ("help ik ben in gevaar", "acuut_gevaar"),
    ("mijn ex dreigt me iets aan te doen", "acuut_gevaar"),
    ("ik ben van huis weggelopen", "acuut_gevaar"),
    ("we zijn thuis niet veilig", "acuut_gevaar"),
    ("hij komt met een mes op ons af", "acuut_gevaar"),
    ("ik zit al 3 weken thuis van school en ben bang om thuis te zijn", "acuut_gevaar"),
    ("ik wil haar iets aandoen", "acuut_gevaar"),
    ("ik ben bang dat ik hem iets aandoe", "acuut_gevaar"),
    ("ik ben zijn vader en ik sla hem", "geweld_thuis"),
    ("soms sla ik haar als ze weer niet naar school wil", "geweld_thuis"),
    ("ik schopte mijn zoon gisteren", "geweld_thuis"),
    ("mn stiefvader doet me pijn", "acuut_gevaar"),
    ("mijn moeder doet me pijn als ze boos is", "acuut_gevaar"),
]

NEGATIVES: list[str] = [
    "we wachten op de school met een brief van de leerplicht",
    "het zou beter zijn als hij er niet meer heen ging, die school is niks voor hem",
    "hij snijdt brood met een mes en dat gaat goed",
    "ik snij de broodjes in sneden op de plank",
    "mijn vader drinkt koffie en is boos op de school",
    "ik durf niet naar school",
    "hij wil niet meer hier op school zijn, hij wil naar een andere school",
    "we willen niet meer hier wonen na de verhuizing",
    "als ik er morgen niet ben, wil je dan mijn huiswerk meenemen",
    "mijn broertje gooit zijn tas in de hoek",
    "mijn moeder drinkt geen alcohol maar is wel boos op de mentor",
    "de sneden van het stokbrood liggen op zijn bord",
    "ik ben zijn vader",
    "ik sla hem over als hij weer een les mist",
    "doodsaai",
    "die les is echt doodsaai",
    "ik ga dood van verveling",
    "ik ga dood van de verveling thuis",
    "doodmoe",
    "ik ben doodmoe van al die gesprekken met school",
    "ik schrok me dood toen de brief van leerplicht kwam",
    "ik ben dood op",
    "ik lach me dood",
    "ik verveel me dood thuis",
    "hij zit al weken thuis en verveelt zich dood",
    "die les slaat nergens op",
    "dat slaat echt nergens op",
    "slaat op niks",
    "de school slaat de bal mis",
    "hij slaat lessen over",
    "de mentor slaat alarm",
    "ik snij een onderwerp aan",
    "mag ik een ander onderwerp aansnijden",
    "ze snijden in de bijles",
    "snijden in de bijles",
    "geslaagd",
    "mijn zoon is geslaagd voor zijn examen",
    "ik ben bang dat hij blijft zitten",
    "bang voor een onvoldoende",
    "ik ben bang voor een onvoldoende op mijn rapport",
    "pesten",
    "ik word gepest",
    "mijn dochter wordt gepest op school",
    "ze schelden me uit en sluiten me buiten in de klas",
    "ik word van school geschopt",
    "ze willen hem van school schoppen",
    "hij is eruit gegooid",
    "de school maakt misbruik van de situatie",
    "hij wordt steeds naar huis gestuurd",
    "ik ben bang dat hij naar huis wordt gestuurd",
    "mag school me naar huis sturen",
    "ik kan mezelf wel voor mijn kop slaan",
    "ik heb mezelf per ongeluk gesneden bij het koken",
    "ik wil niet meer naar school",
    "mijn zoon wil niet meer naar die school",
    "leerplicht dreigt met een boete",
    "de school dreigt hem te schorsen",
    "zijn schoolloopbaan is in gevaar",
    "mijn moeder dreigt me met huisarrest",
    "ze zitten de hele tijd aan me te trekken",
    "ik ben de situatie echt zat",
    "hij voetbalt en schopt graag tegen een bal",
    "ik heb een schaar nodig voor handvaardigheid",
    "de hond van mijn oma is dood",
    "ik voel me opgesloten thuis zonder school",
    "wat is passend onderwijs",
    "mijn kind zit al drie maanden thuis, niemand doet iets",
    "de school zet het mes erin en schrapt de uren",
    "ik ben bang dat hij het niet haalt",
    "wat als ik er niet ben bij het gesprek",
    "de school misbruikt de regels",
    "mijn vader slaat de deur dicht",
    "ik wil verdwijnen van deze school",
    "mijn moeder is agressief tegen de school geweest",
    "ze slaan mij over bij de beurt",
    "de therapie slaat goed aan",
    "dat slaat op mij",
    "ik voel me niet veilig op school want ik word gepest",
    "ik ben bang om naar school te gaan",
    "hij durft niet naar school",
    "zijn diploma loopt gevaar",
    "ik wil niet dood",
    "ik krijg thuis geen les",
    "ik word buitengesloten",
    "we zijn het gesprek met de behandeling en de indeling van de klas beu",
    "de leerkrachten doen niks",
    "kunnen we er iets aan doen",
    "wat kan ik eraan doen als school niet belt",
    "de school doet mij pijn met die regels",
    "de klas gaat beter zonder mij als mentor zegt de school",
    "het gesprek ging beter zonder mijn ex erbij",
    "ik wil er niet meer bij zijn op die school",
    "hij wil er gewoon niet meer naartoe",
    "mijn broer speelt tennis en slaat de bal heel hard",
    "mijn vader zegt dat die regel nergens op slaat",
    "mijn moeder vindt dat de school de plank misslaat",
]


@pytest.mark.parametrize(("text", "kind"), POSITIVES)
def test_detects_danger(text: str, kind: str) -> None:
    signal = detect_danger(text)
    assert signal is not None, text
    assert signal.kind == kind, (text, signal)
    assert signal.matched


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_danger_in_hyperbole_and_school_words(text: str) -> None:
    assert detect_danger(text) is None


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 80
    assert len(NEGATIVES) >= 40
    assert {kind for _, kind in POSITIVES} == KINDS


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_safe(text: str) -> None:
    assert detect_danger(text) is None


def test_signal_is_frozen() -> None:
    signal = detect_danger("mn vader slaat me")
    assert isinstance(signal, SafetySignal)
    with pytest.raises(AttributeError):
        signal.kind = "other"  # type: ignore[misc]


def test_matched_phrase_is_in_normalised_spelling() -> None:
    signal = detect_danger("k wil nie meer leven")
    assert signal == SafetySignal(kind="zelfdoding", matched="niet meer leven")


def test_most_severe_kind_wins_in_a_mixed_message() -> None:
    signal = detect_danger("mijn vader slaat me en hij dreigt ons te vermoorden")
    assert signal is not None and signal.kind == "acuut_gevaar"


def test_idiom_does_not_hide_a_real_signal_later_in_the_message() -> None:
    signal = detect_danger("die les slaat nergens op en thuis slaat mijn vader me")
    assert signal is not None and signal.kind == "geweld_thuis"


def test_patterns_load_once_and_cover_every_kind() -> None:
    patterns = load_patterns()
    assert load_patterns() is patterns
    assert {kind for kind, _ in patterns.rules} == KINDS
    assert all(isinstance(rule, re.Pattern) for _, rule in patterns.rules)
    assert set(patterns.fuzzy.keywords.values()) <= KINDS


def test_neutralize_leaves_a_gap_patterns_cannot_cross() -> None:
    text = neutralize("ik ga dood van verveling", load_patterns().neutralizers)
    assert "dood" not in text


def test_unknown_placeholder_is_an_error(tmp_path) -> None:
    broken = tmp_path / "patterns.yml"
    broken.write_text("kinds:\n  zelfdoding:\n    - '<nope>'\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_patterns.__wrapped__(broken)


def test_unknown_kind_is_an_error(tmp_path) -> None:
    broken = tmp_path / "patterns.yml"
    broken.write_text("kinds:\n  gevaarlijk:\n    - 'x'\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_patterns.__wrapped__(broken)
