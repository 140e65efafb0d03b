"""Control words in the help-request form: stop, skip, yes and no.

A control word only counts when it is (nearly) the whole message: "ik wil niet meer" stops the
form, "ik wil niet meer naar school" is an answer. Filler words around it ("nee joh, laat maar",
"ok stop maar") are allowed. Youth spelling and letter stretching are undone first
(``bot.signals.normalize``: "jaaa", "kweenie", "nie"), and repeated letters are squashed for single
words ("jeppp", "stopppp").
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from bot.signals.normalize import normalize_text

_FILLERS = (
    r"nee|ach|sorry|ok|oke|okay|okee|nou|hoor|joh|dan|toch|maar|alsjeblieft|alstublieft|aub|pls|"
    r"please|even|gewoon|eigenlijk|wel|ook|nu|echt|hm|hmm|eh|uh|ehm|dus|oh|o|ja|lekker|zo"
)
_TAIL = (
    r"maar|hoor|joh|ermee|hiermee|nu|dan|alsjeblieft|alstublieft|aub|even|toch|zitten|ook|wel|"
    r"meer|hier|doei|bedankt|dank je|dank u|met (?:dit|deze|de|die|al die|dat|het)(?: \w+)?"
)

_STOP_CORE = (
    r"stop|stoppen|stop ermee|ik (?:wil|ga|wil graag) (?:hier |er |nu )?(?:nu |even )?(?:mee )?stoppen|"
    r"ik (?:wil|ga) (?:hiermee|ermee) stoppen|ik stop|we stoppen|laten we stoppen|"
    r"laat (?:maar|ook maar|het maar|het|maar zitten)|ik wil niet meer|ik wil dit niet(?: meer)?|"
    r"ik wil het niet meer|houd? (?:maar |er maar |er nu |nu )?op|ophouden|kap|kappen|kap ermee|annuleer|annuleren|"
    r"afbreken|breek af|vergeet het|ik heb geen zin meer|geen zin meer|ik hoef niet meer|"
    r"cancel|quit|exit|einde|klaar ermee|ik ben er klaar mee|ik wil niet verder|niet verder|"
    r"ik wil geen hulpvraag(?: meer)?|geen hulpvraag|toch niet|nee bedankt"
)
# "ik wil stoppen, ik denk er nog even over na": a reason to pause, said with a stop word (before or
# after it). On its own such a sentence is not a stop: it may answer a question.
_PAUSE_REASON = (
    r"ik (?:denk|kijk) er (?:nog |eerst )?(?:even |eens |nog even )?(?:over na|naar)|"
    r"ik (?:wil|moet|ga) er (?:nog |eerst )?(?:even |eens |nog even )?over nadenken|"
    r"ik (?:wil|moet|ga) (?:het )?(?:nog |eerst )?(?:even )?overleggen(?: met \w+(?: \w+)?)?|"
    r"ik overleg (?:het )?(?:eerst |nog )?(?:even )?(?:met \w+(?: \w+)?)?|"
    r"ik kom (?:er )?(?:later |nog )?(?:nog )?(?:op )?terug|ik kom er later op terug|"
    r"(?:misschien |dan )?(?:later|een andere keer|een ander moment|morgen)(?: misschien| wel| nog)?|"
    r"ik bel (?:zelf )?wel|ik heb (?:nu )?geen tijd|ik heb nu even geen tijd|ik moet (?:nu )?weg"
)
_SKIP_CORE = (
    r"sla over|sla maar over|sla deze over|sla die over|sla deze vraag over|overslaan|skip|skippen|"
    r"volgende|volgende vraag|ga door|door|verder|weet ik niet|ik weet het niet|weet niet|"
    r"ik weet niet|weet ik niet precies|geen idee|idk|geen flauw idee|liever niet|zeg ik liever niet|"
    r"wil ik niet zeggen|dat zeg ik niet|dat wil ik niet zeggen|nvt|n v t|niet van toepassing|"
    r"geen|niet nodig|hoeft niet|geen antwoord|pas|ik pas|vraag overslaan|deze vraag overslaan"
)
_YES_CORE = (
    r"ja|jaa|ja hoor|jazeker|ja zeker|ja graag|ja prima|ja klopt|ja dat klopt|ja is goed|"
    r"ja doe maar|ja verstuur maar|ja stuur maar|ja verstuur|jep|jup|jip|jaaa|jawel|yes|yep|yup|"
    r"yeah|ya|jaja|zeker|zeker weten|klopt|dat klopt|klopt helemaal|alles klopt|het klopt|prima|"
    r"is goed|goed|oke|ok|okay|okee|akkoord|ik ga akkoord|ik geef toestemming|toestemming|"
    r"ik stem in|doe maar|verstuur|verstuur maar|versturen|stuur maar|stuur maar op|"
    r"mag|dat mag|mag hoor|dat is goed|helemaal goed|correct|juist|natuurlijk|tuurlijk|uiteraard|"
    r"sure|👍|✅|ja 👍"
)
_NO_CORE = (
    r"nee|neen|nee joh|nee hoor|nope|nah|no|niet|neej|nein|neuh|nee dank je|nee dankje|"
    r"klopt niet|dat klopt niet|het klopt niet|niet goed|fout|onjuist|nee niet|nee dat niet|"
    r"liever niet|geen toestemming|ik geef geen toestemming|dat mag niet|mag niet|niet versturen|"
    r"nee niet versturen|nog niet|👎|❌"
)


def _full(core: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{_FILLERS}) )*(?:{core})(?: (?:{_TAIL}))*$")


_STOP_WORDS = rf"(?:(?:{_FILLERS}) )*(?:{_STOP_CORE})(?: (?:{_TAIL}))*"
_STOP = re.compile(
    rf"^(?:{_STOP_WORDS}(?: (?:want|omdat|en))?(?: (?:{_PAUSE_REASON}))?"
    rf"|(?:(?:{_FILLERS}) )*(?:{_PAUSE_REASON})(?: (?:dus|dan|en))? {_STOP_WORDS})$"
)
_SKIP = _full(_SKIP_CORE)
_YES = _full(_YES_CORE)
_NO = _full(_NO_CORE)
_PUNCT = re.compile(r"[^\w\s👍👎✅❌]+")
_REPEATS = re.compile(r"(\w)\1+")
_TEXT_LIMIT = 200  # control words are short; longer messages are answers


def _strip_controls(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")


def normalized(text: Optional[str]) -> str:
    """Folded, youth spelling undone, punctuation gone, single spaces ("Neeee joh!" -> "nee joh")."""
    if not text:
        return ""
    clean = _strip_controls(str(text))[:_TEXT_LIMIT * 2]
    words = _PUNCT.sub(" ", normalize_text(clean).replace("'", " "))
    return " ".join(words.split())


def _squashed(text: str) -> str:
    return _REPEATS.sub(r"\1", text)


def _matches(pattern: re.Pattern[str], text: Optional[str]) -> bool:
    if not text or len(text) > _TEXT_LIMIT:
        return False
    norm = normalized(text)
    if not norm:
        return False
    if pattern.match(norm):
        return True
    # "jeppp", "stopppp", "neeej": compare with repeated letters squashed on both sides
    squashed = _squashed(norm)
    return squashed != norm and any(
        pattern.match(candidate) for candidate in (squashed, squashed.replace("ne", "nee"))
    )


def is_stop(text: Optional[str]) -> bool:
    """The user wants to stop the form ("stop", "laat maar", "ik wil niet meer", "hou op")."""
    return _matches(_STOP, text)


def is_skip(text: Optional[str]) -> bool:
    """The user wants to skip this question ("sla over", "weet ik niet", "liever niet", "geen")."""
    return _matches(_SKIP, text)


def yes_no(text: Optional[str]) -> Optional[bool]:
    """True for yes ("ja hoor", "jep", "yes"), False for no ("nee joh", "nope"), else None."""
    if _matches(_YES, text):
        return True
    if _matches(_NO, text):
        return False
    return None


def starts_with_no(text: Optional[str]) -> bool:
    """The message opens with a no ("nee, hij is 12", "klopt niet: ...")."""
    norm = normalized(text)
    return bool(re.match(r"^(?:nee|neen|nope|nah|no|niet|klopt niet|dat klopt niet|fout)\b", norm))
