"""School names that generalise, round 10 (session 14, issue 18): rules from Dutch grammar, not from the misses of
one test set.

1. Dutch capitalises proper nouns only. In a message about school (a school word, "zit/zat op", "aangemeld bij",
   "wachtlijst", "geen plek", "uitgeschreven", "gestuurd", ...), a capitalised word or run of them mid-sentence
   after "op/bij/naar/van/voor/aan/door" (+ an optional "de/het/'t/t"), or after "de/het/'t" anywhere, names
   something - most likely a school: "op de Zandloper", "De Wilgenkamp is te druk", "naar Heiderijk", "mijn
   school, het Veenpad". Not: places, months and weekdays, public bodies and helplines (also the names in
   content/regio/landelijk.yml), diagnoses, school types, the bot's own name, a surname after a name or title.
   A message written in capitals, or with every word capitalised, says nothing by its capitals: rule 1 is off.
2. A name of one to four tokens (first names, surnames, tussenvoegsels, initials, "st./sint/mr./dr./jac.")
   right before "school/college/lyceum/gymnasium/atheneum/praktijkonderwijs" or "-sbo/-so/-school/-college", in
   any case and at the start of a sentence: "Holtkamp college", "pieter de hoogh college", "st. jozef school",
   "Dijkzicht-sbo". The run stops at a common word (a verb, a function word, an adjective, a school type);
   a branch, compass part or rare word after the head belongs to it ("... college zuidoost").
3. A type word, then a name: "Speciaal (Basis)onderwijs X" (any case, also in capitals), "Orthopedagogisch
   (Didactisch) Centrum X", "international school X", "ISG/MKC/SG/RSG/CSG/OSG X", "Praktijkonderwijs X", and
   "Stichting X" when a school word follows ("Stichting Eemvallei, de school van ...").

Fail closed: a rare proper noun in a school message that is no school is masked too. Bounded regexes and
dictionary look-ups only, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_SCHOOL_TALK = re.compile(
    r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|gymnasium|atheneum|mavo|havo|vwo|vmbo|mbo|sbo|v?so|klas|"
    r"juf|meester|mentor|leerling\w*|leerkracht\w*|ib'?er|directeur|directrice|leerplicht\w*|onderwijs|"
    r"z(?:at|it|aten|itten)|aangemeld|afgemeld|aanmelding|ingeschreven|uitgeschreven|"
    r"inschrijv\w*|wachtlijst|plek|plaatsing|geplaatst|gestuurd|geschorst|geschopt|verwijderd|afgewezen|"
    r"toegelaten|weggestuurd)(?![\w])", re.IGNORECASE)

_CAPW = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
_RUN = _CAPW + r"(?:[ ](?:(?:van|ter|ten)[ ](?:de[ ]|der[ ]|den[ ]|het[ ]|'t[ ])?|de[ ])?" + _CAPW + r"){0,2}"
_AFTER_PREP = re.compile(
    r"(?<![\w'’])(?P<prep>op|bij|naar|van|voor|aan|door)[ ](?:(?P<art>de|het|'t|’t|t)[ ])?(?P<name>" + _RUN
    + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")
_AFTER_ART = re.compile(r"(?<![\w'’])(?P<art>[Dd]e|[Hh]et|'t|’t)[ ](?P<name>" + _RUN + r")(?![\w'’\-])(?!\.[ ]?[A-ZÀ-Þ]\.)")
_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w.'’\-]*)[ ,]{1,2}$")
_TITLES = frozenset({"mevrouw", "meneer", "mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "heer", "familie", "fam",
                     "fam.", "juf", "meester", "dokter", "dr", "dr.", "mr", "mr.", "ir", "ir.", "zoon", "dochter"})
_ADJECTIVE_ENDS = ("se", "sche", "ische")
_COMPASS = frozenset({"noord", "zuid", "oost", "west", "centrum", "noordoost", "noordwest", "zuidoost", "zuidwest"})


@lru_cache(maxsize=8)
def _is_shouted(text: str) -> bool:
    """Capitals say nothing: a message in capitals, or one where (almost) every word starts with one."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.75 * len(words):
        return False
    # title case: function words and verbs with a capital mid-sentence ("Mijn Zoon Zit Thuis Want De School Heeft")
    capital_function_words = sum(1 for w in words[1:] if w[:1].isupper() and w.lower() not in ("de", "het", "van")
                                 and lexicon.zipf(w) >= 5.5)
    return capital_function_words >= 2


