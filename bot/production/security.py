"""What the production profile refuses to start without (fail closed), as plain functions.

- ``TWILIO_AUTH_TOKEN``: the phone webhook checks Twilio's signature with it; without it every phone
  request would be refused, and the development switch ``WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING`` (which
  lets unsigned requests through) is never allowed here;
- ``WEGWIJZER_WIDGET_SECRET`` (at least 32 characters): the widget's socket only accepts pages with a
  signed token from the web app;
- ``WEGWIJZER_WIDGET_ORIGINS``: the sites that may embed the widget, set explicitly (not the demo
  default, never ``*``); it is also the Rasa servers' CORS list;
- metrics off loopback (``WEGWIJZER_METRICS_HOST``) only with ``WEGWIJZER_METRICS_TOKEN`` (bot/metrics/settings.py).
- ``WEGWIJZER_SESSION_SECRET`` (at least 32 characters): binds every REST and widget conversation to
  the token the server issued for it (``bot.tokens.session_token``). Every Rasa replica needs the same
  one, and it must stay the same across restarts (a new secret ends every open conversation), so it is
  set by the operator, never generated.

The shared secret between Rasa and the action server (``WEGWIJZER_ACTIONS_TOKEN``) is generated at every
start when it is not set: the supervisor starts both sides.
"""
from __future__ import annotations

from typing import Mapping

from bot.tokens import action_token
from bot.tokens import session_token
from bot.channels.widget_policy import parse_origins
from bot.metrics.settings import is_loopback
from bot.voice.request_check import UNSIGNED_SWITCH

MIN_SECRET_CHARS = 32


class Refused(ValueError):
    """The profile must not start with these settings."""


def problems(env: Mapping[str, str]) -> list[str]:
    """Everything that keeps the production profile from starting, in Dutch for the operator."""
    found = []
    if not (env.get("TWILIO_AUTH_TOKEN") or "").strip():
        found.append("TWILIO_AUTH_TOKEN ontbreekt (telefoon: controle van de Twilio-handtekening)")
    if env.get(UNSIGNED_SWITCH, "") not in ("", "0"):
        found.append(f"{UNSIGNED_SWITCH} is alleen voor ontwikkeling; haal hem weg")
    secret = (env.get("WEGWIJZER_WIDGET_SECRET") or "").strip()
    if not secret:
        found.append("WEGWIJZER_WIDGET_SECRET ontbreekt (widget: ondertekende toegangsbewijzen)")
    elif len(secret) < MIN_SECRET_CHARS:
        found.append(f"WEGWIJZER_WIDGET_SECRET is te kort (minstens {MIN_SECRET_CHARS} tekens)")
    session_secret = (env.get(session_token.ENV) or "").strip()
    if not session_secret:
        found.append(f"{session_token.ENV} ontbreekt (gesprekken: alleen wie het toegangsbewijs van een gesprek "
                     "heeft, mag erin verder)")
    elif len(session_secret) < MIN_SECRET_CHARS:
        found.append(f"{session_token.ENV} is te kort (minstens {MIN_SECRET_CHARS} tekens)")
    raw_origins = (env.get("WEGWIJZER_WIDGET_ORIGINS") or "").strip()
    if not raw_origins:
        found.append("WEGWIJZER_WIDGET_ORIGINS ontbreekt (de sites die het widget mogen gebruiken, "
                     "bijvoorbeeld https://www.gemeente.nl)")
    elif "*" in raw_origins:
        found.append("WEGWIJZER_WIDGET_ORIGINS mag geen * bevatten: noem de sites")
    else:
        try:
            parse_origins(raw_origins)
        except ValueError as error:
            found.append(str(error))
    metrics_host = (env.get("WEGWIJZER_METRICS_HOST") or "127.0.0.1").strip()
    metrics_token = (env.get("WEGWIJZER_METRICS_TOKEN") or "").strip()
    if metrics_token and len(metrics_token) < MIN_SECRET_CHARS:
        found.append(f"WEGWIJZER_METRICS_TOKEN is te kort (minstens {MIN_SECRET_CHARS} tekens)")
    elif not is_loopback(metrics_host) and not metrics_token:
        found.append(f"WEGWIJZER_METRICS_HOST={metrics_host} (metrieken buiten deze machine) vraagt om "
                     "WEGWIJZER_METRICS_TOKEN")
    token = env.get(action_token.ENV)
    if token is not None and token.strip():
        try:
            action_token.token_from_env(env)
        except ValueError as error:
            found.append(str(error))
    return found


def require_safe(env: Mapping[str, str]) -> None:
    found = problems(env)
    if found:
        raise Refused("het productieprofiel start niet zonder veilige instellingen:\n  - " + "\n  - ".join(found)
                      + "\n(zie docs/productie.md)")
