"""The insight page (issue 20, item 4): misses without form answers, per topic the conversations,
not-understood rate and answer feedback, trends as server-rendered SVG charts with a table, and a work list
(mark a miss as handled, export open misses as masked candidate training sentences).

Who: ``inzicht.lezen`` / ``inzicht.afhandelen`` / ``inzicht.exporteren`` (admins and content editors,
bot.console.roles), within their regions (bot.console.insights). Texts are always masked here.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from aiohttp import web
from markupsafe import Markup

from bot.clock import today
from bot.console.csv_export import BOM, escape_cell
from bot.console.forms import form, int_or_404
from bot.console.insights import PERIODS, Insight
from bot.console.keys import SERVICES
from bot.console.labels import reason_label
from bot.console.render import render
from bot.console.svg_chart import bar_chart
from bot.privacy.redaction import redact

INDELINGEN = {"dag": "per dag", "week": "per week"}
TONEN = {"open": "nog open", "afgehandeld": "afgehandeld", "alle": "alle"}
FORMATS = ("csv", "tekst")
FILTER_KEYS = ("dagen", "indeling", "toon")


@dataclass
class InsightFilters:
    dagen: int = 30
    indeling: str = "dag"
    toon: str = "open"
    fouten: list[str] = field(default_factory=list)

    def as_query(self) -> dict[str, str]:
        return {"dagen": str(self.dagen), "indeling": self.indeling, "toon": self.toon}


def parse_filters(source) -> InsightFilters:
    """Period (7, 30 or 90 days), per day or week, which misses to list. Empty means the default; an
    unknown value gives a Dutch message (the page answers 400), never a guess."""
    out = InsightFilters()
    raw = (source.get("dagen") or "").strip()
    if raw:
        if raw.isdigit() and len(raw) < 4 and int(raw) in PERIODS:
            out.dagen = int(raw)
        else:
            out.fouten.append(f"Onbekende periode ‘{raw[:40]}’. Kies 7, 30 of 90 dagen.")
    raw = (source.get("indeling") or "").strip()
    if raw:
        if raw in INDELINGEN:
            out.indeling = raw
        else:
            out.fouten.append(f"Onbekende indeling ‘{raw[:40]}’. Kies per dag of per week.")
    elif out.dagen == 90:
        out.indeling = "week"
    raw = (source.get("toon") or "").strip()
    if raw:
        if raw in TONEN:
            out.toon = raw
        else:
            out.fouten.append(f"Onbekende keuze ‘{raw[:40]}’ bij ‘Toon’. Kies nog open, afgehandeld of alle.")
    return out


def charts(result: Insight) -> tuple[Markup, Markup]:
    """The two trend charts (SVG strings built by bot.console.svg_chart, which escapes every text)."""
    per = "week" if result.indeling == "week" else "dag"
    labels = [b.kort for b in result.trend]
    first, last = (result.trend[0].label, result.trend[-1].label) if result.trend else ("", "")
    gemist = bar_chart(
        "grafiek-gemist", f"Niet begrepen vragen per {per}",
        f"Staafdiagram van {first} tot en met {last}: per {per} het aantal vragen dat Wegwijzer niet begreep "
        f"(zonder antwoorden op een vraag van een formulier), in totaal {result.totaal.gemist}. "
        "De tabel hieronder geeft dezelfde aantallen.",
        labels, [("Niet begrepen", [b.gemist for b in result.trend])])
    ja, nee = sum(b.ja for b in result.trend), sum(b.nee for b in result.trend)
    feedback = bar_chart(
        "grafiek-feedback", f"Had u hier iets aan? Ja en nee per {per}",
        f"Staafdiagram van {first} tot en met {last}: per {per} hoe vaak gebruikers ‘ja’ en ‘nee’ kozen onder "
        f"een antwoord; in totaal {ja} keer ja en {nee} keer nee. De tabel hieronder geeft dezelfde aantallen.",
        labels, [("Ja", [b.ja for b in result.trend]), ("Nee", [b.nee for b in result.trend])])
    return Markup(gemist), Markup(feedback)   # noqa: S704 - every text inside is escaped by svg_chart


def _page(request, filters: InsightFilters, result: Insight | None, melding: str = "", status: int = 200):
    gemist, feedback = charts(result) if result is not None else ("", "")
    return render(request, "inzicht.html", http_status=status, f=filters, r=result, periods=PERIODS,
                  indelingen=INDELINGEN, tonen=TONEN, fouten=filters.fouten, grafiek_gemist=gemist,
                  grafiek_feedback=feedback, reden=reason_label, melding=melding,
                  terug=urlencode(filters.as_query()))


async def insights_page(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    filters = parse_filters(request.query)
    melding = request.query.get("melding", "")[:300]
    if filters.fouten:
        return _page(request, filters, None, melding, status=400)
    result = await services.run(services.insights.collect, request["principal"].scope, filters.dagen,
                                filters.indeling, filters.toon)
    return _page(request, filters, result, melding)


def _back(terug: str, melding: str) -> web.HTTPSeeOther:
    """Back to the page with the same filters (only known keys of the hostile form field)."""
    kept = [(k, v[:20]) for k, v in parse_qsl(terug or "", keep_blank_values=False) if k in FILTER_KEYS]
    return web.HTTPSeeOther("/inzicht?" + urlencode(kept + [("melding", melding)]) + "#werklijst")


async def mark_handled(request: web.Request) -> web.Response:
    """Mark one miss as handled (audited). A miss outside the user's regions, a form answer or a message
    that was understood does not exist here (404). Marking twice is fine."""
    event_id = int_or_404(request.match_info["event_id"])
    services = request.app[SERVICES]
    principal = request["principal"]
    data = await form(request)
    done = await services.run(services.insights.mark_handled, principal.scope, event_id, principal.gebruikersnaam)
    if done is None:
        raise web.HTTPNotFound()
    miss, new = done
    if new:
        await services.log(principal.gebruikersnaam, "gemist_afgehandeld", "bericht", f"{miss.sender_id}#{event_id}")
    raise _back(data.get("terug", ""), "Gemarkeerd als afgehandeld." if new else "Deze vraag was al afgehandeld.")


def candidate_sentences(texts, masker=redact) -> list[tuple[str, int]]:
    """Masked texts, one line each, the same sentence once with how often it came (most often first)."""
    counts: Counter = Counter()
    for text in texts:
        line = " ".join(masker(text or "").split())
        if line:
            counts[line] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def sentences_csv(sentences: list[tuple[str, int]]) -> str:
    """CSV for the team (';' and a BOM for a Dutch Excel); every cell formula-escaped."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Zin (afgeschermd)", "Aantal keer", "Onderwerp (in te vullen)"])
    for text, n in sentences:
        writer.writerow([escape_cell(text), n, ""])
    return BOM + buffer.getvalue()


