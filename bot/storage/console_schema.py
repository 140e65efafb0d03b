"""The console's own tables, next to the help-request tables (SQLAlchemy Core; SQLite and PostgreSQL).

Kept in their own MetaData: creating them never touches the help-request or tracker tables.
Session ids and CSRF tokens are stored as SHA-256 hashes of what the browser holds.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

console_metadata = MetaData()

account = Table(
    "console_account", console_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gebruikersnaam", String(64), nullable=False, unique=True),
    Column("wachtwoord_hash", String(255), nullable=False),
    Column("rol", String(20), nullable=False),
    Column("regios", Text, nullable=False, default=""),       # comma-separated GMxxxx / JZxx / ALLE
    Column("actief", Boolean, nullable=False, default=True),
    Column("aangemaakt_op", DateTime, nullable=False),
)

sessie = Table(
    "console_sessie", console_metadata,
    Column("sleutel_hash", String(64), primary_key=True),
    Column("account_id", Integer, nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("aangemaakt_op", DateTime, nullable=False),
    Column("laatst_gezien_op", DateTime, nullable=False),
    Column("verloopt_op", DateTime, nullable=False),
)

inlogpoging = Table(
    "console_inlogpoging", console_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sleutel", String(300), nullable=False),            # "account:<naam>" or "ip:<adres>"
    Column("tijd", DateTime, nullable=False),
    Column("gelukt", Boolean, nullable=False),
    Index("ix_inlogpoging_sleutel_tijd", "sleutel", "tijd"),
)

blokkade = Table(
    "console_blokkade", console_metadata,
    Column("sleutel", String(300), primary_key=True),
    Column("tot", DateTime, nullable=False),
)

notitie = Table(
    "console_notitie", console_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doel_type", String(20), nullable=False),           # gesprek | hulpverzoek
    Column("doel_id", String(255), nullable=False),
    Column("auteur", String(64), nullable=False),
    Column("tekst", Text, nullable=False),
    Column("aangemaakt_op", DateTime, nullable=False),
    Index("ix_notitie_doel", "doel_type", "doel_id"),
)

label = Table(
    "console_label", console_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doel_type", String(20), nullable=False),
    Column("doel_id", String(255), nullable=False),
    Column("label", String(40), nullable=False),
    Column("door", String(64), nullable=False),
    Column("aangemaakt_op", DateTime, nullable=False),
    UniqueConstraint("doel_type", "doel_id", "label", name="uq_console_label"),
)

toewijzing = Table(
    "console_toewijzing", console_metadata,
    Column("hulpverzoek_id", Integer, primary_key=True),
    Column("account_id", Integer, nullable=False),
    Column("door", String(64), nullable=False),
    Column("toegewezen_op", DateTime, nullable=False),
)

# A not-understood message (a "miss" on the insight page) that a colleague marked as handled. The message
# itself stays in Rasa's tracker store; this table only holds its event id. doel_type/doel_id name the
# conversation ("gesprek", sender id) as notes do, so retention and erasure remove these rows with the
# conversation (bot.privacy.notes_retention).
gemist_afgehandeld = Table(
    "console_gemist_afgehandeld", console_metadata,
    Column("bericht_id", Integer, primary_key=True, autoincrement=False),   # events.id of the user message
    Column("doel_type", String(20), nullable=False, default="gesprek"),
    Column("doel_id", String(255), nullable=False),
    Column("door", String(64), nullable=False),
    Column("afgehandeld_op", DateTime, nullable=False),
    Index("ix_gemist_doel", "doel_type", "doel_id"),
)
