"""The privacy page (/privacy): what is kept, how long, who can read it, how to have it removed.

Plain Dutch HTML (``pages/privacy.html``) with the retention periods this deployment really uses
filled in, so the page never promises another term than the cleanup job applies
(``WEGWIJZER_BEWAARTERMIJN_DAGEN``, ``WEGWIJZER_HULPVRAAG_BEWAARDAGEN``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

from bot import settings

PAGE = Path(__file__).with_name("pages") / "privacy.html"


def privacy_html(env: Optional[Mapping[str, str]] = None) -> str:
    conversation_days = settings.read("WEGWIJZER_BEWAARTERMIJN_DAGEN", env)
    request_days = settings.read("WEGWIJZER_HULPVRAAG_BEWAARDAGEN", env)
    html = PAGE.read_text(encoding="utf-8")
    return (html.replace("{{gesprek_dagen}}", str(int(conversation_days)))
                .replace("{{hulpvraag_dagen}}", str(int(request_days))))
