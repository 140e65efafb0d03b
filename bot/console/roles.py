"""Roles, permissions and region scope: the one place that decides who may see and do what.

Every route declares a permission (bot.console.guard refuses a route without one). Every data access
takes a ``Scope``; an object outside the scope does not exist for the caller (404, not 403), so a
worker of region A cannot even learn that a conversation of region B exists.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.console.regio import ALLE, gemeenten_in, jeugdregio_of

BEHEERDER, REGIOMEDEWERKER, CONTENTREDACTEUR = "beheerder", "regiomedewerker", "contentredacteur"
ROLES = (BEHEERDER, REGIOMEDEWERKER, CONTENTREDACTEUR)
ROLE_LABELS = {BEHEERDER: "beheerder", REGIOMEDEWERKER: "regiomedewerker", CONTENTREDACTEUR: "contentredacteur"}

# permission → roles that have it
PERMISSIONS: dict[str, frozenset[str]] = {
    "openbaar": frozenset(),  # no login needed (login page, health, styles)
    "ingelogd": frozenset(ROLES),
    "gesprekken.lezen": frozenset(ROLES),
    "gesprekken.tonen": frozenset({BEHEERDER, REGIOMEDEWERKER}),      # reveal one original message
    "notities.schrijven": frozenset(ROLES),
    "hulpvragen.lezen": frozenset({BEHEERDER, REGIOMEDEWERKER}),
    "hulpvragen.wijzigen": frozenset({BEHEERDER, REGIOMEDEWERKER}),   # status, assignment
    "hulpvragen.exporteren": frozenset({BEHEERDER, REGIOMEDEWERKER}),
    "hulpvragen.tonen": frozenset({BEHEERDER, REGIOMEDEWERKER}),      # reveal contact details
    "inzicht.lezen": frozenset({BEHEERDER, CONTENTREDACTEUR}),
    "inzicht.afhandelen": frozenset({BEHEERDER, CONTENTREDACTEUR}),    # mark a miss as handled
    "inzicht.exporteren": frozenset({BEHEERDER, CONTENTREDACTEUR}),    # misses as training sentences (masked)
    "accounts.beheren": frozenset({BEHEERDER}),
    "audit.lezen": frozenset({BEHEERDER}),
    "gesprekken.verwijderen": frozenset({BEHEERDER}),  # right to erasure: "verwijder dit gesprek"
    "live.chatten": frozenset({BEHEERDER, REGIOMEDEWERKER}),  # take over a widget chat of one's regions
}


@dataclass(frozen=True)
class Scope:
    """The regions a user may see: everything (``alle``) or a set of GM/JZ codes."""
    alle: bool
    codes: frozenset[str] = frozenset()

    def allows(self, gemeente_code: str | None) -> bool:
        if self.alle:
            return True
        if not gemeente_code:
            return False  # a conversation without a known municipality is national: admins only
        return gemeente_code in self.codes or (jeugdregio_of(gemeente_code) or "") in self.codes

    def gemeenten(self) -> set[str]:
        """All municipality codes in scope (not meaningful when ``alle``)."""
        out: set[str] = set()
        for code in self.codes:
            out |= gemeenten_in(code)
        return out


@dataclass(frozen=True)
class Principal:
    account_id: int
    gebruikersnaam: str
    rol: str
    regios: frozenset[str]

    def may(self, permission: str) -> bool:
        roles = PERMISSIONS.get(permission)
        if roles is None:
            return False  # unknown permission: deny
        return permission == "openbaar" or self.rol in roles

    @property
    def scope(self) -> Scope:
        if self.rol == BEHEERDER or ALLE in self.regios:
            return Scope(alle=True)
        return Scope(alle=False, codes=self.regios)


HANDLE_REQUESTS = ("hulpvragen.lezen", "hulpvragen.wijzigen")


def may_handle_request(principal: "Principal | None", gemeente_code: str | None) -> bool:
    """May this account be assigned a help request of this region: a role that may open and handle
    help requests, and the region in its scope (issue 18: a content editor of the region may not)."""
    return (principal is not None and all(principal.may(p) for p in HANDLE_REQUESTS)
            and principal.scope.allows(gemeente_code))


def anonymous_may(permission: str) -> bool:
    return permission == "openbaar"
