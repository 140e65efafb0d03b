"""Renders region answers: whom to contact in a municipality, and the short questions around it.

Plain Python (no Rasa). Facts come from ``bot.regio.directory`` (generated directory plus local
overrides in ``content/regio/overrides``); fixed sentences come from content files in
``content/antwoorden/`` (``regio_*.yml``, ``vraag_contact.yml``, ``woonplaats_noemen.yml``), which
hold ``{gemeente}`` / ``{vraag}`` placeholders.

Variants: ``ouder`` (u-form), ``jongere`` (je-form), ``spraak`` (voice-safe: no web addresses, phone
numbers read as separate digits, no list dashes). Nothing is invented: where a phone number is not
in the data, the text says where to find it.
"""
from __future__ import annotations

from typing import Optional, Sequence

from bot.content.contacts import spoken_digits  # noqa: F401 - one implementation, re-exported
from bot.content.formats import bare_web, voice_safe  # noqa: F401 - re-exported for callers of this module
from bot.regio.directory import OUD_2015, Contact
from bot.regio.display import display_name  # noqa: F401 - re-exported for callers of this module
from bot.regio.lookup import DUBBELZINNIG, Resolution
from bot.turn.replies import PARENT, VOICE, YOUTH, Button, Reply

ASK_PLACE = "vraag_contact"
CONFIRM = "woonplaats_noemen"
CONTACTS = "regio_contacten"
AMBIGUOUS = "regio_dubbelzinnig"
NOT_RECOGNISED = "regio_niet_herkend"
NATIONAL = "regio_landelijk"

# Answers after which a short regional line is added when the municipality is known.
REGIONAL_INTENTS = (
    "situatie_thuiszitten",
    "vraag_leerplichtambtenaar",
    "vraag_samenwerkingsverband",
    "vraag_jeugdhulp",
    "mens_spreken",
)

SKIP_TITLE = "Liever niet zeggen"
SKIP_PAYLOAD = '/woonplaats_noemen{"plaats": "geen"}'
YES_TITLE, NO_TITLE = "Ja", "Nee"
NO_PAYLOAD = "/woonplaats_noemen"  # no place: the region step asks for the place or postcode
CONTACT_BUTTON = "Wie kan ik bellen?"
CONTACT_PAYLOAD = "/vraag_contact"
LEERPLICHT_WAAR = "Het nummer staat op de website van de gemeente (zoek op 'leerplicht')."
LEERPLICHT_WAAR_SPRAAK = "Bel de gemeente en vraag naar leerplicht."  # a caller cannot search a website
STEUNPUNT_WAAR = "via het samenwerkingsverband (op de website of in de schoolgids)."
CHECK_NUMBER = "Controleer het nummer op de website."

# ---- small helpers (voice_safe, bare_web: bot/content/formats.py; display_name: bot/regio/display.py)


def _text(library, answer_id: str, variant: str, **values) -> str:
    answer = library.get(answer_id)
    if answer is None:
        raise LookupError(f"content file {answer_id}.yml is missing")
    text = answer.tekst.get(variant) or answer.tekst.get(PARENT, "")
    for k, v in values.items():
        text = text.replace("{" + k + "}", v)
    return text.strip()


def _finish(lines: Sequence[str], variant: str) -> str:
    text = "\n".join(line for line in lines if line)
    return voice_safe(text) if variant == VOICE else text


def _details(c: Contact, variant: str) -> list[str]:
    out = []
    if c.telefoon:
        out.append(f"telefoon {c.telefoon}" if variant == VOICE else f"tel. {c.telefoon}")
    if variant != VOICE:
        if c.email:
            out.append(c.email)
        if c.website:
            out.append(bare_web(c.website))
    return out


def _item(label: str, details: list[str]) -> str:
    """'Name, tel. 0800-5010.'; details on a line of their own when the line would get long."""
    if not details:
        return f"{label}."
    line = f"{label}, {', '.join(details)}."
    return line if len(line) <= 80 else f"{label}.\n  {', '.join(details)[0].upper()}{', '.join(details)[1:]}."


def _labelled(label: str, naam: str) -> str:
    """'Leerplicht: Team Leerplicht Zaanstad', or just the name when it starts with the label."""
    return naam if naam.lower().startswith(label.lower()) else f"{label}: {naam}"


def _swv_label(c: Contact) -> str:
    return c.naam or "Een samenwerkingsverband waarvan de naam niet in onze gegevens staat"


# ---- contacts ----------------------------------------------------------------------------------