@lru_cache(maxsize=1)
def _organisations() -> tuple[frozenset, tuple]:
    """The organisations the product itself names: the words of the helplines and public bodies in landelijk.yml,
    and the full names of the samenwerkingsverbanden (" passend onderwijs de eem ")."""
    import json
    from bot import settings
    from bot.content import contacts
    words, names = set(), []
    try:
        text = contacts.contacts_file().read_text(encoding="utf-8")
        for m in re.finditer(r"^\s*naam:\s*(.+)$", text, re.MULTILINE):
            words.update(w for w in re.findall(r"[^\W\d_][\w\-]+", m.group(1).lower()) if len(w) > 3)
        swv = json.loads((settings.read("WEGWIJZER_REGIO_DIR") / "samenwerkingsverbanden.json").read_text(encoding="utf-8"))
        names = [f" {str(v.get('naam', '')).lower()} " for v in swv.get("samenwerkingsverbanden", {}).values()]
    except (OSError, ValueError, AttributeError):   # the rules still work without them, with fewer exceptions
        pass
    return frozenset(words), tuple(n for n in names if n.strip())


def _organisation_words() -> frozenset:
    return _organisations()[0]


def _known_organisation(name: str) -> bool:
    low = f" {name.lower()} "
    return any(low in org for org in _organisations()[1])


def _never_a_school(low: str) -> bool:
    lists = wordlists()
    low = low.strip("'’")
    return (low in lists.geen_schoolnaam or low in lists.geen_schoolnaam_streken or low in lists.geen_naam or low in lists.geen_school
            or low in _organisation_words() or low.rstrip("-") in lists.geen_schoolnaam)


_ORG_ENDINGS = ("commissie", "wet", "raad", "punt", "loket", "dienst", "bureau", "team", "verband", "inspectie",
                "zorg", "lijn", "telefoon", "rechter", "rechtbank", "ministerie", "gemeente", "bestuur", "besluit",
                "vakantie", "stoornis", "onderwijs", "klas", "jeugd", "bank", "academie", "universiteit",
                "hogeschool", "opleiding", "wijk", "buurt", "opvang", "zaal", "verblijf", "besteding", "boerderij",
                "pact", "fonds", "aanpak", "beleid", "plan", "regeling", "regio", "courant", "krant", "blad", "streek",
                # people by their role: "de Zorgcoördinator", "de Jeugdarts", "de Schoolpsycholoog"
                "coördinator", "coordinator", "begeleider", "ambtenaar", "consulent", "arts", "psycholoog",
                "pedagoog", "directeur", "directrice", "mentor", "leraar", "lerares", "docent", "werker", "meester",
                "agent", "iater", "pedist", "therapeut", "loog", "journaal")
# the endings of people by their role and of services: a finding of any rule that is one such word is no school
_ROLE_ENDINGS = _ORG_ENDINGS[_ORG_ENDINGS.index("coördinator"):] + ("commissie", "loket", "dienst", "bureau", "team",
                                                                     "inspectie", "zorg", "opvang", "telefoon")
# street endings that schools are named after too ("het Veenpad", "De Akker"); other street names stay
_STREET_NAMES_OK = ("pad", "hof", "hoek", "park", "erf", "akker", "brink", "polder", "haven")


