"""Rasa's SQL tracker store table ``events`` (the columns of rasa.core.tracker_store.SQLTrackerStore's
SQLEvent), shared by the staff console (reading) and the privacy module (retention, erasure).

Rasa stores a slot event's slot name in ``action_name`` and the full event as JSON in ``data``.
"""
from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

tracker_metadata = MetaData()

events = Table(
    "events", tracker_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