def sentences_text(sentences: list[tuple[str, int]]) -> str:
    """One masked sentence per line (no counts): ready to paste under an intent in the training data."""
    return "".join(f"{text}\n" for text, _n in sentences)


async def export_misses(request: web.Request) -> web.Response:
    """The open misses of the period as candidate training sentences: masked text only, CSV or text; audited."""
    services = request.app[SERVICES]
    principal = request["principal"]
    data = await form(request)
    filters = parse_filters({"dagen": data.get("dagen", ""), "indeling": "", "toon": ""})
    formaat = data.get("formaat", "csv")
    if formaat not in FORMATS:
        filters.fouten.append(f"Onbekend formaat ‘{formaat[:40]}’. Kies CSV of tekst.")
    if filters.fouten:
        return _page(request, filters, None, status=400)
    result = await services.run(services.insights.collect, principal.scope, filters.dagen, "dag", "open", None)
    sentences = candidate_sentences(m.tekst for m in result.gemist)
    await services.log(principal.gebruikersnaam, "geexporteerd", "gemiste_vragen", "",
                       f"{formaat}, {len(result.gemist)} niet-begrepen vragen, {len(sentences)} zinnen, "
                       f"afgeschermd, laatste {filters.dagen} dagen")
    name = f"niet-begrepen-{today().isoformat()}"
    if formaat == "csv":
        return web.Response(text=sentences_csv(sentences), content_type="text/csv", charset="utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return web.Response(text=sentences_text(sentences), content_type="text/plain", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.txt"'})