def contact_lines(contacts: Sequence[Contact], gemeente: str, variant: str) -> list[str]:
    """One short line (or two) per role; the national bodies last."""
    dash = "" if variant == VOICE else "- "
    lines: list[str] = []
    by_role: dict[str, list[Contact]] = {}
    for c in contacts:
        by_role.setdefault(c.rol, []).append(c)

    for c in by_role.get("leerplicht", []):
        d = _details(c, variant)
        lines.append(dash + _item(_labelled("Leerplicht", c.naam or f"gemeente {gemeente}"), d))
        if not d:
            lines.append(LEERPLICHT_WAAR_SPRAAK if variant == VOICE else LEERPLICHT_WAAR)
        elif c.lokaal and c.openingstijden:
            lines.append(f"Open: {c.openingstijden}.")

    old_data = False
    for sector, label in (("swv_po", "Basisschool"), ("swv_vo", "Middelbare school")):
        group = by_role.get(sector, [])
        if not group:
            continue
        if len(group) == 1:
            c = group[0]
            lines.append(dash + _item(f"{label}: {_swv_label(c)}", _details(c, variant)))
        else:
            uw = "je" if variant == YOUTH else "uw"
            lines.append(dash + f"{label}: een van deze samenwerkingsverbanden. Dat hangt af van {uw} postcode of school.")
            for c in group:
                lines.append(("  " if variant != VOICE else "") + _item(_swv_label(c), _details(c, variant)))
        old_data = old_data or any(not c.lokaal for c in group)
    if old_data:
        lines.append(OUD_2015.replace("Volgens", "Samenwerkingsverbanden: volgens"))

    steunpunten = by_role.get("oudersteunpunt", [])
    with_details = [c for c in steunpunten if _details(c, variant)]
    if with_details:
        for c in with_details:
            lines.append(dash + _item(_labelled("Ouder- en jeugdsteunpunt", c.naam), _details(c, variant)))
    elif steunpunten:
        lines.append(dash + "Ouder- en jeugdsteunpunt: " + STEUNPUNT_WAAR)

    for c in by_role.get("jeugdhulp", []):
        d = _details(c, variant)
        if d:
            lines.append(dash + _item(_labelled("Jeugdhulp", c.naam), d))
        else:
            lines.append(dash + f"Jeugdhulp: het wijkteam of CJG van de gemeente {gemeente}.")

    national = by_role.get("landelijk", [])
    if national:
        lines.append("In heel Nederland:")
        lines.extend(national_lines(national, variant))
    return lines


def national_lines(contacts: Sequence[Contact], variant: str) -> list[str]:
    dash = "" if variant == VOICE else "- "
    out = []
    for c in contacts:
        d = _details(c, variant)
        if c.email and c.website and variant != VOICE:
            d.remove(c.email)  # phone and website are enough in a list; the topic answers give the e-mail
        out.append(dash + _item(c.naam, d))
        if c.controleren:
            out.append(CHECK_NUMBER)
    return out


def render_contacts(gm_code: str, variant: str, library, directory, pc4: Optional[str] = None) -> str:
    """'In Zaanstad kunt u terecht bij:' followed by the regional and national contacts."""
    municipality = directory.municipality(gm_code)
    if municipality is None:
        return render_national(variant, library, directory)
    gemeente = display_name(municipality)
    contacts = directory.contacts(gm_code, pc4=pc4)
    head = _text(library, CONTACTS, variant, gemeente=gemeente)
    lines = contact_lines(contacts, gemeente, variant)
    hulp = directory.help_contact(gm_code)
    if hulp and hulp.get("naam"):  # a local contact point for help requests (overrides only)
        d = [f"tel. {hulp['telefoon']}" if variant != VOICE else f"telefoon {hulp['telefoon']}"] \
            if hulp.get("telefoon") else []
        if hulp.get("email") and variant != VOICE:
            d.append(hulp["email"])
        if hulp.get("openingstijden"):
            d.append(str(hulp["openingstijden"]))
        at = next((i for i, line in enumerate(lines) if line == "In heel Nederland:"), len(lines))
        lines.insert(at, ("" if variant == VOICE else "- ") + _item(f"Hulpvragen: {hulp['naam']}", d))
    return _finish([head, *lines], variant)


def render_national(variant: str, library, directory) -> str:
    head = _text(library, NATIONAL, variant)
    return _finish([head, *national_lines(directory.national(), variant)], variant)


# ---- a short regional line after a national answer -----------------------------------------------

def _names(contacts: Sequence[Contact], role: str) -> list[str]:
    return [c.naam for c in contacts if c.rol == role and c.naam]


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]


