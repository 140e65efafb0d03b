"""Words for staff instead of internal codes: statuses, audit actions and their targets, topics (intents)
and status changes. One place, so every page and export says the same.

Topic names are the Dutch button texts of the answers (``knop`` in content/antwoorden/<intent>.yml, the
text users see on the button for that topic); a few conversation intents get a plainer word here.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from bot.hulpvraag.schema import (STATUS_AFGEROND, STATUS_CONTACT_GEHAD, STATUS_IN_BEHANDELING,
                                  STATUS_INGETROKKEN, STATUS_NIEUW)

log = logging.getLogger(__name__)

STATUS_LABELS = {STATUS_NIEUW: "nieuw", STATUS_IN_BEHANDELING: "in behandeling", STATUS_CONTACT_GEHAD: "contact gehad",
                 STATUS_AFGEROND: "afgerond", STATUS_INGETROKKEN: "ingetrokken door de aanvrager"}

ACTION_LABELS = {
    "bekeken": "bekeken", "onthuld": "origineel getoond", "geexporteerd": "geëxporteerd", "gezocht": "gezocht",
    "status_gewijzigd": "status gewijzigd", "toegewezen": "toegewezen", "notitie_toegevoegd": "notitie toegevoegd",
    "label_aan": "label gezet", "label_uit": "label weggehaald", "verwijderd": "verwijderd", "opgeruimd": "opgeruimd",
    "ingelogd": "ingelogd", "uitgelogd": "uitgelogd", "login_mislukt": "inloggen mislukt",
    "login_geweigerd": "inloggen geweigerd (wachttijd)", "inloggen_vertraagd": "inloggen vertraagd",
    "account_aangemaakt": "account aangemaakt", "account_gewijzigd": "account gewijzigd",
    "account_geblokkeerd": "account geblokkeerd", "bsn_gemaskeerd": "BSN afgeschermd",
    "gemist_afgehandeld": "vraag afgehandeld (inzicht)",
    "live_overgenomen": "live chat overgenomen", "live_bericht": "live bericht gestuurd",
    "live_verlaten": "live chat verlaten", "live_geweigerd": "live chat niet overgenomen",
    "live_verlopen": "live chat verlopen",
}
TARGET_LABELS = {"hulpverzoek": "hulpvraag", "hulpvragen": "hulpvragen", "gesprek": "gesprek",
                 "gesprekken": "gesprekken", "bericht": "bericht", "account": "account", "sleutel": "inlogpogingen",
                 "trackerstore": "gesprekken", "bewaartermijn": "bewaartermijn",
                 "gemiste_vragen": "niet-begrepen vragen", "live": "live chat"}
# what was missing, after "nee" on an answer (bot.feedback.schema.REDENEN)
REASON_LABELS = {"niet_duidelijk": "niet duidelijk", "niet_mijn_vraag": "niet mijn vraag", "te_weinig": "te weinig"}
# conversation intents whose button text says little as a topic name
TOPIC_OVERRIDES = {"nlu_fallback": "niet begrepen", "bevestigen": "ja", "ontkennen": "nee",
                   "hulpvraag_starten": "hulpvraag starten", "mens_spreken": "een mens spreken"}
_TRANSITION = re.compile(r"^\s*([a-z_]+)\s*->\s*([a-z_]+)\s*$")


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code or "", code or "")


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code or "", (code or "").replace("_", " "))


def target_label(code: str) -> str:
    return TARGET_LABELS.get(code or "", code or "")


def parse_transition(detail: str) -> tuple[str, str] | None:
    """'nieuw -> in_behandeling' (the audit detail of a status change) → ('nieuw', 'in_behandeling')."""
    m = _TRANSITION.match(detail or "")
    if not m or m.group(1) not in STATUS_LABELS or m.group(2) not in STATUS_LABELS:
        return None
    return m.group(1), m.group(2)


def detail_label(action: str, detail: str) -> str:
    """An audit detail in words where it holds codes (a status change)."""
    if action == "status_gewijzigd":
        pair = parse_transition(detail)
        if pair:
            return f"van ‘{status_label(pair[0])}’ naar ‘{status_label(pair[1])}’"
    return detail or ""


@lru_cache(maxsize=1)
def _topic_names() -> dict[str, str]:
    try:
        from bot.content.loader import ContentLibrary

        return {answer_id: answer.knop for answer_id, answer in ContentLibrary(check_interval=1e9).all().items()}
    except Exception as exc:  # noqa: BLE001 - labels are a nicety; a broken content dir must not break the console
        log.error("onderwerpnamen niet gelezen: %s", exc)
        return {}


def reason_label(code: str) -> str:
    return REASON_LABELS.get(code or "", (code or "").replace("_", " "))


def topic_label(intent: str) -> str:
    """The Dutch name of a topic (intent); the intent itself when unknown."""
    if not intent:
        return ""
    return TOPIC_OVERRIDES.get(intent) or _topic_names().get(intent) or intent


def topic_choices() -> list[tuple[str, str]]:
    """(intent, name) of every topic, by name: for a filter in words."""
    names = dict(_topic_names())
    names.update({k: v for k, v in TOPIC_OVERRIDES.items() if k in names})
    return sorted(names.items(), key=lambda kv: kv[1].lower())
