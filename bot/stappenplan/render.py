"""Turns a Plan into text: ``ouder`` (u-form), ``jongere`` (je-form, shorter) or ``spraak``
(read aloud: no web addresses or lists, phone numbers digit by digit, dates and durations in words).
``plan_summary_for_request`` gives a short plain text to send along with a help request.

All sentences come from ``content/stappenplan/*.yml``; the safety block is the existing answer
``content/antwoorden/veiligheid.yml``.
"""
from __future__ import annotations

from datetime import date
from typing import Optional
from pathlib import Path

from bot.content.loader import REPO_ROOT, ContentError, load_answer_file
from bot.content.contacts import spoken_digits
from bot.content.formats import bare_web, voice_safe
from bot.stappenplan.plan import Deadline, Plan, PlanContact
from bot.stappenplan.rules import load_rules
from bot.stappenplan.spoken import duration, elapsed, spoken_date, written_date
from bot.stappenplan.texts import fill, load, pick

PARENT, YOUTH, VOICE = "ouder", "jongere", "spraak"
VARIANTS = (PARENT, YOUTH, VOICE)
SAFETY_FILE = REPO_ROOT / "content" / "antwoorden" / "veiligheid.yml"
YOUTH_NOTES = ("ongeveer", "vakantie", "leerplicht_melden", "mdo")
YOUTH_DEADLINES = ("besluit", "verlengd", "tijdelijke_plaatsing", "schorsing", "geschillencommissie",
                   "tlv_bezwaar", "pact_doel", "vrijstelling_verlengen")
MAX_SOURCES = 3
# Only used when veiligheid.yml cannot be read: the numbers must never get lost. The one place where
# numbers are written in code; tests/unit/content/test_contacts_by_key.py checks them against landelijk.yml.
SAFETY_FALLBACK = ("Bel 112 bij direct gevaar. Veilig Thuis: 0800-2000. 113 Zelfmoordpreventie: bel gratis 113 of "
                   "0800-0113, dag en nacht. De Kindertelefoon (8 tot 18 jaar): 0800-0432.")


def render_plan(plan: Plan, variant: str) -> str:
    """The whole plan as one text (the bubbles of ``render_plan_parts`` on separate lines)."""
    return "\n".join(render_plan_parts(plan, variant))


