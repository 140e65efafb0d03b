"""Which missing fact matters most for the plan, and how to ask for it (``content/stappenplan/vragen.yml``).

Ask one thing at a time and only what changes the plan: nothing while there is a safety concern,
first the dates that start a deadline, then whether and how the child was applied, then the steps.
An estimated date ("na de kerstvakantie") is asked again only when a deadline depends on it or a
boundary (4 weeks, 3 months) is close.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from bot.stappenplan.rules import load_rules
from bot.stappenplan.situation import Situation
from bot.stappenplan.texts import fill, load, pick

NEAR_BOUNDARY = timedelta(days=14)


@dataclass(frozen=True)
class Option:
    titel: str   # button label
    tekst: str   # the message the button sends (a sentence the extractor understands)


@dataclass(frozen=True)
class Question:
    veld: str    # the Situation field asked about; pass it back as ``expecting`` to extract_situation
    tekst: str
    opties: tuple[Option, ...] = ()


def missing_question(situation: Situation, audience: str = "ouder", today: Optional[date] = None) -> Optional[Question]:
    sit = situation if isinstance(situation, Situation) else Situation()
    if sit.veiligheid:
        return None
    field, words = _most_important(sit, today)
    if field is None:
        return None
    return _question(field, audience, words)


def _most_important(sit: Situation, today: Optional[date]) -> tuple[Optional[str], str]:
    adult = sit.leeftijd is not None and sit.leeftijd >= load_rules().ages["kwalificatieplicht_tot"]
    if sit.thuis_sinds is None and not sit.vrijstelling and not adult:
        return "thuis_sinds", ""
    if sit.verwijderd and sit.verwijderd_op is None and not sit.done("geschillencommissie"):
        return "verwijderd_op", ""
    if sit.besluit == "afgewezen" and sit.besluit_op is None and not sit.done("geschillencommissie"):
        return "besluit_op", ""
    if sit.tlv_oneens and sit.tlv_op is None and not sit.done("tlv_bezwaar"):
        return "tlv_op", ""
    if sit.done("geschillencommissie") and sit.geschil_ingediend_op is None:
        return "geschil_ingediend_op", ""
    if sit.geschorst and sit.schorsing_sinds is None and sit.schorsing_dagen is None:
        return "schorsing_sinds", ""
    if sit.ingeschreven is False and sit.aangemeld is None:
        return "aangemeld", ""
    if sit.aangemeld and sit.schriftelijk is None:
        return "schriftelijk", ""
    awaiting = sit.besluit is None and sit.besluit_ontvangen is not True
    if sit.aangemeld and sit.schriftelijk and sit.aangemeld_op is None and awaiting:
        return "aangemeld_op", ""
    if not sit.stappen:
        return "stappen", ""
    if sit.ingeschreven is None and sit.aangemeld is None and not adult:
        return "ingeschreven", ""
    if sit.aangemeld_op and not sit.aangemeld_op.exact and awaiting:
        return "aangemeld_op", sit.aangemeld_op.text
    if sit.thuis_sinds and not sit.thuis_sinds.exact and today and _near_boundary(sit.thuis_sinds.value, today):
        return "thuis_sinds", sit.thuis_sinds.text
    if sit.leeftijd is None:
        return "leeftijd", ""
    return None, ""


def _near_boundary(start: date, today: date) -> bool:
    rules = load_rules()
    for period in ("onderwijsconsulent_criterium", "pact_doel"):
        if abs(rules.period(period).add_to(start) - today) <= NEAR_BOUNDARY:
            return True
    return False


def _question(field: str, audience: str, words: str) -> Question:
    data = load("vragen").get("vragen") or {}
    key = "precieze_datum" if words else field
    entry = data.get(key) or {}
    text = fill(pick(entry, audience), woorden=words)
    if audience == "spraak":  # on the phone the channel says these as "Zeg: ja, of: nee."
        options = tuple(Option(str(k), str(k)) for k in entry.get("spraak_keuzes") or () if isinstance(k, str))
    else:
        options = tuple(
            Option(str(o.get("titel", "")), str(o.get("tekst", ""))) for o in entry.get("opties") or ()
            if isinstance(o, dict))
    return Question(field, text, options)
