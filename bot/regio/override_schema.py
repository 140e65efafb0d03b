"""What a local override file (content/regio/overrides/GMxxxx.yml, JZxx.yml, MCxx.yml) may contain,
and ``validate_override`` which lists every problem in one file in Dutch. Used by
``bot.regio.directory`` (which re-exports these names); see content/regio/overrides/README.md.
"""
from __future__ import annotations

import re
from pathlib import Path

ROLLEN = ("leerplicht", "swv_po", "swv_vo", "oudersteunpunt", "jeugdhulp")
CONTACT_KEYS = {"naam", "code", "telefoon", "email", "website", "adres", "openingstijden", "bron", "bron_url",
                "gecontroleerd", "toelichting"}
HULP_KEYS = {"naam", "email", "webhook_url", "telefoon", "openingstijden", "reactietermijn_werkdagen"}
# webhooks must use https; plain http only to this machine (local receivers, tests)
WEBHOOK_URL = re.compile(r"^(https://[^\s/]+|http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(/\S*)?$")
TOP_KEYS = {"gebied", "naam", "beheerder", "gecontroleerd", "bron", "contacten", "hulpverzoek", "teksten", "opmerking",
            "live_chat"}
VARIANTEN = {"ouder", "jongere", "spraak"}
OVERRIDE_FILE = re.compile(r"^(GM\d{4}|JZ\d{2}|MC\d{2})\.ya?ml$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


class OverrideError(ValueError):
    pass


def validate_override(path: Path, data: object, known_codes: set[str] | None = None) -> list[str]:
    """Errors (Dutch) for one override file; empty list = valid."""
    errs: list[str] = []
    name = Path(path).name
    m = OVERRIDE_FILE.match(name)
    if not m:
        return [f"{name}: bestandsnaam moet GMxxxx.yml, JZxx.yml of MCxx.yml zijn"]
    code = m.group(1)
    if not isinstance(data, dict):
        return [f"{name}: verwacht een YAML-mapping"]
    if data.get("gebied") != code:
        errs.append(f"{name}: 'gebied' moet {code} zijn (is {data.get('gebied')!r})")
    if known_codes is not None and code not in known_codes:
        errs.append(f"{name}: onbekende gemeente- of regiocode {code}")
    for k in data:
        if k not in TOP_KEYS:
            errs.append(f"{name}: onbekend veld '{k}'")
    contacten = data.get("contacten") or {}
    if not isinstance(contacten, dict):
        errs.append(f"{name}: 'contacten' moet een mapping per rol zijn")
        contacten = {}
    for rol, c in contacten.items():
        if rol not in ROLLEN:
            errs.append(f"{name}: onbekende rol '{rol}' (kies uit {', '.join(ROLLEN)})")
            continue
        if not isinstance(c, dict):
            errs.append(f"{name}: contacten.{rol} moet een mapping zijn")
            continue
        for k, v in c.items():
            if k not in CONTACT_KEYS:
                errs.append(f"{name}: contacten.{rol}: onbekend veld '{k}'")
            elif v is not None and not isinstance(v, (str, int)):
                errs.append(f"{name}: contacten.{rol}.{k} moet tekst zijn")
        if c.get("email") and not EMAIL.match(str(c["email"])):
            errs.append(f"{name}: contacten.{rol}.email is geen e-mailadres")
    hulp = data.get("hulpverzoek")
    if hulp is not None:
        if not isinstance(hulp, dict):
            errs.append(f"{name}: 'hulpverzoek' moet een mapping zijn")
        else:
            for k in hulp:
                if k not in HULP_KEYS:
                    errs.append(f"{name}: hulpverzoek: onbekend veld '{k}'")
            if not hulp.get("naam"):
                errs.append(f"{name}: hulpverzoek.naam ontbreekt")
            if not (hulp.get("email") or hulp.get("webhook_url")):
                errs.append(f"{name}: hulpverzoek heeft een email of webhook_url nodig")
            if hulp.get("email") and not EMAIL.match(str(hulp["email"])):
                errs.append(f"{name}: hulpverzoek.email is geen e-mailadres")
            if hulp.get("webhook_url") and not WEBHOOK_URL.match(str(hulp["webhook_url"])):
                errs.append(f"{name}: hulpverzoek.webhook_url moet met https:// beginnen")
            termijn = hulp.get("reactietermijn_werkdagen")
            if termijn is not None and (isinstance(termijn, bool) or not isinstance(termijn, int)
                                        or not 1 <= termijn <= 30):
                errs.append(f"{name}: hulpverzoek.reactietermijn_werkdagen moet een geheel getal van 1 tot "
                            "en met 30 zijn")
    if data.get("live_chat") is not None:
        from bot.regio.opening_hours import parse as parse_live_hours  # the live-chat opening hours (issue 20)
        errs.extend(f"{name}: {e}" for e in parse_live_hours(data["live_chat"])[1])
    teksten = data.get("teksten") or {}
    if not isinstance(teksten, dict):
        errs.append(f"{name}: 'teksten' moet een mapping per intent zijn")
        teksten = {}
    for intent, t in teksten.items():
        if not isinstance(t, dict) or not t:
            errs.append(f"{name}: teksten.{intent} moet varianten (ouder/jongere/spraak) hebben")
            continue
        for var, v in t.items():
            if var not in VARIANTEN:
                errs.append(f"{name}: teksten.{intent}: onbekende variant '{var}'")
            elif not isinstance(v, str) or not v.strip():
                errs.append(f"{name}: teksten.{intent}.{var} is leeg")
    return errs
