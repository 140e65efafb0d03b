"""The sources of a reply as data, for the web widget's "Bron" disclosure (links and dates).

The reply text keeps its plain "Bron: …" line (``bot.turn.replies.source_line``) for every channel. Only
the widget channel also gets this payload (Rasa ``custom``, key ``wegwijzer_bronnen``); its output
(``bot.channels.widget_output``) then sends the text without that line and the sources with it.
Plain Python, no Rasa.
"""
from __future__ import annotations

from typing import Any, Optional

from bot.content.source_dates import UNKNOWN, in_words
from bot.turn.replies import PARENT, dutch_date, source_line

KEY = "wegwijzer_bronnen"
# a step plan's calendar file for the widget's "Zet in mijn agenda" (bot.stappenplan.agenda)
AGENDA_KEY = "wegwijzer_agenda"
AGENDA_FILE = "wegwijzer-stappenplan.ics"
SAFE_SCHEMES = ("https://", "http://")
FEEDBACK_KIND = "feit"  # answers of this kind get feedback buttons; small talk ("gesprek") does not


def _date_words(datum: str) -> str:
    """'pagina van 2019', 'pagina zonder datum', or '' when no date was recorded."""
    if datum == UNKNOWN:
        return "pagina zonder datum"
    words = in_words(datum)
    return f"pagina van {words}" if words else ""


def sources_payload(answer) -> Optional[dict[str, Any]]:
    """{'regel': the plain source line, 'bronnen': [{naam, url, datum}], 'gecontroleerd': '…'} for an
    answer with sources, plus 'onderwerp' (the answer's id) for a factual answer; None without
    sources. Only http(s) addresses are passed on."""
    line = source_line(answer, PARENT)
    if not line:
        return None
    sources = [
        {"naam": s.naam, "url": s.url, "datum": _date_words(getattr(s, "datum", ""))}
        for s in answer.bronnen
        if isinstance(s.url, str) and s.url.lower().startswith(SAFE_SCHEMES)
    ]
    payload = {"regel": line, "bronnen": sources, "gecontroleerd": f"Gecontroleerd op {dutch_date(answer.gecontroleerd)}."}
    if getattr(answer, "soort", "") == FEEDBACK_KIND:
        payload["onderwerp"] = answer.id  # a factual answer: the widget asks "Had u hier iets aan?"
    return payload


def reply_sources(reply, library) -> Optional[dict[str, Any]]:
    """The payload for one reply: only when the reply text really ends with its answer's source
    line (a reply built from another answer, or without the line, gets none)."""
    answer_id = getattr(reply, "answer_id", "") or ""
    answer = library.get(answer_id) if answer_id else None
    payload = sources_payload(answer) if answer is not None else None
    if payload is None or not reply.text.rstrip().endswith(payload["regel"]):
        return None
    return {KEY: payload}