def _name_ok(name: str, article: str | None, prep: str | None) -> bool:
    lists = wordlists()
    words = [w for w in name.split(" ") if w.lower() not in ("van", "de", "der", "den", "ter", "ten", "het", "'t")]
    lows = [w.lower() for w in words]
    if any(_never_a_school(w) or _never_a_school(w.split("-")[0]) for w in lows):
        return False
    if any(w.endswith(_ORG_ENDINGS) for w in lows) or lows[-1].endswith(tuple(lists.school_achtervoegsels)):
        return False   # "de Geschillencommissie", "het Jeugdfonds Sport"; a head word is the other rules' work
    if len(lows) == 1 and lows[0].endswith(_ADJECTIVE_ENDS) and len(lows[0]) >= 5 and not _first_name(lows[0]):
        return False   # "de Molukse gemeenschap", "voor Walcherse leerlingen": an adjective
    if lexicon.is_place(lows[0]) and len(lows) == 1 and article not in ("t", "'t", "’t"):
        return False   # "naar Utrecht", "de Noordoostpolder"; "op t Lauwerzijl" names a school after a village
    if lexicon.is_place(f"{article or ''} {name}".strip()) or lexicon.is_place(name) or _known_organisation(name) \
            or ("-" in name and all(lexicon.is_place(p) or p in _COMPASS for p in name.lower().split("-"))):
        return False   # "De Ronde Venen", "Slinge-Berkel", "Noord-Holland", a samenwerkingsverband's name
    if article is None:
        # no article: a person ("bij Jan", "van Sanne") or an ordinary word, unless Dutch does not know it
        if lows[0] in lists.voornamen or lows[0] in lists.achternamen or lows[0] in lists.namen_bron:
            return False
        if len(lows) == 1 and (lexicon.zipf(lows[0]) >= 4.0 or _english(lows[0]) >= 3.0):
            return False   # "naar Huis"; "naar Kyiv", "naar Istanbul": a place the world knows
    if lows[-1].endswith(tuple(lists.straat_achtervoegsels)) and (
            prep in ("aan", "in") or not lows[-1].endswith(_STREET_NAMES_OK)):
        return False   # "aan de Lijsterbesdreef", "de Lindelaan": a street
    if len(lows) > 1 and all(lexicon.zipf(w) >= 4.5 for w in lows) and lows[0] not in _COMPASS:
        return False   # "het Juridisch Loket"-like services made of very common words
    if len(lows) == 1 and lexicon.zipf(lows[0]) >= 5.0:
        return False   # "op de Eerste", "bij de Hele"
    return True


_PREPOSITIONS = frozenset({"op", "bij", "naar", "van", "voor", "aan", "door", "in", "uit", "met", "over", "sinds", "tot"})
_SKIP_BACK = re.compile(r"(?:(?<![\w'’])(?:van|de|der|den|ter|ten|'t|’t|la|le|da)[ ])+$", re.IGNORECASE)


def _after_a_person(text: str, start: int) -> bool:
    """"mevrouw de Vries", "Annelies van de Kamp", "Ruben van 't Hof", "Ipse de Bruggen": the rest of a name
    (a person's, an organisation's) after a title or a capitalised word, not a school."""
    skip = _SKIP_BACK.search(text, max(0, start - 16), start)
    if skip:
        start = skip.start()
    w = _BEFORE.search(text, max(0, start - 32), start)
    if not w or text[w.end("w"):start].strip() != "":
        return False
    word = w.group("w")
    low = word.lower()
    if low in _TITLES:
        return True
    if re.search(r"['’]er$", low):
        return False   # "de IB'er van de Sterrenboog": a role, then the school
    if word[:1].isupper() and not _sentence_start(text, w.start("w")) and low not in _PREPOSITIONS:
        return True
    if len(word) > 1 and word.isupper():
        return True   # "RMC De Friese Wouden", "SWV De Eem": an organisation's acronym before its name
    lists = wordlists()
    return any(part in lists.voornamen or part in lists.namen_bron for part in low.split("-")) and not lexicon.is_place(low)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"'“(]\s*)$")


