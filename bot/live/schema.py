"""The live-chat queue table (SQLAlchemy Core; SQLite and PostgreSQL), in its own MetaData.

One row per time a user asked for a person: the conversation (Rasa's sender id), the municipality that
decides which colleagues see it, the state (``wachtend`` → ``actief`` → ``gesloten``, or ``verlopen`` when
nobody joined in time), who took it and when. ``open_sleutel`` is the conversation id while the row is
open (waiting or taken) and NULL afterwards: the unique constraint on it means a conversation has at most
one open row, whatever two processes do at the same moment. Durable: a console or Rasa restart loses nothing.
No message text is stored here: the messages are in the tracker store, like every other message.
"""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, UniqueConstraint

live_metadata = MetaData()

WACHTEND, ACTIEF, GESLOTEN, VERLOPEN = "wachtend", "actief", "gesloten", "verlopen"
OPEN = (WACHTEND, ACTIEF)

live_gesprek = Table(
    "live_gesprek", live_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gesprek_id", String(128), nullable=False, index=True),
    Column("open_sleutel", String(128), nullable=True),
    Column("gemeente_code", String(10), nullable=True),
    Column("status", String(10), nullable=False),
    Column("gevraagd_op", DateTime, nullable=False),
    Column("medewerker", String(64), nullable=True),
    Column("overgenomen_op", DateTime, nullable=True),
    Column("gesloten_op", DateTime, nullable=True),
    UniqueConstraint("open_sleutel", name="uq_live_gesprek_open"),
    Index("ix_live_gesprek_status", "status", "gevraagd_op"),
)