def regional_line(gm_code: Optional[str], intent: str, variant: str, directory) -> Optional[str]:
    """'In Zaanstad is dat ...' for answers that depend on the region; None when not applicable.
    A local text from content/regio/overrides (``teksten.<intent>``) replaces the generated line."""
    if not gm_code or intent not in REGIONAL_INTENTS:
        return None
    municipality = directory.municipality(gm_code)
    if municipality is None:
        return None
    local = directory.text(gm_code, intent, variant)
    if local:
        return _finish([local.strip()], variant)
    g = display_name(municipality)
    contacts = directory.contacts(gm_code, include_national=False)
    u = variant != YOUTH
    po, vo = _names(contacts, "swv_po"), _names(contacts, "swv_vo")
    swv = _join(po + [n for n in vo if n not in po])
    leerplicht = next((c for c in contacts if c.rol == "leerplicht"), None)
    jeugd = next((c for c in contacts if c.rol == "jeugdhulp"), None)
    more = ("Vraag 'wie kan ik bellen' voor de gegevens." if variant != VOICE
            else "Vraag naar contacten in uw gemeente voor de gegevens.")
    lines: list[str]
    if intent == "vraag_leerplichtambtenaar":
        d = _details(leerplicht, variant) if leerplicht else []
        lines = [_item(f"In {g} is dat {leerplicht.naam if leerplicht else 'leerplicht van de gemeente ' + g}", d)]
        if not d:
            lines.append(LEERPLICHT_WAAR_SPRAAK if variant == VOICE else LEERPLICHT_WAAR)
    elif intent == "vraag_samenwerkingsverband":
        parts = []
        if po:
            parts.append(f"Voor de basisschool is dat {_join(po)}.")
        if vo:
            parts.append(f"Voor de middelbare school is dat {_join(vo)}.")
        if not parts:
            return None
        lines = [f"In {g}:", *parts, OUD_2015]
    elif intent == "vraag_jeugdhulp":
        d = _details(jeugd, variant) if jeugd else []
        if d:
            lines = [_item(f"In {g} is dat {jeugd.naam}", d)]
        else:
            lines = [f"In {g} is dat het wijkteam of CJG van de gemeente {g}.",
                     "Kijk op de website van de gemeente."]
    elif intent == "mens_spreken":
        wie = "kunt u" if u else "kun je"
        lines = [f"In {g} {wie} ook terecht bij het ouder- en jeugdsteunpunt van het samenwerkingsverband."]
        if swv:
            lines.append(f"Dat is {swv}.")
        hulp = directory.help_contact(gm_code)
        if hulp and hulp.get("naam"):
            d = [f"tel. {hulp['telefoon']}"] if hulp.get("telefoon") else []
            if hulp.get("email") and variant != VOICE:
                d.append(hulp["email"])
            lines.append(_item(f"Of bij {hulp['naam']}", d))
        lines.append(more)
    else:  # situatie_thuiszitten
        wie = "kunt u" if u else "kun je"
        lines = [f"In {g} {wie} terecht bij leerplicht van de gemeente {g}."]
        if swv:
            lines.append(f"En bij het samenwerkingsverband: {swv}.")
            lines.append(OUD_2015)
        lines.append(more)
    return _finish(lines, variant)


# ---- questions and confirmations --------------------------------------------------------------

def ask_place(variant: str, library) -> Reply:
    buttons = () if variant == VOICE else (Button(SKIP_TITLE, SKIP_PAYLOAD),)
    return Reply(text=_text(library, ASK_PLACE, variant), buttons=buttons, answer_id=ASK_PLACE)


def not_recognised(variant: str, library) -> Reply:
    buttons = () if variant == VOICE else (Button(SKIP_TITLE, SKIP_PAYLOAD),)
    return Reply(text=_text(library, NOT_RECOGNISED, variant), buttons=buttons, answer_id=NOT_RECOGNISED)


def confirm(gm_code: str, variant: str, library, directory, with_button: bool = True) -> Reply:
    gemeente = display_name(directory.municipality(gm_code))
    buttons = (Button(CONTACT_BUTTON, CONTACT_PAYLOAD),) if with_button and variant != VOICE else ()
    return Reply(text=_text(library, CONFIRM, variant, gemeente=gemeente), buttons=buttons, answer_id=CONFIRM)


def ambiguity_question(res: Resolution, variant: str) -> str:
    """The Resolution's own short question, in je-form for young people."""
    vraag = res.vraag or ""
    if variant == YOUTH:
        vraag = vraag.replace("Bedoelt u", "Bedoel je").replace("Woont u nu in", "Woon je nu in")
    return vraag


def ambiguity(res: Resolution, variant: str, library) -> Reply:
    if res.status != DUBBELZINNIG:
        raise ValueError("ambiguity() needs a dubbelzinnig resolution")
    text = _text(library, AMBIGUOUS, variant, vraag=ambiguity_question(res, variant))
    if variant == VOICE:
        buttons: tuple[Button, ...] = ()
    elif res.voorstel and len(res.candidates) == 1:  # "Bedoelt u Marken, gemeente Waterland?"
        buttons = (Button(YES_TITLE, f'/woonplaats_noemen{{"plaats": "{res.candidates[0].gm_code}"}}'),
                   Button(NO_TITLE, NO_PAYLOAD))
    else:
        buttons = tuple(Button(c.label, f'/woonplaats_noemen{{"plaats": "{c.gm_code}"}}') for c in res.candidates)
    return Reply(text=voice_safe(text) if variant == VOICE else text, buttons=buttons, answer_id=AMBIGUOUS)


def contacts_reply(gm_code: str, variant: str, library, directory, pc4: Optional[str] = None) -> Reply:
    return Reply(text=render_contacts(gm_code, variant, library, directory, pc4), answer_id=CONTACTS)


def national_reply(variant: str, library, directory) -> Reply:
    return Reply(text=render_national(variant, library, directory), answer_id=NATIONAL)
