"""Values of this deployment that an answer may name: ``{{bewaren.gesprek_dagen}}`` and
``{{bewaren.hulpvraag_dagen}}``, the retention periods the cleanup jobs really apply.

The same settings (``bot.settings``) as the privacy page (``bot.web.privacy_page``) and the cleanup jobs
read, so an answer never promises another term than the one applied (``WEGWIJZER_BEWAARTERMIJN_DAGEN``,
``WEGWIJZER_HULPVRAAG_BEWAARDAGEN``).
"""
from __future__ import annotations

from typing import Callable, Mapping, Optional

from bot import settings

ORGANISATION = "bewaren"


def _conversation_days(env: Optional[Mapping[str, str]]) -> int:
    return settings.read("WEGWIJZER_BEWAARTERMIJN_DAGEN", env)


def _request_days(env: Optional[Mapping[str, str]]) -> int:
    return settings.read("WEGWIJZER_HULPVRAAG_BEWAARDAGEN", env)


FIELDS: dict[str, Callable[[Optional[Mapping[str, str]]], int]] = {
    "gesprek_dagen": _conversation_days,
    "hulpvraag_dagen": _request_days,
}


def is_deployment_key(org: str) -> bool:
    return org == ORGANISATION


def deployment_value(field: str, env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The value as text, or None for an unknown field."""
    compute = FIELDS.get(field)
    return str(compute(env)) if compute else None
