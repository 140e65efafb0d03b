"""Names, where feasible: after a cue ("ik ben", "mijn naam is", "mijn zoon", "juf", "mevrouw",
"groetjes,") and, anywhere, capitalised first names from the list in redaction_patterns.yml.

A name is a first token (capitalised and not a known non-name, or a listed first name in lower case)
followed by surname tokens: capitalised words, possibly after particles ("de Vries", "van der Linden").
Words in capitals only (GGD, SWV) end a name. Tokens are looked at in a short window after each cue,
so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_FAMILY = (r"zoon|zoontje|dochter|dochtertje|kind|kinderen|man|vrouw|partner|vriend|vriendin|broer|broertje|zus|"
           r"neefje|nichtje|kleinkind|stiefkind|schoonzoon|schoondochter|ex-man|ex-vrouw|ex-partner|"
           r"zusje|moeder|vader|neef|nicht|pleegzoon|pleegdochter|pleegkind|stiefzoon|stiefdochter|kleinzoon|"
           r"kleindochter|jongste|oudste|tweeling|ex")
# How sure a cue makes us that a name follows; decides which lower-case words count as a name (see _first_ok).
STRONG, TITLE, FAMILY, WEAK = "strong", "title", "family", "weak"
_CUES = (
    (STRONG, r"ik\s{1,3}heet|(?<!dat\s)(?<!dit\s)(?<!het\s)(?<!zo\s)(?<!wat\s)(?<!hoe\s)(?<!die\s)heet|heten|(?:mijn\s{1,3})?naam\s{1,3}is|naam(?:\s{1,3}(?:van\s{1,3})?(?:het\s{1,3}|de\s{1,3})?[^\W\d_]{2,12})?\s*:|noem\s{1,3}(?:me|mij)|"
             r"(?:voor|achter)naam(?:\s{1,3}is|\s*:)"),
    (TITLE, r"juf|juffrouw|meester|mevrouw|meneer|mw\.?|mevr\.?|dhr\.?|de\s{1,3}heer|dokter|dr\.|familie|fam\.|"
            r"(?:t\.\s?n\.\s?v\.?|tnv\.?|ten\s{1,3}name\s{1,3}van)(?:\s{1,3}(?:fam\.?|familie|dhr\.?|mevr\.?|mw\.?|"
            r"de\s{1,3}heer|mevrouw|meneer))?"),   # an account holder: "IBAN ... t.n.v. H. Aydın"
    (FAMILY, r"(?:mijn|onze|ons|m'n|mn)\s{1,3}(?:" + _FAMILY + r")|"
             r"(?:moeder|vader|mama|papa|ouder|ouders|oma|opa|zoon|dochter|broer|zus|voogd)\s{1,3}van|"
             r"(?:het\s{1,3})?gaat\s{1,3}om|betreft|(?<!mijn\s)(?<!onze\s)(?:oma|opa|tante|oom|buurvrouw|buurman)"),
    (WEAK, r"contactpersoon\s{0,2}:|ik\s{1,3}ben|(?:wij|we)\s{1,3}zijn|dit\s{1,3}is|hier\s{1,3}is|u\s{1,3}spreekt\s{1,3}met|groet(?:en|jes)?(?:\s{1,3}van)?|"
           r"gr\.?|mvg\.?|liefs|vriendelijke\s{1,3}groet(?:en)?|hartelijke\s{1,3}groet(?:en)?|namens"),
)
CUE = re.compile(
    r"(?:(?<![\w])(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _CUES) + r")|(?P<start>^\s*met))"
    r"[\s,:]{1,4}", re.IGNORECASE)
# initials first ("J.P.", "R." before a space), then words
TOKEN = re.compile(r"[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)?|[A-Z]\.(?=[ ])|'t(?=[ ])|[^\W\d_][\w'’\-]*")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
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


def _capitalised(word: str) -> bool:
    if INITIALS.fullmatch(word):
        return True   # "R.", "J.P."
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _name_like(word: str) -> bool:
    """A word that is no ordinary Dutch word and no place: "Mirthe", "ionescu" (not "Thuiszitten")."""
    core = word.replace("-", "")
    if len(core) < 3 or not core.isalpha() or lexicon.is_ordinary(word) or lexicon.is_place(word):
        return False
    if any(c.isupper() for c in core[1:]) and "-" not in word:
        return False   # "GitHub", "BePO", "RvIG": brands and abbreviations
    if "-" in word:   # "Mensah-Boateng", not "ID-kaart": every part a name
        lists = wordlists()
        return all(len(p) >= 2 and not p.isupper() and (p.lower() in lists.voornamen or p.lower() in lists.achternamen
                   or (not lexicon.is_ordinary(p) and not lexicon.is_place(p))) for p in word.split("-"))
    return True


# endings of verb forms and adjectives: "mijn kind kerft", "mijn kind slechthorend", "ons pleegkind leerplichtig"
_NOT_A_NAME_ENDING = ("t", "ig", "end", "lijk", "isch", "baar", "loos", "zaam", "de", "te", "ers")


def _first_ok(word: str, strength: str) -> bool:
    """May the lower-case ``word`` be a first name (or, after a title, a surname) after a cue of ``strength``?"""
    lists = wordlists()
    low = word.lower()
    if low in lists.geen_naam or not low.replace("-", "").isalpha():
        return False
    if low in lists.voornamen:
        return True
    if low in lists.alleen_na_aanleiding:   # "mijn dochter heet roos", not "mijn dochter wil"
        return strength in (STRONG, TITLE) and lexicon.zipf(low) < 5.0
    if strength == STRONG:      # "mijn zoon heet jesse": anything but an ordinary word
        return len(low) >= 2 and not lexicon.is_ordinary(low, 3.5) and not lexicon.is_place(low)
    if strength == TITLE:       # "mevrouw bos", "meneer el khatib"
        return low in lists.achternamen or _name_like(low)
    if low.endswith(_NOT_A_NAME_ENDING):
        return False
    if strength == FAMILY:      # "mijn zoon wessel"
        return _name_like(low)
    return lexicon.zipf(low) == 0.0 and _name_like(low)   # "ik ben ...": only a word Dutch does not know


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
    if low in lists.geen_naam or ((any(t[2].lower() in ("in", "op") for t in tokens[:i]) or (i > 0 and strength == WEAK))
                                  and lexicon.is_place(low)):
        return None
    if _capitalised(word):
        if not cue and (low not in lists.voornamen or low in lists.alleen_na_aanleiding or i > 0):
            return None
    elif not (cue and (i == 0 or strength == TITLE) and _first_ok(word, strength or WEAK)):
        return None
    start, end = tokens[0][0] if i > 0 else s, e
    lower_first = not _capitalised(word)
    i += 1
    # surname: [particles] Capitalised, repeated
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j][2].lower() in lists.tussenvoegsels:
            j += 1
        if any(t[2].lower() in _NOT_INSIDE_SURNAME for t in tokens[i:j]):
            break   # "mevrouw de Bakker van het Da Vinci College": the name ends before "van het"
        if j < len(tokens) and _capitalised(tokens[j][2]) and tokens[j][2].lower() not in lists.geen_naam:
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


# after these words a capitalised unknown word is a place or a language, not a person ("uit Eritrea")
_PLACE_BEFORE = frozenset({"in", "uit", "naar", "te", "richting", "regio", "gemeente", "provincie", "wijk",
                           "buurt", "het", "de", "een", "via", "op"})
_EPONYM = re.compile(r"(?:ziekte|syndroom|syndrome|stoornis|methode|wet|ziekte[ ]van[ ]\w+[ ]en)[ ]van[ ]$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^[\W\d]*|[.!?:;\n]\W*|\s-\s*)$")


def _unknown_names(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    """Capitalised words that Dutch does not know and that are no place ("Mirthe", "Bogdan Ionescu"):
    two or more in a row anywhere; one alone only inside a sentence, not right after "in", "uit", ..."""
    lists = wordlists()
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    taken_starts = set()
    for a, b in taken:
        taken_starts.update(range(a, b))
    k = 0
    while k < len(toks):
        s, e, word = toks[k]
        low = word.lower()
        if (not _capitalised(word) or INITIALS.fullmatch(word) or low in lists.geen_naam
                or s in taken_starts or not (_name_like(word) or low in lists.voornamen)):
            k += 1
            continue
        # the words after it: [particles] Capitalised, while they are adjacent
        last, j = k, k + 1
        while j < len(toks) and text[toks[j - 1][1]:toks[j][0]] == " ":
            w = toks[j][2]
            if w.lower() in lists.tussenvoegsels:
                j += 1
                continue
            if _capitalised(w) and not INITIALS.fullmatch(w) and w.lower() not in lists.geen_naam and (
                    _name_like(w) or w.lower() in lists.achternamen or w.lower() in lists.voornamen):
                last, j = j, j + 1
                continue
            break
        before = text[max(0, s - 80):s]   # a bounded window: text[:s] made long text quadratic
        prev = before.split()[-1].lower() if before.split() else ""
        abbreviation = len(word) <= 3 and text[e:e + 1] == "."   # "Stb.", "Art."
        if _EPONYM.search(before[-30:]):
            k = last + 1
            continue   # "de ziekte van Crohn", "syndroom van Down": a condition named after someone long ago
        at_start = bool(_SENTENCE_END.search(before[-40:]))
        single_ok = (prev not in _PLACE_BEFORE and _name_like(word) and not abbreviation
                     and (not at_start or (lexicon.zipf(word) == 0.0 and _PERSON_NEXT.match(text, e))))
        if last > k or single_ok:
            yield Span("naam", s, toks[last][1], text[s:toks[last][1]])
        k = last + 1


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


# a word that makes a capitalised unknown word at the start of a sentence a person: "Dawit (15)", "Mirthe zit"
_PERSON_NEXT = re.compile(r"[ ]{1,3}(?:\(|(?:zit|zat|is|was|heeft|had|wil|wilde|gaat|ging|kan|kon|mag|mocht|moet|"
                          r"woont|komt|krijgt|kreeg|doet|durft|weigert|hier|en[ ]ik|wordt|werd|heet)(?![\w]))")
# "Bel mij (Ria)": a capitalised word alone in brackets right after a word for a person
_IN_BRACKETS = re.compile(r"(?<![\w])(?:mij|me|ik|wij|we|ons|hem|haar|moeder|vader|mama|papa|oma|opa|" + _FAMILY + r")"
                          r"[ ]{0,2}\((?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})(?:\)|,[ ]{0,2}\d{1,2}(?:[ ]jaar)?\))", re.IGNORECASE)
# "Hans of Gerda", "Henk en Ans de Boer": the other side of "en"/"of"/"&" next to a name
_AND_AFTER = re.compile(r"[ ]{1,3}(?:en|of|&)[ ]{1,3}(?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})"
                        r"(?P<sur>(?:[ ](?:(?:van|de|der|den|ter|ten|'t|el|al)[ ]){0,3}[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})?)(?![\w])")
_AND_BEFORE = re.compile(r"(?<![\w])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})[ ]{1,3}(?:en|of|&)[ ]{1,3}$")


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


def _around(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for m in _IN_BRACKETS.finditer(text):
        if m.group("w")[:1].isupper() and _could_be_name(m.group("w")):
            yield m.start("w"), m.end("w")
    seen = set(spans)
    covered: set[int] = set()
    for a, b in spans:
        covered.update(range(a, b))
    todo = list(spans)
    while todo:
        a, b = todo.pop()
        nxt = _AND_AFTER.match(text, b)
        prev = _AND_BEFORE.search(text, max(0, a - 40), a)
        for m in (nxt, prev):
            if m and _could_be_name(m.group("w")):
                end = m.end("w")
                if m.re is _AND_AFTER and m.group("sur"):
                    last = m.group("sur").split()[-1]
                    if last.lower() not in wordlists().geen_naam and not lexicon.is_place(last):
                        end = m.end("sur")   # "Kees en Margreet Vos"
                span = (m.start("w"), end)
                if span not in seen and not covered.intersection(range(span[0], span[1])):
                    seen.add(span)
                    covered.update(range(span[0], span[1]))
                    todo.append(span)
                    yield span


# initials, then a surname, anywhere: "S. Mulder", "D. Oosterhuis-Kramer", "J.P. van der Berg", "H. Aydın"
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?P<ini>(?:[A-Z]\.[ ]?){1,3})[ ]?(?P<part>(?:(?:van|de|der|den|ter|ten|'t|el|al|Van|De|El)[ ]){0,3})"
    r"(?P<sur>[A-ZÀ-Þ][a-zà-ÿ'’]{1,30}(?:-[A-ZÀ-Þ][a-zà-ÿ'’]{1,30})?)(?![\w])")


def _surname_like(word: str) -> bool:
    lists = wordlists()
    return all(p.lower() in lists.achternamen or (p.lower() not in lists.geen_naam and _could_be_name(p))
               for p in word.split("-"))


def _initials_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _INITIALS_NAME.finditer(text):
        if len(m.group("ini").replace(" ", "")) == 2 and text[max(0, m.start() - 2):m.start()].strip() == "" and \
                _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()]) and not m.group("part"):
            # one capital and a dot at the start of a sentence may end the one before: "plan B. Daarna"
            if m.group("sur").lower() not in wordlists().achternamen:
                continue
        if _surname_like(m.group("sur")):
            yield m.start(), m.end()


# a lower-case name in a list after a lower-case name: "vader van yassin en soufiane", "van daan, lotte en sem"
_AND_LOWER = re.compile(r"(?:,[ ]{0,2}|[ ]{1,3}(?:en|of|&)[ ]{1,3})(?P<w>[a-zà-ÿ][a-zà-ÿ'\-]{2,30})(?![\w])")
# a name in apposition a few words after a family word: "mijn man bellen, ahmed, 0648 ...", "mijn zoon, amir, is"
_APPOSITION = re.compile(r"(?<![\w])(?:mijn|onze|m'n|mn)[ ]{1,3}(?:" + _FAMILY + r")(?:[ ]{1,3}[\w']{1,20}){0,3},[ ]{1,3}"
                         r"(?P<w>[A-Za-zà-ÿ][a-zà-ÿ'\-]{1,30})[ ]{0,2}(?=[,.;:)(]|[ ]{0,2}\d|$)", re.IGNORECASE)


_OUR_NAME = re.compile(r"(?:(?<=[\w,] )|^)(?:onze|ons|Onze|Ons)[ ](?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})(?![\w])")


def _rare_word(low: str) -> bool:
    """Next to a name or between commas after a family word a rarer word is a name too ("sepp", "rianne" are
    about as common as ordinary words in Dutch text), but no common word, place or word with a noun ending."""
    return (len(low) >= 3 and low.replace("-", "").isalpha() and lexicon.zipf(low) < 3.5
            and not lexicon.has_word_ending(low) and not lexicon.is_place(low) and not low.endswith(_NOT_A_NAME_ENDING))


def _lower_list_and_apposition(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    covered: set[int] = set()
    for a, b in spans:
        covered.update(range(a, b))
    for a, b in list(spans):
        if not text[a:b].islower():
            continue
        while True:
            m = _AND_LOWER.match(text, b)
            if not m:
                break
            w = m.group("w")
            if not (w in lists.voornamen or _rare_word(w)) or w in lists.geen_naam:
                break
            a, b = m.start("w"), m.end("w")
            if b <= len(text) and not covered.intersection(range(a, b)):
                covered.update(range(a, b))
                yield a, b
    for m in _OUR_NAME.finditer(text):   # "onze Floor zit thuis": a capital after "onze" in a sentence
        w = m.group("w")
        if w.lower() in lists.geen_naam or m.start("w") in covered or lexicon.is_place(w):
            continue
        if w.lower() in lists.voornamen or w.lower() in lists.alleen_na_aanleiding or _could_be_name(w):
            yield m.start("w"), m.end("w")
    for m in _APPOSITION.finditer(text):
        w = m.group("w")
        low = w.lower()
        if low in lists.geen_naam or m.start("w") in covered:
            continue
        if low in lists.voornamen or _rare_word(low):
            yield m.start("w"), m.end("w")


# first names that are also a verb at the start of a sentence ("Mark dit gesprek als dringend")
_ALSO_A_VERB = frozenset({"mark"})
_IMPERATIVE_NEXT = re.compile(r"[ ]{1,2}(?:dit|deze|dat|die|het|een|mijn|ons|onze|uw|jullie|alstublieft|aub|even|"
                             r"maar|alles|iets|niets|me|mij|hem|haar)(?![\w])", re.IGNORECASE)


def find_names(text: str) -> Iterator[Span]:
    taken_until = -1
    taken: list[tuple[int, int]] = []
    for m in CUE.finditer(text):
        strength = next((k for k in (STRONG, TITLE, FAMILY, WEAK) if m.group(k)), WEAK)
        found = _name_from(text, _tokens(text, m.end()), cue=True, strength=strength)
        if found and found[0] >= taken_until:
            taken_until = found[1]
            taken.append(found)
    # listed first names without a cue (capitalised only), double first names ("Anna-Sophie")
    lists = wordlists()
    for m in TOKEN.finditer(text):
        word = m.group(0)
        if not _capitalised(word):
            continue
        if word.lower() in lists.voornamen:
            if word.lower() in _ALSO_A_VERB and _IMPERATIVE_NEXT.match(text, m.end()) and \
                    _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()]):
                continue   # "Mark dit gesprek als dringend": a verb at the start of a sentence, not "Mark de Jong"
            found = _name_from(text, _tokens(text, m.start()), cue=False)
        elif _double_first_name(word):
            found = (m.start(), m.end())
        else:
            continue
        if found:
            taken.append(found)
    taken += list(_initials_names(text))
    taken += [(s.start, s.end) for s in _unknown_names(text, taken)]
    taken += list(_around(text, taken))
    taken += list(_lower_list_and_apposition(text, taken))
    for a, b in taken:
        yield Span("naam", a, b, text[a:b])
