"""Language guess: English and clearly foreign messages are recognised; Dutch, also youth chat full
of English loanwords, stays Dutch."""
from __future__ import annotations

import pytest

from bot.signals.language import detect_language

ENGLISH = [
    "Hello, do you speak English?",
    "do you speak english",
    "English please",
    "My son doesn't go to school",
    "my daughter doesn't go to school anymore",
    "Can I talk to someone in English?",
    "where can i get help for my son",
    "is there an english version",
    "I need help",
    "my son has not been to school for two months and nobody helps us, what can i do",
    "The school says they cannot find a place for my child",
    "My child has been at home for three weeks",
    "I don't understand Dutch, can you help me?",
    "what are my rights as a parent",
    "Who can I call about this?",
    "can you answer in english please",
    "I am 15 and I am not allowed to go to school",
    "I'm a parent and my kid is stuck at home",
    "Is there someone who can translate this for me",
    "what should I do now",
    "We moved here last year and the school will not take him",
    "the school sent my son home again",
    "thank you so much for your help",
    "my daughter is autistic and the school can't handle her",
    "how long can a school suspend a child",
    "Can they do that?",
    "sorry, I only speak English",
    "what is a leerplichtambtenaar",
    "what does passend onderwijs mean",
    "Is this service free?",
    "I want to complain about the school",
    "what is a thuiszitter? I don't know that word",
    "he is 12 and he has been home since january",
    "she doesn't want to go back to that school",
]

OTHER = [
    "czy mówisz po polsku",
    "Mój syn nie chodzi do szkoły",
    "merhaba, türkçe konuşabilir miyiz? oğlum okula gidemiyor",
    "Oğlum okula gitmiyor ne yapmalıyım",
    "مرحبا، ابني لا يذهب إلى المدرسة",
    "پسرم به مدرسه نمی رود",
    "Здравствуйте, мой сын не ходит в школу",
    "Добрий день, моя донька не ходить до школи",
    "hola, hablas español",
    "Mi hijo no va a la escuela, necesito ayuda",
    "Hallo, ich brauche Hilfe. Mein Sohn geht nicht zur Schule",
    "Sprechen Sie Deutsch?",
    "Bonjour, mon fils ne va pas à l'école",
    "Ciao, mio figlio non va a scuola",
    "Olá, meu filho não vai à escola",
    "Γεια σας, ο γιος μου δεν πάει στο σχολείο",
    "ወደ ትምህርት ቤት አይሄድም",
    "我的儿子不去上学",
    "Wiilkayga dugsiga ma aado, caawimaad",
]

DUTCH = [
    "hoi",
    "hallo",
    "help",
    "sorry",
    "thanks",
    "thank you",
    "yo",
    "ok",
    "ff chillen",
    "sorry ik snap het niet",
    "thanks, dat was alles",
    "top thanks!",
    "mijn zoon zit al drie weken thuis",
    "onze dochter zit al een maand thuis en niemand doet iets",
    "wat is passend onderwijs",
    "ik zit al weken thuis en verveel me kapot",
    "bro ik zit al 3 weken thuis fr",
    "mn mentor is echt toxic",
    "school is echt boring man",
    "ik heb geen motivation meer voor school",
    "wtf mijn school doet zo random",
    "kan iemand me helpen pls",
    "is er een online school voor mij",
    "ik ben done met die school",
    "sorry verkeerd getypt. wat is een thuiszitter eigenlijk",
    "kun je ff mn wiskunde huiswerk maken",
    "ik heb een meeting met de mentor en de zorgcoördinator",
    "mag school me naar huis sturen?",
    "you know wat ik bedoel",
    "bro ik zit al 3 weken thuis and nobody cares",
    "nee sorry, ik bedoel de leerplichtambtenaar",
    "wanneer mag mijn kind weer naar school",
    "de school zegt dat ze vol zit",
    "hoe werkt een toelaatbaarheidsverklaring",
    "Goedemorgen, ik heb een vraag over het OPP van mijn zoon.",
    "kzit thuis en mn ouders zijn boos",
    "egt nie normaal dit",
    "wrm mag ik nie naar school",
    "Łukasz zit al twee maanden thuis, wat kunnen we doen?",
    "mijn zoon is autistisch en de school kan hem niet aan",
    "ik wil een klacht indienen",
    "waar kan ik terecht met vragen",
    "hij is 12 en zit sinds januari thuis",
    "asdfkj",
    "???",
    "",
    "123",
    "😭😭",
    "school",
    "mentor",
    "is artikel 5a hetzelfde als 5 onder a",
    "ik heb 5a gehaald",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", OTHER)
def test_other_languages(text: str) -> None:
    assert detect_language(text) == "other"


@pytest.mark.parametrize("text", DUTCH)
def test_dutch_and_short_texts_stay_dutch(text: str) -> None:
    assert detect_language(text) == "nl"


def test_enough_cases() -> None:
    assert len(ENGLISH) >= 30
    assert len(OTHER) >= 15
    assert len(DUTCH) >= 40


def test_none_is_dutch() -> None:
    assert detect_language(None) == "nl"  # type: ignore[arg-type]
