"""Which contact point receives a help request for a municipality.

Comes from the region directory (``hulpverzoek`` in content/regio/overrides, municipality over youth
region over RMC region). Without one, the request goes only to the staff inbox, under a name from
configuration: no organisation is ever made up here.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.hulpvraag.config import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContactPoint:
    naam: str
    email: str = ""
    webhook_url: str = ""
    gebied: str = ""               # override that configured it (GMxxxx/JZxx/MCxx); "" = staff inbox only
    reactietermijn_werkdagen: int = 5
    telefoon: str = ""

    @property
    def alleen_inbox(self) -> bool:
        return not (self.email or self.webhook_url)


def resolve_contact_point(gemeente_code: str, settings: Settings | None = None, directory=None) -> ContactPoint:
    settings = settings or Settings.from_env()
    fallback = ContactPoint(naam=settings.contactpunt_naam,
                            reactietermijn_werkdagen=settings.reactietermijn_werkdagen)
    if not gemeente_code:
        return fallback
    try:
        if directory is None:
            from bot.regio.directory import get_directory

            directory = get_directory()
        hulp = directory.help_contact(gemeente_code)
    except Exception:  # a broken region directory must not stop a help request: staff inbox still works
        log.exception("regiogegevens niet leesbaar; hulpvraag gaat alleen naar de medewerkersinbox")
        return fallback
    if not hulp:
        return fallback
    termijn = hulp.get("reactietermijn_werkdagen")
    return ContactPoint(
        naam=str(hulp["naam"]).strip(),
        email=str(hulp.get("email") or "").strip(),
        webhook_url=str(hulp.get("webhook_url") or "").strip(),
        gebied=str(hulp.get("gebied") or ""),
        reactietermijn_werkdagen=int(termijn) if termijn else settings.reactietermijn_werkdagen,
        telefoon=str(hulp.get("telefoon") or "").strip(),
    )
