"""Application keys shared by the console's modules."""
from __future__ import annotations

from aiohttp import web

SETTINGS = web.AppKey("console_settings", object)
SERVICES = web.AppKey("console_services", object)
PERMISSIONS = web.AppKey("console_route_permissions", dict)
TEMPLATES = web.AppKey("console_templates", object)
PASSIVE = web.AppKey("console_passive_routes", frozenset)   # polled routes: they do not extend the session