def _sentence_start(text: str, i: int) -> bool:
    return _SENTENCE_START.search(text[max(0, i - 4):i]) is not None


def _rule1(text: str) -> Iterator[Span]:
    if _is_shouted(text) or not _SCHOOL_TALK.search(text):
        return
    seen = set()
    for pattern in (_AFTER_PREP, _AFTER_ART):
        for m in pattern.finditer(text):
            name, art = m.group("name"), m.group("art")
            prep = m.groupdict().get("prep")
            a = m.start("art") if art else m.start("name")
            if (a, m.end("name")) in seen or not _name_ok(name, art, prep):
                continue
            if prep is None and art and art[0] == "d" and name.split()[0].split("-")[0].lower() in wordlists().achternamen:
                continue   # "de Vries", "de Jong" without a preposition: a surname
            if _after_a_person(text, m.start()):
                continue
            seen.add((a, m.end("name")))
            yield Span("school", a, m.end("name"), text[a:m.end("name")])


# rule 2: a name of any case right before a head word
_HEAD = re.compile(r"(?<![\w'’\-])(?:school|college|lyceum|gymnasium|atheneum|praktijkonderwijs)(?![\w'’\-])", re.IGNORECASE)
_HYPHEN_HEAD = re.compile(r"(?<![\w'’\-])(?P<pre>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)-(?:sbo|so|vso|school|college|lyceum)"
                          r"(?![\w'’\-])", re.IGNORECASE)
_TOKEN_BEFORE = re.compile(r"(?<![\w'’\-.])(?P<w>[^\W\d_][\w'’\-]*\.?|'t|’t)[ ]{1,2}$")
_ABBREVIATIONS = frozenset({"st.", "sint", "st", "mr.", "dr.", "jac.", "ds.", "prof.", "mgr.", "pater", "broeder",
                            "zuster", "koning", "koningin", "prins", "prinses", "graaf", "gravin"})
_PARTICLES = frozenset({"van", "der", "den", "de", "ter", "ten", "'t", "’t", "la", "le", "da", "di", "du", "von"})
_LEADING_OK = frozenset({"van", "ter", "ten", "da", "la", "le", "von"})
# kinds of school and words around "school" that are not a name (the first parts of geen_school count too)
_TYPES = frozenset({"montessori", "dalton", "jenaplan", "vrije", "basis", "speciaal", "speciale", "middelbare",
                    "lagere", "brede", "buurt", "dorps", "zorg", "praktijk", "taal", "muziek", "kunst", "sport",
                    "havo", "vwo", "vmbo", "mavo", "mbo", "hbo", "so", "vso", "sbo", "pro", "isk", "cluster", "plus",
                    "regulier", "reguliere", "passend", "passende", "voortgezet", "openbaar", "bijzonder",
                    "algemeen", "christelijk", "internationaal", "international", "internationale", "hoge",
                    "high", "primary", "secondary", "elementary", "middle", "boarding", "summer", "public",
                    "private", "language", "my", "his", "her", "our", "their", "the", "a", "new", "old", "this",
                    "that", "at", "to", "from", "in", "of", "for", "and", "your", "good", "bad", "local"})
_TAIL = re.compile(r"[ ]{1,2}(?:(?P<loc>(?i:locatie|vestiging|afdeling))[ ](?:(?:de|het|'t)[ ])?(?P<w1>[^\W\d_][\w'’\-]{1,30})"
                   r"|(?P<w2>[^\W\d_][\w'’\-]{1,30}))(?![\w'’\-])")


@lru_cache(maxsize=1)
def _type_words() -> frozenset:
    lists = wordlists()
    parts = {w[:-len(s)] for w in lists.geen_school for s in lists.school_achtervoegsels if w.endswith(s) and len(w) > len(s)}
    return frozenset(_TYPES | parts | lists.school_voorwoorden | lists.school_afkortingen)


