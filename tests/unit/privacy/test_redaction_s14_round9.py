"""Redaction round 9 (session 14, issue 18): school names by structure. Own examples, not from a test set; the
look-alikes are ordinary words after short kinds, organisations, quoted phrases and places that must stay."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data
from tests.support.redaction_checks import masked as any_masked, schools


def masked(text: str, piece: str, kind: str | None = "school") -> bool:
    return any_masked(text, piece, kind)


@pytest.mark.parametrize("text,piece", [
    # a short kind of school, then the name, in any case
    ("mijn dochter zat op ODBS De Vossenburcht, nu thuis", "ODBS De Vossenburcht"),
    ("hij zat op OBS Het Lunet tot de zomer", "OBS Het Lunet"),   # 'Lunet' is also a care organisation
    ("we hebben gebeld met school sg de Marke maar die wil niet", "sg de Marke"),
    ("ze kan misschien terecht bij sg oost, zeggen ze", "sg oost"),
    ("hij zat op pro het Vakwerk maar is eraf", "pro het Vakwerk"),
    ("de juf van ps willem de zwijger belde vandaag", "ps willem de zwijger"),
    # a capitalised head word, then the name
    ("ik zat op de Praktijkschool Zeewolde en nu niet meer", "Praktijkschool Zeewolde"),
    ("in Duitsland ging ze naar de Realschule Emmerich", "Realschule Emmerich"),
    ("De Christelijke School Marnix wil hem niet terug", "School Marnix"),
    ("hij wacht op een plek bij Internationale Schakelklas De Brug", "Schakelklas De Brug"),
    ("ze zit op de School met de Bijbel De Wijngaard in Urk", "School met de Bijbel De Wijngaard"),
    ("daarna naar het expertisecentrum De Kraanvogel, nu thuis", "De Kraanvogel"),
    # a name Dutch does not know before a head word, also when it names an organisation
    ("hij zat in de ISK van het Amarant College maar moet weg", "Amarant College"),
    ("we tried the Veldhoven International Department, it is full", "Veldhoven International Department"),
    ("previous school: International School of Tuscany", "International School of Tuscany"),
    # a quoted name after a preposition or school word; a name after "school,"
    ("hij zit op 'de groene vlinder' maar wil daar weg", "de groene vlinder"),
    ("ze zat op de speciale school \"de Zandbank\" in Petten", "de Zandbank"),
    ("De vorige school, De Klaverweide in Emmen, heeft hem uitgeschreven.", "De Klaverweide"),
    # lower case: a hyphenated name before "school", a kind with its name and the town
    ("mijn zoon zit thuis, de school is al-furqan school in Ede", "al-furqan school"),
    ("school taalschool de horizon utrecht stuurt hem weg", "taalschool de horizon utrecht"),
    ("ik zat op het grafisch college Amsterdam maar ben gestopt", "grafisch college Amsterdam"),
])
def test_school_names_by_structure(text, piece):
    assert masked(text, piece), find_personal_data(text)


@pytest.mark.parametrize("text,piece", [
    ("hij zat bij t Hofstede Lyceum, nu thuis", "t Hofstede Lyceum"),          # a spoken 't' is the name's
    ("naar de mavo en t willem lodewijk gymnasium, allebei vol", "t willem lodewijk gymnasium"),
    ("ze moet naar de Stichting Openbaar Onderwijs school Het College Zuidwest", "Het College Zuidwest"),
])
def test_the_article_belongs_to_the_name(text, piece):
    assert masked(text, piece), find_personal_data(text)


@pytest.mark.parametrize("text", [
    "volgens de school 'kan het niet langer' en nu zit hij thuis",     # a quoted phrase, not a name
    "op school 'gaat het prima' zeggen ze, maar thuis huilt hij",
    "de school vindt zich 'handelingsverlegen' met onze zoon",
    "Centrum Jeugd en Gezin heeft ons doorverwezen naar school",      # an organisation after 'Centrum'
    "het College van Bestuur van de school reageert niet",
    "ik ben pro het idee van thuisonderwijs, zat hij op school",         # 'pro' as a word
    "so de vraag is of hij naar school kan",                              # 'so' as a word
    "ze zat in het college Dinsdag en toen belde de mentor",             # lower-case head, ordinary word before it
    "the International Department of the ministry answered",            # no name before it
    "de school heeft een rooster gemaakt, van het college krijgt hij niets",
    "hij zat op school en ging daarna naar het ziekenhuis in Utrecht",
])
def test_look_alikes_stay(text):
    assert schools(text) == [], find_personal_data(text)