def render_plan_parts(plan: Plan, variant: str) -> list[str]:
    """The plan in two messages: first where the user stands and the ONE next step (with whom), then
    the rest (what was done, other steps, dates, notes, sources), so the next step is read first
    and a chat bubble stays short (issue 19)."""
    variant = variant if variant in VARIANTS else PARENT
    t = load("teksten")
    steps = load("stappen").get("stappen") or {}
    voice = variant == VOICE
    dash = "" if voice else "- "
    lines: list[str] = [fill(pick(t["kop"], variant), stand=_date(plan.today, plan.today, variant))]

    if plan.veiligheid:
        lines.append(pick(steps["veiligheid"]["titel"], variant))
        lines.append(_safety_text(variant))

    step = plan.onderwijs_stap
    entry = steps.get(step) or {}
    lines.append(f"{pick(t['volgende_kop'], variant)} {pick(entry.get('titel'), variant)}")
    reason = pick((t.get("reden") or {}).get(plan.reden, {}), variant)
    if reason:
        lines.append(fill(reason, duur=_reason_duration(plan, variant)))
    lines.append(pick(entry.get("zeggen"), variant))
    lines.extend(_who(plan, entry, t, variant))
    first = len(lines)

    if plan.gedaan:
        items = [pick(t["gedaan"].get(s, {}), variant) for s in plan.gedaan]
        if voice:
            lines.append(f"{pick(t['gedaan_kop'], variant)} {_join(items)}.")
        else:
            lines.append(pick(t["gedaan_kop"], variant))
            lines.extend(f"{dash}{item}" for item in items)
    elif plan.niets_gedaan and not plan.veiligheid:
        lines.append(pick(t["niets_gedaan"], variant))


    if plan.ook:
        titles = [pick((steps.get(_step_text(s)) or {}).get("titel"), variant).rstrip(".") for s in plan.ook]
        if voice:
            lines.append(f"{pick(t['ook_kop'], variant)} {_join([x[0].lower() + x[1:] for x in titles])}.")
        else:
            lines.append(pick(t["ook_kop"], variant))
            lines.extend(f"{dash}{title}." for title in titles)

    shown = [d for d in plan.termijnen if variant != YOUTH or d.id in YOUTH_DEADLINES]
    deadlines = [d for d in shown if not is_goal(d)]
    goals = [d for d in shown if is_goal(d)]  # the Thuiszitterspact's goal is no deadline for a child
    if deadlines:
        lines.append(pick(t["termijnen_kop"], variant))
        lines.extend(f"{dash}{deadline_sentence(d, plan.today, variant, plan.thuis_sinds)}" for d in deadlines)
    if goals:
        lines.append(pick(t["doelen_kop"], variant))
        lines.extend(f"{dash}{deadline_sentence(d, plan.today, variant, plan.thuis_sinds)}" for d in goals)

    for note in plan.notities:
        if variant == YOUTH and note not in YOUTH_NOTES:
            continue
        text = pick((t.get("notitie") or {}).get(note, {}), variant)
        lines.append(fill(text, woorden=", ".join(f'"{w}"' for w in plan.schattingen),
                          vakantie=plan.vakantie or "vakantie"))

    failed = pick(entry.get("niet_gelukt"), variant)
    if failed:
        lines.append(failed)

    source_line = pick(t["bron_regel"], variant)
    if source_line and plan.bronnen:
        names = "; ".join(naam for naam, _ in plan.bronnen[:MAX_SOURCES])
        lines.append(fill(source_line, bronnen=names, datum=written_date(load_rules().gecontroleerd)))
    parts = [_text(lines[:first], voice), _text(lines[first:], voice)]
    return [part for part in parts if part]


def _text(lines: list[str], voice: bool) -> str:
    text = "\n".join(line for line in lines if line and line.strip())
    return voice_safe(text) if voice else text


def is_goal(d: Deadline) -> bool:
    """A date that is no deadline (``geen_termijn`` in regels.yml), such as the Thuiszitterspact's goal."""
    period = load_rules().periods.get(d.regel)
    return bool(period and period.geen_termijn)


def deadline_sentence(d: Deadline, today: date, variant: str, home_since: Optional[date] = None) -> str:
    """One deadline in words. ``{vanaf}`` is the day the child has been home since ("ongeveer" when
    estimated), so a passed period reads "zit sinds 25 oktober thuis; op 22 november was dat 4 weken"
    and never as if the child were home since the day the period ended (issue 19)."""
    t = load("teksten")
    entry = (t.get("termijn") or {}).get(d.id) or {}
    which = entry.get("voorbij" if d.verstreken else "open") or {}
    day = _date(d.datum, today, variant)
    if d.ongeveer and variant != VOICE:
        day = f"{day} (geschat)"
    since = ""
    if home_since is not None:
        since = ("ongeveer " if d.ongeveer else "") + _date(home_since, today, variant)
    return fill(pick(which, variant), datum=day, vanaf=since, duur=_period_words(d.duur, variant))


