"""Redaction round 10 (session 14, issue 18): school names that generalise (bot/privacy/school_proper_nouns.py).
Own invented examples, not taken from any test set: capitalised names in a message about school, a name of any
case before a head word, a type word with its name; the look-alikes are places, public bodies, helplines,
months, school types, diagnoses, the bot's own name and messages written in capitals."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data
from tests.support.redaction_checks import LINEAR_CPU_SECONDS, masked, schools


@pytest.mark.parametrize("text,piece", [
    # 1. a capitalised name mid-sentence in a message about school
    ("hij zit sinds kort op de Zandloper, eerder op de Klimboom", "Klimboom"),
    ("De Wilgenkamp is te druk voor hem, zegt de mentor", "Wilgenkamp"),
    ("ze wil naar Heiderijk maar daar is een wachtlijst", "Heiderijk"),
    ("hij zat bij Noord Akker tot de zomer, toen uitgeschreven", "Noord Akker"),
    ("mijn school, het Veenpad, doet niets", "Veenpad"),
    ("de Libel in Hoorn, daar zat mijn zoon tot groep 5", "Libel"),
    ("Aangemeld bij de Regenboogkring, nog geen reactie", "Regenboogkring"),
    ("we staan op de wachtlijst van Kompasroos in Zwolle", "Kompasroos"),
    ("Geen plek op de Tweemaster, ook niet op de Boomgaard", "Boomgaard"),
    ("hij is uitgeschreven bij het Baken en zit nu thuis", "Baken"),
    ("ze is gestuurd naar de Linde Hof, maar daar ging het mis", "Linde Hof"),
    ("voor de Kleine Beer heeft hij nooit een plek gekregen", "Kleine Beer"),
    ("De Parelvisser wil hem niet meer hebben op school", "Parelvisser"),
    ("mijn dochter zat op de Wereldwijzer in Breda", "Wereldwijzer"),
    ("hij is geschorst door 't Startblok, nu al twee weken", "Startblok"),
    ("de IB'er van de Sterrenboog belde over zijn rooster", "Sterrenboog"),
    ("bij De Bolster willen ze hem niet hebben, zegt de leerplichtambtenaar", "Bolster"),
    ("we zijn afgewezen door de Boog en door Ichthus", "Ichthus"),
    ("Sinds oktober zit hij thuis. De Toermalijn zegt dat ze vol zitten.", "Toermalijn"),
    # 2. a name before a head word, in any case and at the start of a sentence
    ("Holtkamp college zegt dat er geen plek is", "Holtkamp college"),
    ("pieter de hoogh college wil hem niet aannemen", "pieter de hoogh college"),
    ("de anne frank school belde vanmorgen", "anne frank school"),
    ("st. jozef school heeft hem geschorst", "st. jozef school"),
    ("Dijkzicht-sbo wil hem niet terug", "Dijkzicht-sbo"),
    ("ze gaat misschien naar de Eemvallei school", "Eemvallei school"),
    ("het van der capellen lyceum heeft hem uitgeschreven", "van der capellen lyceum"),
    ("dr. schaepman college gaf geen reactie op de mail", "dr. schaepman college"),
    ("hij zat op het jan van brabant college zuidoost", "jan van brabant college zuidoost"),
    ("de ravelijn school locatie noord wil niet", "ravelijn school locatie noord"),
    ("ze zaten samen op de jan wiekendaalschool zuid", "jan wiekendaalschool zuid"),
    ("op de job terwindtschool west is geen plek", "job terwindtschool west"),
    # 3. a type word, then the name (also in capitals)
    ("SPECIAAL ONDERWIJS DE ZEEAREND WIL HEM NIET", "ZEEAREND"),
    ("speciaal basisonderwijs het kompas heeft een wachtlijst", "het kompas"),
    ("hij zat op het Orthopedagogisch Centrum Noorderlicht", "Noorderlicht"),
    ("Orthopedagogisch Didactisch Centrum Groenstede heeft een plek", "Groenstede"),
    ("Stichting Eemvallei, de school van mijn zoon, reageert niet", "Eemvallei"),
    ("we tried international school Wassenaar but it was full", "Wassenaar"),
    ("hij zit op MKC de Vlinderboom", "Vlinderboom"),
    ("ze ging naar Praktijkonderwijs De Rijnmond", "Rijnmond"),
    ("ze ging naar Rijnmond Praktijkonderwijs in Delft", "Rijnmond Praktijkonderwijs"),
])
def test_school_names_that_generalise(text, piece):
    assert masked(text, piece), find_personal_data(text)


@pytest.mark.parametrize("text", [
    "hij zat op school maar is nu op de Veluwe bij zijn oma",
    "de school heeft ons gestuurd naar Veilig Thuis",
    "hij heeft bij Veilig Thuis gebeld over school",
    "hij belde naar de Kindertelefoon, school weet het niet",
    "hij zat op de Havo en zit nu thuis",
    "In Maart is hij van school gegaan",
    "wij zijn naar het Ouder- en Jeugdsteunpunt gegaan over school",
    "we kregen een brief van de Inspectie over zijn school",
    "school heeft hem aangemeld bij de GGD",
    "Wegwijzer, mijn zoon zit al weken thuis van school",
    "ik vroeg het aan Wegwijzer en aan de school",
    "hij zit de hele dag op de bank en wil niet naar school",
    "we wonen op de Bijlmer en de school is ver weg",
    "MIJN ZOON ZIT AL DRIE MAANDEN THUIS, DE SCHOOL WIL HEM NIET TERUG",
    "Mijn Zoon Zit Thuis Want De School Heeft Geen Plek Voor Hem",
    "hij is aangemeld bij het Samenwerkingsverband, school wacht",
    "ze wil naar een montessori school in de buurt",
    "welke school past bij hem? de nieuwe school zegt nee",
    "hij wil naar de middelbare school, maar die zegt nee",
    "sinds de Kerstvakantie zit hij thuis, school belt niet",
    "de school stuurde ons naar het Centrum voor Jeugd en Gezin",
    "hij heeft Autisme en ADHD volgens de school",
    "Op de Basisschool ging het nog goed",
    "bij de Raad voor de Kinderbescherming weten ze van de school",
    "wij gaan naar Utrecht voor een nieuwe school",
    "hij gaat op Maandag en Dinsdag naar school",
    "op de VSO kan hij niet terecht, geen plek",
    "we zijn naar het Juridisch Loket gegaan over de school",
    "Hij zit op school in Amersfoort",
    "de speciale school en het speciaal onderwijs zitten vol",
    "Veilig Thuis zegt dat de school moet bellen",
    "ze zit op een gewone school, een reguliere school dus",
    "de Wijkagent kwam langs over school",
    "de Orthopedagoog van school heeft hem getest",
    "school zegt dat de Koran les niet mag",
    "we gaan naar de Kinderarts en daarna naar school",
    "hij zit op de Bso na school",
    "zij zit op het Mbo en nu thuis",
    "mn school doet nks, wnt ze bellen niet",
    "Previous school: none, we just arrived",
    "het tweetalig gymnasium en de Poolse school",
    "Heeft het Jeugdfonds Sport ook iets voor kinderen die thuis zitten?",
    "hij zit op Het Hogeland bij zijn vader, niet op school",
    "hij zit nu op een mytylschool, dat is beter",
    "ze wil naar de muziekschool en de dansschool na school",
    "ze zit op Zwemles en op school",
    "in de Coronatijd ging het mis op school",
    "we wonen in het Oosten en de school is ver",
    "de Vertrouwenspersoon van school belde",
])
def test_look_alikes_stay(text):
    assert schools(text) == [], find_personal_data(text)


@pytest.mark.parametrize("piece", [
    "op de Aaaa Bbbb van de Cccc zit ", "jan de wit van der college ", "st. st. st. st. school ",
    "Stichting Abc Def, de school ", "SPECIAAL ONDERWIJS DE ", "op de jan abcdefschool noord ", "Ab-sbo ",
])
def test_round_10_rules_stay_linear_on_long_hostile_text(piece):
    """100,000 characters of one repeated form stay linear (LINEAR_CPU_SECONDS)."""
    import time
    text = (piece * (100_000 // len(piece) + 1))[:100_000]
    t0 = time.process_time()
    find_personal_data(text)
    assert time.process_time() - t0 < LINEAR_CPU_SECONDS
