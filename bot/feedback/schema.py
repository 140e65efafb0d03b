"""The feedback table (SQLAlchemy Core; SQLite and PostgreSQL), in its own MetaData like the console's.

One row per answer that got feedback: the topic (the answer's content id), the conversation (Rasa's
sender id, a random id made by the widget; set to NULL when the conversation is erased or expires, so
the count stays and the link goes), the answer's nonce, "ja" or "nee", after "nee" optionally one fixed reason, and the Dutch calendar day.
No text the user typed, no address, no name: nothing personal.
"""
from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Index, Integer, MetaData, String, Table, UniqueConstraint

feedback_metadata = MetaData()

JA, NEE = "ja", "nee"
OORDELEN = (JA, NEE)
# after "nee", one optional choice of what was missing (fixed choices: no free text, nothing personal)
REDENEN = ("niet_duidelijk", "niet_mijn_vraag", "te_weinig")

antwoord_feedback = Table(
    "antwoord_feedback", feedback_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("onderwerp", String(64), nullable=False),
    Column("gesprek_id", String(128), nullable=True, index=True),
    Column("antwoord_ref", String(16), nullable=False),
    Column("oordeel", String(3), nullable=False),
    Column("reden", String(20), nullable=True),
    Column("dag", Date, nullable=False),
    Column("aangemaakt_op", DateTime, nullable=False),
    UniqueConstraint("antwoord_ref", "onderwerp", name="uq_feedback_antwoord"),
    Index("ix_feedback_dag_onderwerp", "dag", "onderwerp"),
)
