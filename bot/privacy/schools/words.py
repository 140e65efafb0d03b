"""The shared vocabulary of the school rules: head words ("college", "school", "lyceum", ...), parts of a name
("sint", "mr."), particles, kinds of school, words that end a name, and ``_classify()``, which says whether a word
before a head word is part of a name, an ordinary word or a word that stops the name (asking ``wordfreq`` through
``bot.privacy.lexicon``). Also the name tokens of the head-word rules, the types of school (``_type_words()``),
institutions that are no school (``_NOT_SCHOOL``) and what makes a message one about school (``_SCHOOL_MESSAGE``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists


HEADS = frozenset({"college", "school", "lyceum", "scholengemeenschap", "scholengroep", "mavo", "skoalle", "skoalle's",
                   "academie", "campus", "gymnasium", "atheneum", "basisschool", "kindcentrum", "schoal"})

COMPOUND_HEADS = ("school", "college", "lyceum", "skoalle")


# words that are part of a school's name although Dutch knows them: titles and saints
NAME_PARTS = frozenset({"sint", "st", "st.", "meester", "mr", "mr.", "dr", "dr.", "ds", "ds.", "prof", "prof.", "pater",
                        "broeder", "zuster", "koning", "koningin", "prins", "prinses", "graaf", "gravin", "hertog",
                        "heilige", "h.", "kardinaal", "bisschop", "paus", "dominee", "juffrouw", "mgr", "mgr.",
                        "monseigneur", "pastoor", "kapelaan", "ir", "ir.", "drs", "drs."})


# particles inside a name ("jan van kampen", "willem de zwijger", "an nour al jadid")
PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "het", "'t", "al", "el", "an", "la", "le", "da", "di",
                       "von", "du", "des", "y", "ibn", "bin", "abu", "ten"})

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?\.?|'t|’t")   # a closing quote is no part of a word ("‘tamar college’")

MAX_WORDS = 4


# words that make what follows a kind of school, not one school ("de christelijke school", "de vrije school")
_KIND_WORDS = frozenset({
    "openbare", "christelijke", "katholieke", "protestantse", "islamitische", "speciale", "gereformeerde",
    "reformatorische", "evangelische", "joodse", "hindoe", "vrije", "montessori", "jenaplan", "dalton", "waldorf",
    "internationale", "international", "europese", "engelse", "duitse", "franse", "turkse", "poolse", "arabische",
    "koran", "zomer", "lagere", "hogere", "middelbare", "basis", "praktijk", "particuliere", "private", "reguliere",
    "gewone", "taal", "muziek", "rij", "zwem", "dans", "kunst", "sport", "mbo", "hbo", "vmbo", "havo", "vwo",
    "tweetalige", "categorale", "zml", "mytyl", "tyltyl", "cluster", "brede", "kleine", "grote", "nieuwe", "oude",
    "andere"
})


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


NAME, ORDINARY, STOP = "name", "ordinary", "stop"


def _classify(word: str, strict: bool = True) -> str:
    """What a word before a school's head word is: part of a name (a word Dutch does not know, a name on the
    name lists, a place, a title), an ordinary word that a name may hold ("poort", "weide"), or a word that
    ends the name (function words, kinds of school, adjectives: "de nieuwe school", "een goede school")."""
    lists = wordlists()
    low = word.lower()
    if low in NAME_PARTS or re.fullmatch(r"[^\W\d_]\.", low):
        return NAME   # a title, or an initial ("carolus a. lapide school")
    low = low.rstrip(".")
    if len(low) < 2 or low in _NOT_IN_SCHOOL_NAME or low in _GENERIC_BEFORE_TYPE or low in _KIND_WORDS or \
            low in lists.geen_naam or low in lists.geen_school or low in lists.school_afkortingen or low in HEADS or \
            low in lists.school_woorden or lexicon.has_word_ending(low):
        return STOP
    z = lexicon.zipf(low)
    if lexicon.is_place(low):
        return NAME
    if low.endswith(("se", "sche", "ische")) and z >= lexicon.KNOWN:
        return STOP   # "de utrechtse school": an adjective, where it is, not which one
    if z < 3.0 and lexicon.is_compound(low):
        return ORDINARY if strict else NAME   # "kerstvakantie belt school"; but "het hofkwartier college"
    if z < 3.0 or (z < 4.0 and _on_name_lists(low)):
        return NAME
    if (low.endswith("e") and z >= 3.5) or z >= 5.0:
        return STOP   # "de juiste school", "zijn eigen school"
    return ORDINARY


def _on_name_lists(low: str) -> bool:
    lists = wordlists()
    return low in lists.voornamen or low in lists.achternamen or low in lists.namen_bron


# a compass part of a town after a school's head word: "het Atheneum Zuid", "College Noord"
_COMPASS = frozenset({"noord", "zuid", "oost", "west", "centrum", "noordoost", "noordwest", "zuidoost", "zuidwest"})


# adjective endings: "het almeerse", "de stedelijke" are no name; adjectives of a country or a kind ("Oekraïense",
# "Syrische", "Turkse") end like this, a school's name does not
_ADJECTIVE_ENDINGS = ("se", "sche", "ische", "ese", "ijke", "ige")

_NOT_IN_SCHOOL_NAME = frozenset({"en", "maar", "want", "dus", "of", "in", "op", "bij", "naar", "is", "was", "zit", "zat",
                                 "heeft", "had", "gaat", "ging", "wil", "kan", "mag", "moet", "niet", "meer", "nog",
                                 "al", "ook", "nu", "daar", "hier", "die", "dat", "om", "tot", "te", "met", "voor",
                                 "van", "de", "het", "een", "hij", "zij", "ze", "ik", "we", "wij", "hem", "haar",
                                 "geweest", "gezeten", "gehad", "gezet", "gestuurd", "aangemeld", "ingeschreven",
                                 "geplaatst", "toen", "sinds", "tijdens", "na", "vanaf", "gedaan", "weg", "terug",
                                 "alleen", "s", "'s", "ochtends", "middags", "ofzo", "enzo", "ofzoiets", "zoiets", "geloof",
                                 "denk", "trouwens", "eigenlijk"})

_GENERIC_BEFORE_TYPE = frozenset({"nieuwe", "oude", "goede", "andere", "eigen", "hele", "zelfde", "volgende", "vorige",
                                  "middelbare", "grote", "kleine", "speciale", "reguliere", "gewone", "dichtstbijzijnde",
                                  "huidige", "vorig", "nieuw", "oud", "ander", "zelfde", "regulier", "klein", "groot",
                                  "categoriaal", "categorale", "brede", "breed", "tweetalig", "tweetalige", "technisch",
                                  "technische", "agrarisch", "agrarische", "nieuwste", "beste", "slechtste", "duurste"})


# first parts that make a compound a kind of school or a course, not one school's name
_KIND_PARTS = ("basis", "middelbare", "hoge", "zomer", "vak", "dag", "thuis", "kleuter", "muziek", "rij", "zwem",
               "taal", "huiswerk", "bijles", "zondags", "avond", "ziekenhuis", "praktijk", "speciale", "speciaal",
               "dans", "kook", "ski", "surf", "circus", "voetbal", "sport", "vlieg", "brugklas", "nieuwe", "oude",
               "andere", "eigen", "vorige", "volgende", "hele", "vrije", "jenaplan", "montessori", "dalton",
               "internationale", "internaat", "kost", "privé", "prive", "online", "zorg", "ziekenhuis", "thuiszit",
               "nederlandse", "engelse", "turkse", "arabische", "koran", "weekend", "woensdag", "zaterdag", "zondag",
               "buiten", "bos", "natuur", "gemeente", "kinder", "theater", "toneel", "kunst", "teken", "schilder",
               "hondenschool", "honden", "pup", "puppy", "auto", "motor", "kappers", "kapper", "brom", "vaar")


# institutions that are no school, after "naar de ..." ("naar de Kinderombudsman")
_NOT_SCHOOL = frozenset({"kinderombudsman", "ombudsman", "inspectie", "onderwijsinspectie", "rechter", "rechtbank",
                         "gemeente", "huisarts", "ggd", "jeugdzorg", "raad", "politie", "kinderbescherming",
                         "wijkteam", "jeugdarts", "psycholoog", "psychiater", "dokter", "tandarts", "ziekenhuis",
                         "geschillencommissie", "commissie", "minister", "overheid", "leerplicht", "leerplichtambtenaar",
                         "samenwerkingsverband", "swv", "wegwijzer", "veilig", "juridisch", "ouders", "stichting",
                         "zorgboerderij", "dagbesteding", "kinderopvang", "bso", "opvang", "kindertelefoon"})


# endings of organisations, care providers and shows ("De Opvoedpoli", "Het Centrum voor Jeugd en Gezin")
_NOT_SCHOOL_ENDINGS = ("poli", "centrum", "kliniek", "zorg", "team", "loket", "journaal", "opvang", "praktijk",
                       "ziekenhuis", "dienst", "bureau", "fonds", "stichting", "bond", "vereniging", "winkel", "bank",
                       "huis", "park", "museum", "bieb", "bibliotheek", "kerk", "moskee")


# pedagogical concepts and denominations that make a kind of school ("het dalton college")
_CONCEPTS = r"(?:dalton|montessori|jenaplan|vrije|waldorf|freinet|vrijeschool|christelijke?|katholieke?|openbare?)"

# a message about school: quoted names and lower-case person names count only there
_SCHOOL_MESSAGE = re.compile(r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|z(?:at|it)[ ]op|klas|juf|mentor|"
                             r"ingeschreven|uitgeschreven|afgewezen|geschorst)(?![\w])", re.IGNORECASE)


# kinds of school and words around "school" that are not a name (the first parts of geen_school count too)
_TYPES = frozenset({"montessori", "dalton", "jenaplan", "vrije", "basis", "speciaal", "speciale", "middelbare",
                    "lagere", "brede", "buurt", "dorps", "zorg", "praktijk", "taal", "muziek", "kunst", "sport",
                    "havo", "vwo", "vmbo", "mavo", "mbo", "hbo", "so", "vso", "sbo", "pro", "isk", "cluster", "plus",
                    "regulier", "reguliere", "passend", "passende", "voortgezet", "openbaar", "bijzonder",
                    "algemeen", "christelijk", "internationaal", "international", "internationale", "hoge",
                    "high", "primary", "secondary", "elementary", "middle", "boarding", "summer", "public",
                    "private", "language", "mytyl", "tyltyl", "zml", "ortho", "kunst", "my", "his", "her", "our", "their", "the", "a", "new", "old", "this",
                    "that", "at", "to", "from", "in", "of", "for", "and", "your", "good", "bad", "local"})


@lru_cache(maxsize=1)
def _type_words() -> frozenset:
    lists = wordlists()
    parts = {w[:-len(s)] for w in lists.geen_school for s in lists.school_achtervoegsels if w.endswith(s) and len(w) > len(s)}
    return frozenset(_TYPES | parts | lists.school_voorwoorden | lists.school_afkortingen)


# one capitalised word of a proper name
_PROPER = r"[A-ZÀ-Þ][\w'’\-]{1,40}"
