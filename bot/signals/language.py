"""Guesses the language of a user message: "nl", "en" or "other".

Heuristic, no model: the share of letters outside the Latin script ("other" for Arabic, Cyrillic,
Greek, Ge'ez, CJK, ...), letters that only other languages use (ł, ş, ñ, ß, ...), and counts of
common function words per language. A word used by several languages counts for each of them in
part. Short and mixed messages stay Dutch: Dutch chat is full of English loanwords ("sorry",
"chill", "school", "help").
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Mapping

from bot.signals.normalize import load_spelling

DUTCH, ENGLISH, OTHER = "nl", "en", "other"

# Function words and a few domain words (child, school, help) per language, lower case.
FUNCTION_WORDS: Mapping[str, str] = {
    "nl": """
        ik je jij jou jouw u uw hij zij ze wij we jullie hun hen mijn zijn haar ons onze het de een
        en of maar want omdat dat die dit deze wat wie waar waarom wanneer hoe welke niet geen wel
        ook nog al er hier daar nu dan toen met van voor naar op aan bij uit over om tot door te zo
        heel erg echt even gewoon kan kun kunt moet mag wil wilt ga gaat heb hebt heeft ben bent is
        was wordt word kind kinderen zoon dochter school thuis leerplicht hoi hallo doei dank
        bedankt ja nee toch weet snap bedoel zit zitten graag alsjeblieft alstublieft iets niets
        iemand niemand meer veel goed lang weken maand maanden dag dagen keer hulp vraag mentor
        klas les leraar juf meester ouders moeder vader sinds alleen nooit altijd soms waarom
        helpen zeggen zegt denk vind doe doen gaan komen kom mee zonder mn egt ff nie kzit mattie
        wollah osso hoelang hoeveel in als onder boven na tegen tussen zelf hetzelfde anders
        andere welk eigenlijk misschien zeker precies alles iedereen elke ieder moeten kunnen
        mogen willen zou zouden had hadden werd geweest gedaan krijg krijgt kreeg maken maakt zien
        ziet staat staan laat nou oke dus weer mee af terug artikel
    """,
    "en": """
        the a an and or but because i i'm im you your you're he she it we they my his her our their
        me him them is are was were be been am do does did don't dont doesn't didn't can can't
        cannot could would should will won't have has had not no yes what who where why when how
        which this that these those there here with from to of for on at by about into speak
        english please thank thanks hello mean son daughter child kid kids children school go goes
        going gone need want know help get got any some anyone someone anything just only very
        really also too if then so out up home stay stays since week weeks month months allowed
        tell talk understand dutch language translate he's she's it's isn't aren't wasn't
        nobody anybody anymore doesnt isnt in free
    """,
    "de": """
        ich du er sie es wir ihr mein meine meinen sohn tochter kind schule nicht und ist sind der
        das dem den ein eine einen auch sehr kann können nur noch mit auf bitte danke hallo haben
        habe hat warum wie was wo wann weil dass nein ja guten tag sprechen sprichst deutsch hilfe
        brauche zu zur zum geht gehen nach von für über keine kein bei in
    """,
    "es": """
        el la los las de que y en un una es por para con no mi mis hijo hija escuela colegio
        hablas habla hablar hola gracias qué cómo como está estoy porque pero muy yo tengo tiene
        necesito ayuda puede puedo se lo su del al español ir va me
    """,
    "fr": """
        je tu il elle nous vous le la les des du est et pas ne mon ma mes fils fille école ecole
        parle parlez bonjour merci pour avec que qui une un dans mais oui non pourquoi comment aide
        besoin français francais
    """,
    "it": """
        il lo la gli le di che e è non mio mia figlio figlia scuola sono per con una ciao grazie
        parli aiuto perché perche come
    """,
    "pt": """
        o os as de que e não nao meu minha filho filha escola é um uma com para por olá ola
        obrigado obrigada fala ajuda você voce está porque
    """,
    "pl": """
        ja ty on ona my nie jest i w z na do się że to co jak mój moja moje syn córka szkoła szkoły
        szkole dziecko mówisz dzień dobry cześć dziękuję proszę pomoc tak ale czy mam ma jestem
        chodzi już po polsku
    """,
    "tr": """
        bir ve bu için ile ne değil ben sen o var yok çok mı mi mu da de ama okul okula okulda
        merhaba nasıl evet hayır benim oğlum kızım çocuğum türkçe yardım lütfen teşekkürler
        konuşabilir musunuz miyiz
    """,
    "so": """
        waa iyo aan ku ka maxaa wiilkayga gabadhayda dugsiga iskuulka caawimaad
    """,
}

# English words that Dutch chat borrows ("thanks", "sorry") count only this much.
LOANWORDS = frozenset({"thanks", "thank", "please", "hello", "yes", "no", "okay", "sure", "nice"})
LOANWORD_WEIGHT = 0.5

# A language's own name ("english", "español") is a strong hint: it counts this much extra.
LANGUAGE_NAMES: Mapping[str, str] = {
    "english": "en",
    "deutsch": "de",
    "español": "es",
    "espanol": "es",
    "français": "fr",
    "francais": "fr",
    "italiano": "it",
    "português": "pt",
    "polsku": "pl",
    "türkçe": "tr",
}
LANGUAGE_NAME_BONUS = 1.0

# Letters that Dutch and English do not use, with the language they point to.
MARKER_LETTERS: Mapping[str, str] = {
    **dict.fromkeys("łąęśżźćń", "pl"),
    **dict.fromkeys("şğı", "tr"),
    **dict.fromkeys("ñ¿¡", "es"),
    **dict.fromkeys("ßä", "de"),
    **dict.fromkeys("ãõ", "pt"),
    **dict.fromkeys("řěů", "cs"),
    **dict.fromkeys("șță", "ro"),
    **dict.fromkeys("œ", "fr"),
}
MAX_MARKER_SCORE = 2.0

NON_LATIN_SHARE = 0.5  # share of letters outside Latin script that makes a text "other"
MIN_SCORE = 2.0  # a language needs this many (weighted) words to win from Dutch
MARGIN = 1.5  # ... and this many times more than Dutch (and English, for "other")

_WORD = re.compile(r"(?<![\w'])[^\W\d_]+(?:'[^\W\d_]+)*(?![\w'])")
SINGLE_LETTER_WEIGHT = 0.5  # "a", "i", "o", "e" are too short to say much
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def detect_language(text: str) -> str:
    """ "nl", "en" or "other"; short, unclear and mixed Dutch texts give "nl"."""
    lowered = (text or "").translate(_APOSTROPHES).lower()
    if _non_latin_share(lowered) >= NON_LATIN_SHARE:
        return OTHER
    scores = _scores(lowered)
    dutch, english = scores.pop(DUTCH, 0.0), scores.pop(ENGLISH, 0.0)
    other = max(scores.values(), default=0.0)
    if other >= MIN_SCORE and other > MARGIN * max(dutch, english):
        return OTHER
    if english >= MIN_SCORE and english > MARGIN * dutch:
        return ENGLISH
    return DUTCH


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    foreign = sum(1 for ch in letters if not unicodedata.name(ch, "").startswith("LATIN"))
    return foreign / len(letters)


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    weights = _word_weights()
    for word in _WORD.findall(text):
        for language, weight in weights.get(word, ()):
            scores[language] += weight
        if word in LANGUAGE_NAMES:
            scores[LANGUAGE_NAMES[word]] += LANGUAGE_NAME_BONUS
    markers: dict[str, float] = defaultdict(float)
    for ch in text:
        if ch in MARKER_LETTERS:
            markers[MARKER_LETTERS[ch]] += 1.0
    for language, count in markers.items():
        scores[language] += min(count, MAX_MARKER_SCORE)
    return scores


@lru_cache(maxsize=1)
def _word_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...): a word shared by n languages counts 1/n for each."""
    languages: dict[str, set[str]] = defaultdict(set)
    for language, words in FUNCTION_WORDS.items():
        for word in words.split():
            languages[word].add(language)
    # Youth spellings and chat abbreviations ("mn", "ff", "egt", "kzit") are Dutch too.
    for word in load_spelling().mapping:
        if len(word) > 1 and " " not in word:
            languages[word].add(DUTCH)
    return {
        word: tuple((language, _weight(word) / len(found)) for language in sorted(found))
        for word, found in languages.items()
    }


def _weight(word: str) -> float:
    if len(word) == 1:
        return SINGLE_LETTER_WEIGHT
    return LOANWORD_WEIGHT if word in LOANWORDS else 1.0
