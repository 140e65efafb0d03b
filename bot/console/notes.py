"""Notes and tags on a conversation or a help request (fixed tag vocabulary)."""
from __future__ import annotations

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.hulpvraag.db import utcnow
from bot.storage.console_schema import label, notitie

TAGS = {"review_nodig": "review nodig", "content_ontbreekt": "content ontbreekt"}
TARGETS = ("gesprek", "hulpverzoek")
MAX_NOTE = 4000


class NoteError(ValueError):
    pass


class Notes:
    def __init__(self, engine: Engine):
        self.engine = engine

    def add(self, doel_type: str, doel_id: str, auteur: str, tekst: str) -> None:
        tekst = (tekst or "").strip()
        if doel_type not in TARGETS:
            raise NoteError("Onbekend soort onderwerp.")
        if not tekst:
            raise NoteError("Schrijf eerst een notitie.")
        if len(tekst) > MAX_NOTE:
            raise NoteError(f"Een notitie heeft hoogstens {MAX_NOTE} tekens.")
        with self.engine.begin() as conn:
            conn.execute(insert(notitie).values(doel_type=doel_type, doel_id=doel_id, auteur=auteur, tekst=tekst,
                                                aangemaakt_op=utcnow()))

    def notes(self, doel_type: str, doel_id: str) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(notitie).where(and_(
                notitie.c.doel_type == doel_type, notitie.c.doel_id == doel_id)).order_by(notitie.c.id))]

    def tags(self, doel_type: str, doel_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return [r.label for r in conn.execute(select(label.c.label).where(and_(
                label.c.doel_type == doel_type, label.c.doel_id == doel_id)).order_by(label.c.label))]

    def set_tag(self, doel_type: str, doel_id: str, tag: str, on: bool, door: str) -> None:
        if tag not in TAGS or doel_type not in TARGETS:
            raise NoteError("Onbekend label.")
        with self.engine.begin() as conn:
            if not on:
                conn.execute(delete(label).where(and_(label.c.doel_type == doel_type, label.c.doel_id == doel_id,
                                                      label.c.label == tag)))
                return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(label).values(doel_type=doel_type, doel_id=doel_id, label=tag, door=door,
                                                  aangemaakt_op=utcnow()))
        except IntegrityError:
            pass  # already set

    def tagged(self, doel_type: str, tag: str) -> set[str]:
        with self.engine.connect() as conn:
            return {r.doel_id for r in conn.execute(select(label.c.doel_id).where(and_(
                label.c.doel_type == doel_type, label.c.label == tag)))}
