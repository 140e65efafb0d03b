"""Help requests and accounts for console tests, written with the project's own tables."""
from __future__ import annotations

from sqlalchemy import insert

from bot.console.accounts import Accounts
from bot.storage.console_schema import console_metadata
from bot.hulpvraag.db import create_tables, make_engine, utcnow
from bot.hulpvraag.schema import hulpverzoek

PASSWORD = "lange-zin met 7 woorden"


def database(path) -> object:
    engine = make_engine(f"sqlite:///{path}")
    create_tables(engine)
    console_metadata.create_all(engine)
    return engine


WAIT_SECONDS = 3  # first login backoff of the console in the integration tests (WEGWIJZER_CONSOLE_WACHTTIJD_SECONDEN)


def add_request(engine, referentie: str, gemeente_code: str, hulpvraag: str = "Mijn kind zit thuis.",
                telefoon: str = "0612345678", email: str = "ouder@example.nl", status: str = "nieuw",
                gesprek_id: str | None = None) -> int:
    now = utcnow()
    with engine.begin() as conn:
        return conn.execute(insert(hulpverzoek).values(
            referentie=referentie, gesprek_id=gesprek_id or f"gesprek-{referentie}", status=status, aangemaakt_op=now,
            bijgewerkt_op=now, contactpunt_naam="Team Test", contactpunt_gebied=gemeente_code,
            reactietermijn_werkdagen=5, rol="ouder", gemeente_code=gemeente_code, gemeente_naam=gemeente_code,
            leeftijd=12, hulpvraag=hulpvraag, telefoon=telefoon, email=email, toestemming=True,
            kanaal="chat")).inserted_primary_key[0]


def add_accounts(engine) -> dict:
    accounts = Accounts(engine)
    return {
        "admin": accounts.create("admin", PASSWORD, "beheerder"),
        "zaan": accounts.create("zaan", PASSWORD, "regiomedewerker", frozenset({"JZ09"})),
        "zaan2": accounts.create("zaan2", PASSWORD, "regiomedewerker", frozenset({"GM0479"})),
        "gron": accounts.create("gron", PASSWORD, "regiomedewerker", frozenset({"GM0014"})),
        "redactie": accounts.create("redactie", PASSWORD, "contentredacteur", frozenset({"ALLE"})),
    }
