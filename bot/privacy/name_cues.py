"""Names after a cue ("ik ben", "mijn naam is", "mijn zoon", "juf", "mevrouw", "groetjes,"): the cues, how
sure each makes us, and the name that follows (a first token and surname tokens, in a short window after the
cue, so the work stays linear in the length of the text)."""
from __future__ import annotations

import re

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists
from bot.privacy.name_words import (FAMILY, STRONG, TITLE, TOKEN, WEAK, _capitalised, _first_ok,  # noqa: F401
                                     _name_like, _rare_surname, _surname_ok)

_FAMILY = (r"zoon|zoontje|dochter|dochtertje|kind|kinderen|man|vrouw|partner|vriend|vriendin|broer|broertje|zus|"
           r"neefje|nichtje|kleinkind|stiefkind|schoonzoon|schoondochter|ex-man|ex-vrouw|ex-partner|"
           r"zusje|moeder|vader|neef|nicht|pleegzoon|pleegdochter|pleegkind|stiefzoon|stiefdochter|kleinzoon|"
           r"kleindochter|jongste|oudste|tweeling|ex")
_CUES = (
    (STRONG, r"ik\s{1,3}heet|(?<!dat\s)(?<!dit\s)(?<!het\s)(?<!zo\s)(?<!wat\s)(?<!hoe\s)(?<!die\s)heet|heten|(?:mijn\s{1,3})?naam\s{1,3}is|naam(?:\s{1,3}(?:van\s{1,3})?(?:het\s{1,3}|de\s{1,3})?[^\W\d_]{2,12})?\s*:|noem\s{1,3}(?:me|mij)|"
             r"(?:voor|achter)naam(?:\s{1,3}is|\s*:)|"
             # the sender's details as a label: "Onze gegevens: Ron en Maaike van Wijk, Poortstraat 16"
             r"(?:onze|mijn|uw)\s{1,3}(?:contact)?gegevens\s{0,2}:"),
    (TITLE, r"juf|juffrouw|meester|mevrouw|meneer|mw\.?|mevr\.?|dhr\.?|hr\.|mej\.|drs\.|ir\.|(?:de|geachte|beste)\s{1,3}heer|dokter|dr\.|"
            r"familie|fam\.|mr\.|mrs\.?|ms\.|miss|"
            r"(?:t\.\s?n\.\s?v\.?|tnv\.?|ten\s{1,3}name\s{1,3}van|t\.\s?a\.\s?v\.?|tav\.?|ter\s{1,3}attentie\s{1,3}van)(?:\s{1,3}(?:fam\.?|familie|dhr\.?|mevr\.?|mw\.?|"
            r"de\s{1,3}heer|mevrouw|meneer))?"),   # an account holder: "IBAN ... t.n.v. H. Aydın"
    (FAMILY, r"(?:mijn|onze|ons|m'n|mn|zijn|haar|hun)\s{1,3}(?:" + _FAMILY + r")|"
             r"(?:moeder|vader|mama|papa|ouder|ouders|oma|opa|zoon|dochter|broer|zus|voogd)\s{1,3}van|"
             r"(?:het\s{1,3})?gaat\s{1,3}om|betreft|(?<!mijn\s)(?<!onze\s)(?:oma|opa|tante|oom|buurvrouw|buurman)|"
             # a bare family word before a name: "zoon Mees (9) en dochter Roos", "kleinzoon Dex"
             r"(?<!mijn\s)(?<!onze\s)(?<!ons\s)(?<!de\s)(?<!een\s)(?<!het\s)(?:zoon|zoontje|dochter|dochtertje|kleinzoon|"
             r"kleindochter|pleegzoon|pleegdochter|stiefzoon|stiefdochter|broertje|zusje|neefje|nichtje)(?=\s{1,3}[A-ZÀ-Þ])"),
    (WEAK, # a form's label for a person, capitalised as in a form: "Kind: Ilyas Mahdi", "Ouder/verzorger: ..."
           r"(?-i:Kind|Ouder|Ouder/verzorger|Verzorger|Leerling|Aanvrager|Melder|Pleegouder|Pleegkind|Voogd)\s{0,2}:|"
           r"(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?]\s\s))[Hh]ier(?=\s{1,3}[A-ZÀ-Þ])|contactpersoon\s{0,2}:|ik\s{1,3}ben|(?:wij|we)\s{1,3}zijn|dit\s{1,3}is|hier\s{1,3}is|u\s{1,3}spreekt\s{1,3}met|groet(?:en|jes)?(?:\s{1,3}van)?|"
           r"gr\.?|mvg\.?|liefs|vriendelijke\s{1,3}groet(?:en)?|hartelijke\s{1,3}groet(?:en)?|namens|"
           r"vraag\s{1,3}(?:maar\s{1,3})?naar|vragen\s{1,3}naar|roepnaam(?:\s{1,3}is|\s*:)?|"
           r"noem(?:en|t)\s{1,3}(?:ze|we|wij|zij|hem|haar|ik)\s{1,3}(?:hem|haar|ook\s{1,3})?"),
)
CUE = re.compile(
    r"(?:(?<![\w])(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _CUES) + r")|(?P<start>^\s*met))"
    r"[\s,:]{1,4}", re.IGNORECASE)