@lru_cache(maxsize=8192)
def _kind(word: str, initial: bool) -> str:
    """'name', 'abbr', 'particle', 'common' (a name only after a particle: "jan de wit") or 'stop'."""
    lists = wordlists()
    low = word.lower()
    if len(word) > 1 and word.isupper():
        initial = True   # "de DERDE school": capitals for emphasis say nothing
    if low.endswith("."):
        return "abbr" if low in _ABBREVIATIONS or re.fullmatch(r"[^\W\d_]\.", low) else "stop"
    if low in _PARTICLES:
        return "particle"
    if low in _ABBREVIATIONS:
        return "abbr"
    if word.islower() and (len(low) <= 3 or not re.search(r"[aeiouyà-ÿ]", low)) and not _first_name(low) \
            and low not in _PARTICLES and low not in lists.achternamen:
        return "stop"   # chat shorthand: "mn school", "ipv school", "wnt school"
    if low in _type_words() or lexicon.zipf(low) >= 5.5 and low not in lists.voornamen:
        return "stop"   # a kind of school, a function word or a common verb: "het", "zegt", "heeft"
    if _never_a_school(low) and low not in lists.assistent_naam:
        return "common"   # only inside a name after a particle: "jan van brabant college"
    z = lexicon.zipf(low)
    if (low.endswith(_ADJECTIVE_ENDS) and len(low) >= 5 and not _first_name(low)) or lexicon.has_word_ending(low):
        return "stop"   # "een Poolse school", "van Oekraiense school", "het stedelijk college"
    if word[:1].isupper() and not initial:
        return "name"   # a capital mid-sentence: a proper noun
    if (low in lists.voornamen and (low not in lists.alleen_na_aanleiding or word[:1].isupper())) \
            or low in lists.achternamen:
        return "name"
    if (low.endswith("e") and z >= 2.5) or _english(low) >= max(4.0, z + 0.5) or (
            word.islower() and low.endswith(("ig", "ief", "aal", "eel", "end"))):
        return "stop"   # "de nieuwe school", "bro school", "previous school", "het tweetalig gymnasium"
    return "common" if z >= 4.0 else "name"