def plan_summary_for_request(plan: Plan) -> str:
    """Short plain text (parent register, no web addresses) to attach to a help request."""
    t = load("teksten")
    steps = load("stappen").get("stappen") or {}
    lines = [f"Stappenplan, stand van {written_date(plan.today)}."]
    if plan.veiligheid:
        lines.append("Let op: in het gesprek is een zorg over veiligheid genoemd.")
    if plan.thuis_sinds:
        lines.append(f"Thuis sinds: {written_date(plan.thuis_sinds)} ({elapsed(plan.thuis_sinds, plan.today)}).")
    done = [pick(t["gedaan"].get(s, {}), PARENT).lower() for s in plan.gedaan]
    lines.append(f"Al gedaan: {'; '.join(done)}." if done else "Al gedaan: nog niets genoemd.")
    lines.append(f"Volgende stap: {pick((steps.get(plan.onderwijs_stap) or {}).get('titel'), PARENT)}")
    entries = t.get("termijn") or {}
    for d in sorted(plan.termijnen, key=is_goal):
        label = str((entries.get(d.id) or {}).get("samenvatting") or d.id.replace("_", " "))
        prefix = "rond " if d.ongeveer else ""
        if is_goal(d):  # a goal, not a deadline: no "Termijn", no open or passed
            lines.append(fill(label, datum=prefix + written_date(d.datum), duur=_period_words(d.duur, PARENT)))
            continue
        state = "voorbij" if d.verstreken else "open"
        lines.append(f"Termijn, {label}: {prefix}{written_date(d.datum)} ({state}).")
    if plan.gemeente:
        lines.append(f"Gemeente: {plan.gemeente}.")
    return "\n".join(lines)


# ---- helpers -------------------------------------------------------------------------------------

def _date(day: date, today: date, variant: str) -> str:
    return spoken_date(day, today) if variant == VOICE else written_date(day)


def _period_words(period_id: str, variant: str) -> str:
    rules = load_rules()
    period = rules.periods.get(period_id)
    if period is None:
        return ""
    return duration(period.aantal, period.eenheid, spoken=variant == VOICE)


def _reason_duration(plan: Plan, variant: str) -> str:
    period = {"overslaan": "onderwijsconsulent_criterium", "schorsing_te_lang": "schorsing_max"}.get(plan.reden, "")
    return _period_words(period, variant) if period else ""


def _step_text(ladder_id: str) -> str:
    return {"formeel": "geschillencommissie"}.get(ladder_id, ladder_id)


def _who(plan: Plan, entry: dict, t: dict, variant: str) -> list[str]:
    wie = str(entry.get("wie", "geen"))
    voice = variant == VOICE
    head = pick(t["wie_kop"], variant)
    if wie == "geen":
        return []
    if wie == "school":
        return [f"{head} {pick(t['school_wie'], variant)}"]
    if not plan.contacten:
        if wie in ("leerplicht", "swv", "rmc") and not plan.gemeente:
            return [pick(t["geen_gemeente"], variant)]
        return []
    lines = [head if not voice else ""]
    old_data = False
    for c in plan.contacten:
        if c.waar:
            if c.naam:
                lines.append(_contact_line(c, variant))
            lines.append(fill(pick(t.get(c.waar, {}), variant), gemeente=plan.gemeente))
            continue
        lines.append(_contact_line(c, variant))
        if c.controleren:
            lines.append(pick(t["controleren"], variant))
        old_data = old_data or c.data_2015
    if old_data:
        lines.append(pick(t["data_2015"], variant))
    if voice:
        spoken = [line for line in lines if line]
        return [f"{head} {spoken[0]}", *spoken[1:]] if spoken else []
    return lines


def _contact_line(c: PlanContact, variant: str) -> str:
    if variant == VOICE:
        details = [f"telefoon {spoken_digits(c.telefoon)}"] if c.telefoon else []
        return ", ".join([c.naam, *details]) + "."
    details = [f"tel. {c.telefoon}"] if c.telefoon else []
    if c.website:
        details.append(bare_web(c.website))
    if c.openingstijden and variant == PARENT:
        details.append(f"({c.openingstijden})")
    return "- " + ", ".join([c.naam, *details]).replace(", (", " (") + "."


def _safety_text(variant: str) -> str:
    try:
        answer = load_answer_file(Path(SAFETY_FILE))
    except (ContentError, OSError):  # never lose the numbers because a file is broken
        return SAFETY_FALLBACK
    return answer.tekst.get(variant) or answer.tekst.get(PARENT, "")


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]
