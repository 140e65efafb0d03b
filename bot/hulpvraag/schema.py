"""Tables for help requests and their outbox (SQLAlchemy Core; SQLite and PostgreSQL).

``hulpverzoek`` is also the staff inbox: a new request has status ``nieuw`` and the staff console
reads it there. ``hulpverzoek_bezorging`` is the outbox: one row per delivery target (inbox, webhook,
e-mail) and message kind (the request itself, or a withdrawal notice).
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

# request status: nieuw → in_behandeling → contact_gehad → afgerond; or ingetrokken (by the user)
STATUS_NIEUW, STATUS_IN_BEHANDELING, STATUS_CONTACT_GEHAD, STATUS_AFGEROND, STATUS_INGETROKKEN = (
    "nieuw", "in_behandeling", "contact_gehad", "afgerond", "ingetrokken")
REQUEST_STATUSES = (STATUS_NIEUW, STATUS_IN_BEHANDELING, STATUS_CONTACT_GEHAD, STATUS_AFGEROND, STATUS_INGETROKKEN)
CLOSED_STATUSES = (STATUS_AFGEROND, STATUS_INGETROKKEN)

# delivery status: wachtend (due at volgende_poging_op) → bezorgd | dood (dead letter); geannuleerd after
# a withdrawal before any attempt
WACHTEND, BEZORGD, DOOD, GEANNULEERD = "wachtend", "bezorgd", "dood", "geannuleerd"
DOEL_INBOX, DOEL_WEBHOOK, DOEL_EMAIL = "inbox", "webhook", "email"
SOORT_VERZOEK, SOORT_INTREKKING = "hulpverzoek", "intrekking"

hulpverzoek = Table(
    "hulpverzoek", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("referentie", String(16), nullable=False, unique=True),
    Column("gesprek_id", String(255), nullable=False, index=True),  # for withdrawal only; never delivered
    Column("status", String(20), nullable=False, default=STATUS_NIEUW),
    Column("aangemaakt_op", DateTime, nullable=False),
    Column("bijgewerkt_op", DateTime, nullable=False),
    Column("afgesloten_op", DateTime, nullable=True),   # set when afgerond/ingetrokken; retention runs from here
    Column("contactpunt_naam", String(200), nullable=False),
    Column("contactpunt_gebied", String(10), nullable=False, default=""),
    Column("reactietermijn_werkdagen", Integer, nullable=False),
    Column("rol", String(20), nullable=False),
    Column("gemeente_code", String(10), nullable=False, default=""),
    Column("gemeente_naam", String(200), nullable=False, default=""),
    Column("leeftijd", Integer, nullable=True),
    Column("schoolfase", String(200), nullable=False, default=""),
    Column("schooltype", String(200), nullable=False, default=""),
    Column("thuis_sinds", String(200), nullable=False, default=""),
    Column("geprobeerd", String(200), nullable=False, default=""),  # comma-separated, fixed vocabulary
    Column("hulpvraag", Text, nullable=False, default=""),          # plain text, never rendered unescaped
    Column("telefoon", String(20), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("voorkeurstijd", String(200), nullable=False, default=""),
    Column("toestemming", Boolean, nullable=False),
    Column("kanaal", String(20), nullable=False, default="chat"),
    Column("stappenplan", Text, nullable=False, default=""),
    Index("ix_hulpverzoek_status_afgesloten", "status", "afgesloten_op"),
)

bezorging = Table(
    "hulpverzoek_bezorging", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("hulpverzoek_id", Integer, ForeignKey("hulpverzoek.id", ondelete="CASCADE"), nullable=False),
    Column("soort", String(20), nullable=False, default=SOORT_VERZOEK),
    Column("doel", String(10), nullable=False),
    Column("adres", String(500), nullable=False, default=""),       # webhook URL or e-mail address
    Column("gebied", String(10), nullable=False, default=""),       # picks the webhook secret
    Column("idempotentiesleutel", String(100), nullable=False, unique=True),
    Column("status", String(20), nullable=False),
    Column("pogingen", Integer, nullable=False, default=0),
    Column("volgende_poging_op", DateTime, nullable=False),
    Column("lease_tot", DateTime, nullable=True),
    Column("lease_houder", String(100), nullable=True),
    Column("laatste_fout", Text, nullable=True),
    Column("aangemaakt_op", DateTime, nullable=False),
    Column("bezorgd_op", DateTime, nullable=True),
    UniqueConstraint("hulpverzoek_id", "soort", "doel", "adres", name="uq_bezorging_doel"),
    Index("ix_bezorging_due", "status", "volgende_poging_op"),
    Index("ix_bezorging_verzoek", "hulpverzoek_id"),
)
