"""Word tests for names: may this word be a first name or a surname, given how sure the context is?
(capitalisation, the name lists in redaction_patterns.yml, and how common the word is in Dutch via lexicon)."""
from __future__ import annotations

import re

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists

# How sure a cue makes us that a name follows; decides which lower-case words count as a name (see _first_ok).
STRONG, TITLE, FAMILY, WEAK = "strong", "title", "family", "weak"
# initials first ("J.P.", "R." before a space), then words
TOKEN = re.compile(r"[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)?|[A-Za-z]\.(?=[ ])|'t(?=[ ])|[^\W\d_][\w'’\-]*")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


# an Arabic or Dutch particle written onto a surname: "al-Hassan", "el-Amrani", "ben-Haim", "abu-Bakr"
PARTICLE_PREFIX = re.compile(r"(?:al|el|ul|ben|bin|ibn|abu|ait|aït)-(?=[A-ZÀ-Þ])", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    if INITIALS.fullmatch(word):
        return True   # "R.", "J.P."
    if PARTICLE_PREFIX.match(word):
        word = word[PARTICLE_PREFIX.match(word).end():]
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _source_name(word: str) -> bool:
    """A name from the generated name source (bench/build_name_lexicon.py), not a place and not a word with a
    noun or adjective ending."""
    low = word.lower()
    return low in wordlists().namen_bron and not lexicon.is_place(low) and not lexicon.has_word_ending(low)


def _name_like(word: str) -> bool:
    """A word that is no ordinary Dutch word and no place: "Mirthe", "ionescu" (not "Thuiszitten")."""
    prefix = PARTICLE_PREFIX.match(word)
    if prefix:
        word = word[prefix.end():]   # "al-Hassan": the name after the particle
    core = word.replace("-", "")
    if len(core) < 3 or not core.isalpha() or lexicon.is_place(word):
        return False
    if any(c.isupper() for c in core[1:]) and "-" not in word:
        return False   # "GitHub", "BePO", "RvIG": brands and abbreviations
    if _source_name(word):
        return True    # "Svetlana", "Noordijk": a known name, although Dutch text has it or its parts
    if lexicon.is_ordinary(word):
        return False
    if "-" in word:   # "Mensah-Boateng", not "ID-kaart": every part a name
        lists = wordlists()
        parts = word.split("-")
        if len(parts) > 2 and all(len(p) == 1 and p.isupper() for p in parts[1:-1]):
            parts = [parts[0], parts[-1]]   # "Tjon-A-Fat", "Kon-A-Sen": a single capital in the middle
        return all(len(p) >= 2 and not p.isupper() and (p.lower() in lists.voornamen or p.lower() in lists.achternamen
                   or _source_name(p) or (not lexicon.is_ordinary(p) and not lexicon.is_place(p))) for p in parts)
    return True


# endings of verb forms and adjectives: "mijn kind kerft", "mijn kind slechthorend", "ons pleegkind leerplichtig"
_NOT_A_NAME_ENDING = ("t", "ig", "end", "lijk", "isch", "baar", "loos", "zaam", "de", "te", "ers")


def _first_ok(word: str, strength: str) -> bool:
    """May the lower-case ``word`` be a first name (or, after a title, a surname) after a cue of ``strength``?"""
    lists = wordlists()
    low = word.lower()
    if low in lists.geen_naam or not low.replace("-", "").isalpha() or (len(word) > 1 and word.isupper()):
        return False   # "zoon ISK": an abbreviation, not a name
    if low in lists.voornamen:
        return True
    if low in lists.alleen_na_aanleiding:   # "mijn dochter heet roos", not "mijn dochter wil"
        return strength in (STRONG, TITLE) and lexicon.zipf(low) < 5.0
    if strength == STRONG:      # "mijn zoon heet jesse": anything but an ordinary word
        return len(low) >= 2 and not lexicon.is_ordinary(low, 3.5) and not lexicon.is_place(low)
    if strength == TITLE:       # "mevrouw bos", "meneer el khatib"
        # "mevrouw hoekstra-van dijk": a double surname whose second part starts with a particle
        low = re.sub(r"-(?:van|de|der|den|ter|ten|el|al|in[ ]?'t)$", "", low)
        return low in lists.achternamen or _name_like(low)
    if low.endswith(_NOT_A_NAME_ENDING):
        return False
    if strength == FAMILY:      # "mijn zoon wessel"
        return _name_like(low)
    # "ik ben ...": only a word Dutch does not know, or a known name Dutch seldom uses as a word ("ik ben svetlana")
    return (lexicon.zipf(low) == 0.0 or (_source_name(low) and lexicon.zipf(low) < 3.5)) and _name_like(low)


def _surname_ok(word: str, strength: str | None) -> bool:
    """May the lower-case ``word`` be a surname right after a lower-case first name ("daan bakker")?"""
    lists = wordlists()
    low = word.lower()
    if low in lists.geen_naam or low in lists.geen_achternaam_klein or len(low) < 2:
        return False
    if low in lists.achternamen:
        return True
    if strength == STRONG:
        return lexicon.zipf(low) < 4.0 and low.replace("-", "").isalpha() and not lexicon.is_place(low)
    return _name_like(low)


def _rare_surname(word: str, first_listed: bool) -> bool:
    """After a listed first name in lower case, a rare word is a surname even when it is made of Dutch word
    parts ("lars hofstede", "daan groenhuis"); not a verb form ("lars fietst") or a word with a noun ending."""
    low = word.lower()
    return (first_listed and len(low) >= 3 and low.isalpha() and lexicon.zipf(low) < 3.5 and not low.endswith("t")
            and not lexicon.has_word_ending(low) and not lexicon.is_place(low)
            and low not in wordlists().geen_naam and low not in wordlists().geen_achternaam_klein)



def _double_first_name(word: str) -> bool:
    """"Anna-Sophie", "Jan-Willem": every part a listed first name."""
    lists = wordlists()
    parts = word.lower().split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in word.split("-")):
        return len(parts) > 1 and all(p in lists.voornamen or p in lists.alleen_na_aanleiding for p in parts)
    # "Liam-James": one listed first name and the other parts names too (not "Jan-Kees-Straat", not "Noord-Brabant")
    return any(p in lists.voornamen for p in parts) and all(
        p in lists.voornamen or p in lists.alleen_na_aanleiding or _could_be_name(p.capitalize())
        for p in parts)



def _could_be_name(word: str) -> bool:
    """Weaker than _name_like, for a word that stands next to a name or in brackets after "mij": not a very
    common word ("Gerda" is fairly common in Dutch text), no place, no abbreviation."""
    lists = wordlists()
    low = word.lower()
    if low in lists.geen_naam or word.isupper() or lexicon.is_place(low):
        return False
    # frequency only: names are often made of word parts ("Margreet", "Kalsbeek")
    return (low in lists.voornamen or low in lists.achternamen
            or (lexicon.zipf(low) < 4.0 and not lexicon.has_word_ending(low) and len(low) >= 3))


def _surname_like(word: str) -> bool:
    lists = wordlists()
    return all(p.lower() in lists.achternamen or (p.lower() not in lists.geen_naam and _could_be_name(p))
               for p in word.split("-"))


def _rare_word(low: str) -> bool:
    """Next to a name or between commas after a family word a rarer word is a name too ("sepp", "rianne" are
    about as common as ordinary words in Dutch text), but no common word, place or word with a noun ending."""
    return (len(low) >= 3 and low.replace("-", "").isalpha() and lexicon.zipf(low) < 3.5
            and not lexicon.has_word_ending(low) and not lexicon.is_place(low) and not low.endswith(_NOT_A_NAME_ENDING))