@lru_cache(maxsize=4096)
def _english(low: str) -> float:
    """Zipf frequency in English: messages mix in English words ("previous school", "bro school")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:   # the rules still work without it, only less sure about English
        return 0.0
    return zipf_frequency(low, "en")


def _name_before(text: str, pos: int, shouted: bool) -> int | None:
    """Start of a name of one to four tokens that ends right before ``pos``, or None."""
    toks: list[tuple[int, str]] = []
    p = pos
    while len(toks) < 5:
        m = _TOKEN_BEFORE.search(text, max(0, p - 40), p)
        if not m:
            break
        toks.append((m.start("w"), m.group("w")))
        p = m.start("w")
    kinds = [_kind(w, shouted or _sentence_start(text, a)) for a, w in toks]
    run = 0
    for i, k in enumerate(kinds):
        if k in ("name", "abbr") or (k == "particle" and i > 0):
            run = i + 1
        elif k == "common" and ((i + 2 < len(kinds) and kinds[i + 1] == "particle" and (
                kinds[i + 2] in ("name", "abbr") or _first_name(toks[i + 2][1])))
                or (i > 0 and kinds[i - 1] == "particle" and _first_name(toks[i][1]))):
            run = i + 1   # "jan de wit college", "jan van brabant college": a name around a particle
        else:
            break
    while run and kinds[run - 1] == "particle" and toks[run - 1][1].lower() not in _LEADING_OK:
        run -= 1   # "de willem drees school": the article is not the name's
    if not run or not any(k == "name" or _first_name(w) for (_a, w), k in zip(toks[:run], kinds)) or kinds[0] == "particle":
        return None
    initial = [shouted or _sentence_start(text, a) or w.isupper() for a, w in toks[:run]]
    if not any(_strong(w, k, ini) for (_a, w), k, ini in zip(toks[:run], kinds, initial)):
        # only words that are merely rare: no ordinary compound ("klachtenformulier school"), and a word in
        # lower case only after an article or a preposition ("de ravelijn school"; not "pesten school")
        if any(_plain_compound(w) for _a, w in toks[:run]):
            return None
        if toks[run - 1][1].islower() and not _ARTICLE_BEFORE.search(text, max(0, toks[run - 1][0] - 8), toks[run - 1][0]):
            return None
    return toks[run - 1][0]


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:de|het|'t|’t|t|op|naar|bij|van|aan|door)[ ]{1,2}$", re.IGNORECASE)


def _strong(word: str, kind: str, initial: bool) -> bool:
    """A token that makes a run a name by itself: a capital mid-sentence, a first name or surname, an initial or
    a title, or a particle inside the name."""
    lists = wordlists()
    low = word.lower()
    return kind in ("abbr", "particle") or (kind == "name" and word[:1].isupper() and not initial) or _first_name(low) \
        or low in lists.achternamen or low in lists.namen_bron


def _plain_compound(word: str) -> bool:
    """Two ordinary words that Dutch writes as one ("klachtenformulier", "opbouwplan"); names made of rarer parts
    ("holtkamp", "berkhout") are not."""
    low = word.lower()
    for i in range(3, len(low) - 2):
        for joint in ("", "s", "en", "e"):
            left, right = low[:i], low[i:]
            if joint and not left.endswith(joint):
                continue
            left = left[:len(left) - len(joint)] if joint else left
            if len(left) >= 3 and lexicon.zipf(left) >= 3.5 and lexicon.zipf(right) >= 3.5:
                return True
    return False


def _first_name(word: str) -> bool:
    lists = wordlists()
    return word.lower() in lists.voornamen or word.lower() in lists.alleen_na_aanleiding


def _tail(text: str, end: int) -> int:
    """A branch, compass part or a rare word after the head: "college zuidoost", "school locatie noord"."""
    m = _TAIL.match(text, end)
    if not m:
        return end
    if m.group("loc"):
        return m.end()
    w = m.group("w2")
    low = w.lower()
    if low in _COMPASS or (w.islower() and len(low) >= 6 and lexicon.zipf(low) == 0.0 and low not in wordlists().voornamen
                           and not lexicon.is_compound(low) and not _never_a_school(low)):
        return m.end()
    return end


def _rule2(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _HEAD.finditer(text):
        if re.match(r"[ ]?:", text[m.end():m.end() + 2]):
            continue   # "Previous school: ...", "Contactpersoon school:": a label, the name comes after it
        a = _name_before(text, m.start(), shouted)
        if a is not None:
            b = _tail(text, m.end())
            yield Span("school", a, b, text[a:b])
    for m in _HYPHEN_HEAD.finditer(text):
        pre = m.group("pre")
        last = pre.split("-")[-1].lower()
        if last in _type_words() or _never_a_school(last) or len(last) < 4 or "/" in text[max(0, m.start() - 1):m.start()]:
            continue   # "vso-school", "zml-school", a web address; not "Dijkzicht-sbo"
        if not (pre[:1].isupper() and not pre.isupper() or shouted) and (
                lexicon.zipf(last) > 0 or _plain_compound(last) or not _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            continue   # in lower case only a word Dutch does not know, after an article: "op de hoefslag-sbo"
        a = _name_before(text, m.start(), shouted)
        a = m.start() if a is None else a
        b = _tail(text, m.end())
        yield Span("school", a, b, text[a:b])


# rule 3: a type word, then the name
_TYPE_FIRST = re.compile(r"(?<![\w'’])(?P<t>(?i:speciaal[ ]basisonderwijs|speciaal[ ]onderwijs|orthopedagogisch(?:[ -]didactisch)?"
                         r"[ ]centrum|international[ ]school|internationale[ ]school|praktijkonderwijs)|ISG|MKC|SG|RSG|CSG|OSG|"
                         r"isg|mkc|rsg|csg|osg)[ ]{1,2}")
_STICHTING = re.compile(r"(?<![\w'’])(?i:stichting)[ ](?P<name>" + _RUN + r")")
_SCHOOL_CUE_AFTER = re.compile(r"[ ]?,?[ ]{0,2}\(?(?:(?:de|het|een|onze|mijn|zijn|haar|hun)[ ])?(?:[^\W\d_]+[ ])?"
                               r"(?:\w*school|scholen|\w*college|\w*lyceum|scholengroep)(?![\w])", re.IGNORECASE)
_TOKEN_AFTER = re.compile(r"(?P<w>[^\W\d_][\w'’\-]*|'t|’t)(?![\w'’\-])")


def _name_after(text: str, pos: int, shouted: bool) -> int | None:
    """End of a name of up to three words (after an optional article) that starts at ``pos``, or None."""
    end, p, had_article, words = None, pos, False, 0
    while words < 4:
        m = _TOKEN_AFTER.match(text, p)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if low in ("de", "het", "'t", "’t", "t") and not had_article and words == 0:
            had_article = True
        elif low in _PARTICLES and end is not None:
            pass
        elif _never_a_school(low) or low in _type_words():
            break
        else:
            z = lexicon.zipf(low)
            cap = w[:1].isupper() and not shouted
            if cap or (shouted and z < 5.0) or (had_article and z < 4.5 and not (low.endswith("e") and z >= 2.5)) \
                    or z < 3.0:
                end = m.end()
                words += 1
            else:
                break
        gap = re.match(r"[ ]{1,2}(?=[^\W\d_'’])", text[m.end():m.end() + 3])
        if not gap:
            break
        p = m.end() + gap.end()
    return end


def _rule3(text: str) -> Iterator[Span]:
    shouted = _is_shouted(text)
    for m in _TYPE_FIRST.finditer(text):
        b = _name_after(text, m.end(), shouted)
        if b is not None:
            b = _tail(text, b)
            yield Span("school", m.start(), b, text[m.start():b])
    for m in _STICHTING.finditer(text):
        if shouted or not _SCHOOL_CUE_AFTER.match(text, m.end()) or not _name_ok(m.group("name"), "de", None):
            continue   # "Stichting Eemvallei, de school van ...": a foundation that is named as the school
        yield Span("school", m.start("name"), m.end("name"), m.group("name"))


_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_GLUE = frozenset({"de", "het", "'t", "’t", "t", "op", "bij", "naar", "van", "voor", "aan", "door", "in", "over",
                   "onder", "achter", "met", "der", "den", "ter", "ten"})


def implausible(text: str, span: Span) -> bool:
    """A school finding (of any rule) that names no school: one word that never names one ("de Havo", "op de
    Bijlmer"), or, in a message in capitals, a run with a verb or function word in it ("DE SCHOOL WIL HEM")."""
    words = [w for w in _NAME_WORD.findall(span.text) if w.lower() not in _GLUE]
    if len(words) == 1 and (words[0].lower() in wordlists().geen_schoolnaam or words[0].lower().endswith(_ROLE_ENDINGS)) \
            and words[0].lower() not in wordlists().school_woorden:
        return True
    if _is_shouted(text):
        lists = wordlists()
        return any(lexicon.zipf(w) >= 5.5 and w.lower() not in lists.school_woorden for w in words)
    return False


def find_proper_noun_schools(text: str) -> Iterator[Span]:
    yield from _rule1(text)
    yield from _rule2(text)
    yield from _rule3(text)
