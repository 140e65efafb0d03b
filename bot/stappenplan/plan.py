"""``build_plan``: from a Situation and today's date to a personal step plan.

The plan holds facts, not sentences: which steps are done, the ONE next step (and why), the
deadlines with real dates (passed or not), notes, and the contacts for the next step in the user's
municipality. ``bot.stappenplan.render`` turns it into text.

Order of decisions (first that applies wins):
1. a safety signal: the plan starts with the emergency numbers; the education step comes after;
2. age 18 or older (RMC) or under 5 (written application; leerplicht not yet in force);
3. a vrijstelling;
4. an open formal deadline (refusal, removal, TLV): Geschillencommissie / bezwaar;
5. a running case at the Geschillencommissie;
6. no school place: written application; then the decision periods (ask for the decision, then
   temporary placement);
7. a suspension (too long -> leerplicht);
8. the ladder: the first step not yet done, except that after more than 4 weeks at home without
   education the family may go straight to the onderwijsconsulenten (Balans); the skipped steps are
   listed to do alongside.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Optional

from bot.content.source_dates import source_label
from bot.stappenplan.rules import Rules, load_rules, school_days_between
from bot.stappenplan.situation import DateFact, Situation
from bot.stappenplan.texts import load

FORMAL = ("bezwaar", "geschillencommissie", "tlv_bezwaar", "rechter")
LADDER_DETAIL = {  # ladder step -> situation steps that count for it
    "school": ("school", "mdo"),
    "formeel": FORMAL,
    "klacht_inspectie": ("klacht", "inspectie"),
}
STEP_FOR_LADDER = {"formeel": "geschillencommissie"}  # ladder id -> step text id


@dataclass(frozen=True)
class Deadline:
    id: str             # key under `termijn` in teksten.yml
    datum: date
    verstreken: bool
    ongeveer: bool
    regel: str          # period id in regels.yml
    duur: str = ""      # period id whose length the text names


@dataclass(frozen=True)
class PlanContact:
    rol: str
    naam: str = ""
    telefoon: str = ""
    website: str = ""
    email: str = ""
    openingstijden: str = ""
    waar: str = ""           # key of a "where to find it" text in teksten.yml
    controleren: bool = False
    data_2015: bool = False


@dataclass(frozen=True)
class Plan:
    today: date
    volgende: str
    reden: str = "ladder"
    veiligheid: Optional[str] = None
    stap_na_veiligheid: Optional[str] = None
    gedaan: tuple[str, ...] = ()
    ook: tuple[str, ...] = ()
    termijnen: tuple[Deadline, ...] = ()
    notities: tuple[str, ...] = ()
    contacten: tuple[PlanContact, ...] = ()
    gemeente: str = ""
    gemeente_code: str = ""
    schattingen: tuple[str, ...] = ()
    vakantie: str = ""
    thuis_sinds: Optional[date] = None
    niets_gedaan: bool = False  # the user said no step was taken yet
    bronnen: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (name with its own date, url)

    @property
    def onderwijs_stap(self) -> str:
        """The education step (after safety, when there is a safety signal)."""
        return self.stap_na_veiligheid or self.volgende

    def deadline(self, deadline_id: str) -> Optional[Deadline]:
        return next((d for d in self.termijnen if d.id == deadline_id), None)

    def to_dict(self) -> dict:
        return asdict(self)  # dates stay date objects; use render/summary for slots


def build_plan(situation: Situation, today: date, gemeente_code: Optional[str] = None,
               directory=None) -> Plan:
    sit = situation if isinstance(situation, Situation) else Situation()
    rules = load_rules()
    done = _ladder_done(sit, rules)
    deadlines, estimates = _deadlines(sit, today, rules, done)
    step, reason, also = _next_step(sit, today, rules, done, deadlines)
    safety_next = None
    if sit.veiligheid:
        safety_next, step, reason = step, "veiligheid", "ladder"
    education_step = safety_next or step
    notes = _notes(sit, today, rules, done, education_step, deadlines, estimates)
    contacts, gemeente = _contacts(education_step, sit, gemeente_code, directory)
    gedaan = tuple(s for s in ("school", "mdo", "leerplicht", "swv", "onderwijsconsulent", "doorzettingsmacht",
                               *FORMAL, "klacht", "inspectie", "kinderombudsman") if sit.done(s))
    if sit.aangemeld and sit.schriftelijk:
        gedaan = gedaan[:1] + ("aanmelding",) + gedaan[1:] if gedaan else ("aanmelding",)
    holiday = sit.aangemeld_op.holiday if sit.aangemeld_op and sit.aangemeld_op.holiday else ""
    return Plan(
        today=today, volgende=step, reden=reason, veiligheid=sit.veiligheid, stap_na_veiligheid=safety_next,
        gedaan=gedaan, ook=also, termijnen=tuple(deadlines), notities=tuple(notes), contacten=tuple(contacts),
        gemeente=gemeente, gemeente_code=(gemeente_code or "").upper() if gemeente else "",
        schattingen=tuple(estimates), vakantie=holiday,
        thuis_sinds=sit.thuis_sinds.value if sit.thuis_sinds else None,
        niets_gedaan=bool(sit.stappen) and not any(sit.stappen.values()) and not gedaan,
        bronnen=_sources(education_step, deadlines, rules),
    )


# ---- what is done ------------------------------------------------------------------------------

def _ladder_done(sit: Situation, rules: Rules) -> set[str]:
    done = set()
    for step in rules.ladder_ids():
        names = LADDER_DETAIL.get(step, (step,))
        if any(sit.done(n) for n in names):
            done.add(step)
    if sit.aangemeld and sit.schriftelijk:
        done.add("aanmelding")
    changed = True
    while changed:
        changed = False
        for higher, lower in rules.implies.items():
            if higher in done and not set(lower) <= done:
                done |= set(lower)
                changed = True
    return done


# ---- deadlines ---------------------------------------------------------------------------------

def _deadlines(sit: Situation, today: date, rules: Rules, done: set[str]) -> tuple[list[Deadline], list[str]]:
    out: list[Deadline] = []
    estimates: list[str] = []

    def add(deadline_id: str, start: DateFact, period: str, times: int = 1, duur: str = "",
            extra: Optional[str] = None) -> Deadline:
        value = rules.period(period).add_to(start.value, times)
        if extra:
            value = rules.period(extra).add_to(value)
        if not start.exact and start.text and start.text not in estimates:
            estimates.append(start.text)
        d = Deadline(deadline_id, value, value < today, not start.exact, period, duur or period)
        out.append(d)
        return d

    awaiting = sit.besluit_ontvangen is not True and sit.besluit is None
    if sit.schriftelijk and sit.aangemeld_op and awaiting:
        add("besluit", sit.aangemeld_op, "besluit")
        if sit.verlenging:
            add("verlengd", sit.aangemeld_op, "besluit", extra="verlenging", duur="verlenging")
        add("tijdelijke_plaatsing", sit.aangemeld_op, "tijdelijke_plaatsing")
    if sit.schorsing_sinds:
        add("schorsing", sit.schorsing_sinds, "schorsing_max")
    decision_date = sit.besluit_op if sit.besluit == "afgewezen" else None
    if sit.verwijderd and sit.verwijderd_op:
        decision_date = sit.verwijderd_op
    if decision_date and not (done & {"formeel"}):
        add("geschillencommissie", decision_date, "geschillencommissie_indienen")
    if sit.tlv_oneens and sit.tlv_op and not sit.done("tlv_bezwaar"):
        add("tlv_bezwaar", sit.tlv_op, "tlv_bezwaar")
    if sit.geschil_ingediend_op:
        add("geschil_uitspraak", sit.geschil_ingediend_op, "geschillencommissie_behandeling")
    if sit.vrijstelling:
        month, day = rules.vrijstelling_renew
        renew = date(today.year, month, day)
        if renew <= today:
            renew = date(today.year + 1, month, day)
        out.append(Deadline("vrijstelling_verlengen", renew, False, False, "vrijstelling"))
    if sit.thuis_sinds and not sit.vrijstelling:
        add("langdurig", sit.thuis_sinds, "langdurig_verzuim")
        add("pact_doel", sit.thuis_sinds, "pact_doel")
    return out, estimates


def _weeks_home_over_criterion(sit: Situation, today: date, rules: Rules) -> bool:
    if not sit.thuis_sinds:
        return False
    return rules.period("onderwijsconsulent_criterium").add_to(sit.thuis_sinds.value) < today


# ---- the next step -------------------------------------------------------------------------------

def _next_step(sit: Situation, today: date, rules: Rules, done: set[str],
               deadlines: list[Deadline]) -> tuple[str, str, tuple[str, ...]]:
    by_id = {d.id: d for d in deadlines}
    age = sit.leeftijd
    if age is not None and age >= rules.ages["kwalificatieplicht_tot"]:
        return "rmc", "achttien_plus", ("onderwijsconsulent",) if sit.schooltype == "mbo" else ()
    if age is not None and age < rules.ages["leerplichtig_vanaf"]:
        if not (sit.aangemeld and sit.schriftelijk):
            return "onder_leerplicht", "onder_vijf", ()
        step = _application_step(sit, by_id)
        return (step, "termijn_loopt", ()) if step else ("swv", "onder_vijf", ())
    if sit.vrijstelling:
        if "swv" not in done:
            return "vrijstelling", "vrijstelling", ()
        if "onderwijsconsulent" not in done and not sit.rechtszaak:
            return "onderwijsconsulent", "vrijstelling", ()
    refused = sit.besluit == "afgewezen" or sit.verwijderd
    if refused and "formeel" not in done:
        return "geschillencommissie", "termijn_loopt", ()
    if sit.tlv_oneens and not sit.done("tlv_bezwaar"):
        tlv = by_id.get("tlv_bezwaar")
        if tlv is None or not tlv.verstreken:
            return "tlv_bezwaar", "termijn_loopt", ()
    uitspraak = by_id.get("geschil_uitspraak")
    if sit.done("geschillencommissie") and (uitspraak is None or not uitspraak.verstreken) \
            and not sit.done("inspectie") and not sit.done("klacht"):
        return "wachten_geschil", "ladder", ()
    if sit.ingeschreven is False or sit.aangemeld:
        if sit.aangemeld and sit.schriftelijk is False:
            return "aanmelding", "geen_schriftelijke_aanmelding", ()
        if not sit.aangemeld:
            return "aanmelding", "nog_niet_aangemeld", ()
        step = _application_step(sit, by_id)
        if step:
            return step, "termijn_loopt", ()
    if sit.geschorst or sit.schorsing_dagen is not None:
        if _suspension_too_long(sit, today, rules):
            if "leerplicht" not in done:
                return "leerplicht", "schorsing_te_lang", ()
        elif sit.geschorst:
            return "schorsing", "ladder", ()
    return _ladder_step(sit, today, rules, done)


def _application_step(sit: Situation, by_id: dict[str, Deadline]) -> Optional[str]:
    temporary = by_id.get("tijdelijke_plaatsing")
    if temporary and temporary.verstreken:
        return "tijdelijke_plaatsing"
    current = by_id.get("verlengd") or by_id.get("besluit")
    if current and current.verstreken:
        return "besluit_vragen"
    return None


def _suspension_too_long(sit: Situation, today: date, rules: Rules) -> bool:
    limit = rules.period("schorsing_max").aantal
    if sit.schorsing_dagen is not None and sit.schorsing_dagen > limit:
        return True
    if sit.geschorst and sit.schorsing_sinds:
        return school_days_between(sit.schorsing_sinds.value, today) > limit
    return False


def _ladder_step(sit: Situation, today: date, rules: Rules, done: set[str]) -> tuple[str, str, tuple[str, ...]]:
    candidates = []
    for step in rules.ladder:
        if step.id in done or step.id == "aanmelding":
            continue
        if step.alleen_als == "besluit" and not (sit.besluit == "afgewezen" or sit.verwijderd or sit.tlv_oneens):
            continue
        if step.niet_als == "rechtszaak" and sit.rechtszaak:
            continue
        candidates.append(step.id)
    if not candidates:
        return "kinderombudsman", "alles_gedaan", ()
    first = candidates[0]
    order = rules.ladder_ids()
    consultant = "onderwijsconsulent"
    can_skip = (consultant in candidates and order.index(first) < order.index(consultant)
                and sit.zonder_onderwijs is not False and not sit.rechtszaak
                and _weeks_home_over_criterion(sit, today, rules))
    if can_skip:
        skipped = tuple(c for c in candidates if order.index(c) < order.index(consultant))
        return consultant, "overslaan", skipped
    reason = "rechtszaak" if sit.rechtszaak and first != consultant and "onderwijsconsulent" not in done else "ladder"
    return STEP_FOR_LADDER.get(first, first), reason, ()


# ---- notes, contacts, sources ----------------------------------------------------------------------

def _notes(sit: Situation, today: date, rules: Rules, done: set[str], step: str,
           deadlines: list[Deadline], estimates: list[str]) -> list[str]:
    notes = []
    ids = {d.id for d in deadlines}
    if estimates:
        notes.append("ongeveer")
    if sit.aangemeld_op and sit.aangemeld_op.holiday and "besluit" in ids:
        notes.append("vakantie")
    if "besluit" in ids:
        notes.append("klok_stopt")
    if "school" in done and not sit.done("mdo") and step not in ("school", "veiligheid"):
        notes.append("mdo")
    in_age = sit.leeftijd is None or rules.ages["leerplichtig_vanaf"] <= sit.leeftijd < rules.ages["kwalificatieplicht_tot"]
    if "leerplicht" not in done and step not in ("leerplicht", "wachten_geschil") and in_age and not sit.vrijstelling:
        notes.append("leerplicht_melden")
    if step == "kinderombudsman":
        notes.append("kinderombudsman_leeftijd")
    notes.append("bewaren")
    return notes


def _contacts(step: str, sit: Situation, gemeente_code: Optional[str], directory) -> tuple[list[PlanContact], str]:
    steps = load("stappen").get("stappen") or {}
    wie = str((steps.get(step) or {}).get("wie", "geen"))
    gemeente = ""
    regional: list = []
    if gemeente_code:
        if directory is None:
            from bot.regio.directory import get_directory
            directory = get_directory()
        municipality = directory.municipality(gemeente_code)
        if municipality is not None:
            from bot.regio.display import display_name
            gemeente = display_name(municipality)
            regional = directory.contacts(gemeente_code, include_national=False)
    out: list[PlanContact] = []
    if wie in ("leerplicht", "rmc"):
        c = next((c for c in regional if c.rol == "leerplicht"), None)
        if c is not None and (c.telefoon or c.email or c.website):
            out.append(PlanContact("leerplicht", c.naam, c.telefoon, c.website, c.email, c.openingstijden))
        elif gemeente:
            out.append(PlanContact(wie, c.naam if c and wie == "leerplicht" else "",
                                   waar="rmc_wie" if wie == "rmc" else "leerplicht_waar"))
    elif wie == "swv":
        roles = {"po": ("swv_po",), "vo": ("swv_vo",)}.get(sit.schooltype or "", ("swv_po", "swv_vo"))
        for c in regional:
            if c.rol in roles:
                out.append(PlanContact(c.rol, c.naam, c.telefoon, c.website, c.email,
                                       data_2015=not c.lokaal))
        steunpunt = [c for c in regional if c.rol == "oudersteunpunt" and (c.telefoon or c.website)]
        for c in steunpunt:
            out.append(PlanContact("oudersteunpunt", c.naam, c.telefoon, c.website, c.email))
        if out and not steunpunt:
            out.append(PlanContact("oudersteunpunt", waar="swv_waar"))
    elif wie.startswith("landelijk:"):
        from bot.regio.directory import get_directory
        national = (directory or get_directory()).national(include_all=True)
        code = wie.split(":", 1)[1]
        for c in national:
            if c.code == code:
                out.append(PlanContact(code, c.naam, c.telefoon, c.website, c.email, c.openingstijden,
                                       controleren=c.controleren))
    return out, gemeente


def _sources(step: str, deadlines: list[Deadline], rules: Rules) -> tuple[tuple[str, str], ...]:
    keys = list((load("stappen").get("stappen") or {}).get(step, {}).get("bronnen") or [])
    seen: dict[str, str] = {}
    for key in keys:
        s = rules.sources.get(key)
        if s:
            seen.setdefault(s.url, source_label(s.naam, s.datum))
    for d in deadlines:
        period = rules.periods.get(d.regel)
        for s in (period.bronnen if period else rules.vrijstelling_sources):
            seen.setdefault(s.url, source_label(s.naam, s.datum))
    return tuple((naam, url) for url, naam in seen.items())
