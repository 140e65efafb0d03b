"""Which regions a conversation belongs to (issue 18, finding 2).

- A conversation with a help request belongs to the region of its help request(s): the ``gemeente_code``
  the inbox scopes the request by (``hulpverzoek.gesprek_id`` is the conversation's sender id), and to no
  other. A later "mijn ex woont in Utrecht" changes the ``gemeente`` slot, but does not hand the transcript,
  with the form's answers behind "Toon origineel", to Utrecht's staff, nor hide it from the region that
  handles the request. A help request without a region (national contact point): admins only.
- A conversation without a help request belongs to every municipality its ``gemeente`` slot ever held,
  never only the last one, so it stays in sight of the region where it started.
- No region at all: only accounts with all regions see it.

The help requests live in another database than the tracker store, so their regions are read here (one
small query per list or transcript) and passed to the SQL of the list as one JSON parameter
(bot.console.conversation_query.region_condition).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.hulpvraag.schema import hulpverzoek

# sender id → the regions of its help requests (empty: a request without a region)
RequestRegions = Mapping[str, frozenset[str]]
RequestRegionsSource = Callable[[], RequestRegions]   # read afresh for each list or transcript


class HelpRequestRegions:
    """Reads the regions of all help requests: a callable giving a fresh RequestRegions each time."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def __call__(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for sender, code in conn.execute(select(hulpverzoek.c.gesprek_id, hulpverzoek.c.gemeente_code)):
                codes = out.setdefault(sender, set())
                if code:
                    codes.add(code)
        return {sender: frozenset(codes) for sender, codes in out.items()}


def no_help_requests() -> dict[str, frozenset[str]]:
    """For a tracker store without a help-request database (tests, benchmarks)."""
    return {}


def regions_of(slot_values: Iterable, request_codes: frozenset[str] | None) -> tuple[str, ...]:
    """The regions of one conversation: its help requests' regions if it has any help request, else every
    string value its ``gemeente`` slot took (in order of first appearance)."""
    if request_codes is not None:
        return tuple(sorted(request_codes))
    out: list[str] = []
    for value in slot_values:
        if isinstance(value, str) and value and value not in out:
            out.append(value)
    return tuple(out)