# particles after which a lower-case surname follows a lower-case first name ("sanne de jong")
LOWER_SURNAME_PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "el", "al", "'t"})
# particles that start a name ("Het", "In") but never stand inside a surname ("de Bakker van het Da Vinci College")
_NOT_INSIDE_SURNAME = frozenset({"het", "in", "op"})
WINDOW = 80
MAX_TOKENS = 6


def _tokens(text: str, pos: int) -> list[tuple[int, int, str]]:
    """Words right after ``pos``, separated only by single spaces (punctuation ends the run)."""
    out = []
    end_window = min(len(text), pos + WINDOW)
    while len(out) < MAX_TOKENS:
        m = TOKEN.match(text, pos, end_window)
        if not m:
            break
        out.append((m.start(), m.end(), m.group(0)))
        pos = m.end()
        if pos < end_window and text[pos] == " ":
            pos += 1
        else:
            break
    return out


def _mostly_capitals(text: str) -> bool:
    """A message typed in capitals ("MIJN ZOON HEET KWAME"): there an unknown word in capitals after a strong cue is a
    name; in ordinary text it is an abbreviation ("naam: PPO Regio Leiden")."""
    letters = [c for c in text[:2000] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def _known_name(low: str) -> bool:
    lists = wordlists()
    return low not in lists.geen_naam and (low in lists.voornamen or low in lists.achternamen or low in lists.namen_bron
                                           or low in lists.alleen_na_aanleiding)


def _caps_name(tokens: list, i: int) -> tuple[int, int]:
    """A name in capitals from ``tokens[i]``: further words in capitals that are particles or names."""
    lists = wordlists()
    start, end = tokens[i][0], tokens[i][1]
    j = i + 1
    while j < len(tokens) and tokens[j][2].isupper() and tokens[j][2].replace("-", "").isalpha():
        low = tokens[j][2].lower()
        if low in lists.tussenvoegsels and low not in ("het", "in", "op"):
            j += 1
            continue
        if _known_name(low) or (len(low) > 2 and not lexicon.is_ordinary(low) and not lexicon.is_place(low)):
            end = tokens[j][1]
            j += 1
            continue
        break
    return start, end


def _surname_follows(tokens: list, i: int) -> bool:
    """A surname right after a first name: [particles] and a capitalised word that is no place and no non-name."""
    lists = wordlists()
    j = i
    while j < len(tokens) and tokens[j][2].lower() in lists.tussenvoegsels and j - i < 3:
        j += 1
    if j >= len(tokens) or not _capitalised(tokens[j][2]) or tokens[j][2].isupper():
        return False
    low = tokens[j][2].lower()
    if low in lists.geen_naam and not (j > i and all(_capitalised(t[2]) for t in tokens[i:j])):
        return False
    return j > i or not lexicon.is_place(low)


def _name_from(text: str, tokens: list, cue: bool, strength: str | None = None) -> tuple[int, int] | None:
    """The name at the start of ``tokens``, as (start, end), or None."""
    lists = wordlists()
    i, start, end = 0, None, None
    # particles before a surname: "mevrouw de Boer", "meneer Van Dijk"
    while i < len(tokens) and tokens[i][2].lower() in lists.tussenvoegsels and i < 3:
        i += 1
    if i >= len(tokens):
        return None
    s, e, word = tokens[i]
    low = word.lower()
    # a place after "in"/"op", or after any particle following a weak cue, is where someone lives or comes from:
    # "mijn zoon in Venlo", "wij zijn van Sittard" (but "mevrouw Van Leeuwen" is a name)
    title_particle = (strength == TITLE and 0 < i and _capitalised(word) and _capitalised(tokens[0][2])
                      and not any(t[2].lower() in ("in", "op") for t in tokens[:i]))
    if (low in lists.geen_naam and not title_particle) or (
            (any(t[2].lower() in ("in", "op") for t in tokens[:i]) or (i > 0 and strength == WEAK)) and lexicon.is_place(low)):
        return None   # (but "mevrouw Ter Haar", "heer Van den Broek": a capitalised particle, then any capitalised word)
    undotted_initials = (strength == TITLE and i == 0 and re.fullmatch(r"[A-Z]{1,3}", word) is not None
                         and i + 1 < len(tokens) and (tokens[i + 1][2].lower() in lists.tussenvoegsels
                                                      or _capitalised(tokens[i + 1][2])))
    if cue and i == 0 and len(word) > 1 and word.isupper() and word.isalpha() and (_known_name(low) or (
            _mostly_capitals(text) and not lexicon.is_ordinary(low, 3.5) and not lexicon.is_place(low))):
        return _caps_name(tokens, i)   # "MIJN ZOON HEET DAAN", "Naam: PIETER DE VRIES": a name in capitals
    lower_initials = cue and re.fullmatch(r"(?:[a-z]\.){1,3}", word) is not None and i == 0
    if lower_initials:   # "mvg j. de vries", "tnv p. smit": initials in lower case, then a surname
        k = i + 1
        while k < len(tokens) and tokens[k][2] in LOWER_SURNAME_PARTICLES:
            k += 1
        if k >= len(tokens) or tokens[k][2].lower() in lists.geen_naam or not tokens[k][2].isalpha() \
                or tokens[k][2].lower() in lists.geen_achternaam_klein or len(tokens[k][2]) < 2:
            return None
        return s, tokens[k][1]
    if undotted_initials:
        pass   # "t.n.v. JW van der Meulen", "dhr. PJ Smit": initials without dots after a title
    elif _capitalised(word):
        if not cue and (low not in lists.voornamen or low in lists.alleen_na_aanleiding or i > 0):
            return None
        if cue and strength == WEAK and lexicon.is_ordinary(low) and not (
                low in lists.voornamen or low in lists.alleen_na_aanleiding or low in lists.achternamen
                or low in lists.namen_bron) and not (_surname_follows(tokens, i + 1) and not lexicon.has_word_ending(low)):
            return None   # "vraag naar Leerplicht", "ik ben Boos": an ordinary word, not a name
            # (but "ik ben Marianne van der Linden", "groet, Hennie Bos": a capitalised surname follows)
    elif not (cue and (i == 0 or strength == TITLE) and _first_ok(word, strength or WEAK)):
        return None
    start, end = tokens[0][0] if i > 0 else s, e
    lower_first = not _capitalised(word)
    i += 1
    # surname: [particles] Capitalised, repeated
    while i < len(tokens):
        j = i
        while j < len(tokens) and (tokens[j][2].lower() in lists.tussenvoegsels
                                   or tokens[j][2].lower() in lists.tussenvoegsels_binnen):
            j += 1
        if any(t[2].lower() in _NOT_INSIDE_SURNAME for t in tokens[i:j]):
            break   # "mevrouw de Bakker van het Da Vinci College": the name ends before "van het"
        if j < len(tokens) and _capitalised(tokens[j][2]) and (
                tokens[j][2].lower() not in lists.geen_naam
                or (j > i and all(_capitalised(t[2]) for t in tokens[i:j]) and not lexicon.is_place(tokens[j][2]))):
            # (a capitalised particle takes any capitalised word: "Marloes Ter Haar")
            end = tokens[j][1]
            i = j + 1
        elif (lower_first and j < len(tokens) and tokens[j][2].islower()
              and (j > i and all(t[2] in LOWER_SURNAME_PARTICLES for t in tokens[i:j]) and len(tokens[j][2]) > 2
                   and tokens[j][2] not in lists.geen_naam and tokens[j][2] not in lists.geen_achternaam_klein
                   or j == i and (_surname_ok(tokens[j][2], strength)
                                  or _rare_surname(tokens[j][2], word.lower() in lists.voornamen)))):
            end = tokens[j][1]   # "sanne de jong", "sven van der meer", "daan bakker"
            i = j + 1
            break
        else:
            break
    return start, end
