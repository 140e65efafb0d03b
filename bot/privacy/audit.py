"""Append-only audit log of staff actions (table ``audit_log``), in the help-request database.

    log = AuditLog(engine)                  # engine from bot.hulpvraag.db.make_engine (same database)
    log.record("a.jansen", "onthuld", "gesprek", "abc123", "veld telefoon in bericht 7")
    log.recent(50, 0, actor=None, action=None) -> list[dict]   newest first

There is no update or delete method. The database enforces it too: triggers on SQLite and
PostgreSQL refuse UPDATE and DELETE on the table. The detail text is redacted before it is stored,
so a revealed value can never end up in the log, even by mistake.
"""
from __future__ import annotations

import logging
import re

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text, desc, insert, select
from sqlalchemy.engine import Engine

from bot.hulpvraag.db import utcnow
from bot.privacy.redaction import redact

log = logging.getLogger(__name__)

metadata = MetaData()
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tijdstip", DateTime, nullable=False),          # naive UTC
    Column("actor", String(100), nullable=False),          # account name, or "systeem" for the CLI
    Column("actie", String(40), nullable=False),
    Column("doel_soort", String(40), nullable=False, default=""),   # gesprek, hulpvraag, account, ...
    Column("doel_id", String(255), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
    Index("ix_audit_log_tijdstip", "tijdstip"),
    Index("ix_audit_log_actor", "actor", "tijdstip"),
    Index("ix_audit_log_doel", "doel_soort", "doel_id"),   # a request's status history (console)
)

KNOWN_ACTIONS = ("bekeken", "onthuld", "geexporteerd", "gezocht", "status_gewijzigd", "toegewezen",
                 "notitie_toegevoegd", "verwijderd", "opgeruimd", "ingelogd", "uitgelogd", "login_mislukt",
                 "account_aangemaakt", "account_gewijzigd", "account_geblokkeerd", "bsn_gemaskeerd")
_ACTION = re.compile(r"^[a-z][a-z_]{0,39}$")
MAX_DETAIL = 2000
MAX_LIMIT = 500

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_geen_wijziging BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_geen_verwijdering BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END",
)
_PG_TRIGGER = (
    "CREATE OR REPLACE FUNCTION audit_log_alleen_toevoegen() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is alleen-toevoegen'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_log_alleen_toevoegen ON audit_log",
    "CREATE TRIGGER audit_log_alleen_toevoegen BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_alleen_toevoegen()",
)


class AuditLog:
    def __init__(self, engine: Engine, create: bool = True):
        self.engine = engine
        if create:
            self.ensure_table()

    def ensure_table(self) -> None:
        metadata.create_all(self.engine, checkfirst=True)
        for index in audit_log.indexes:   # an index added later (ix_audit_log_doel) on an older table
            index.create(self.engine, checkfirst=True)
        dialect = self.engine.dialect.name
        statements = _SQLITE_TRIGGERS if dialect == "sqlite" else _PG_TRIGGER if dialect == "postgresql" else ()
        with self.engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)

    def record(self, actor: str, action: str, target_type: str, target_id: str, detail: str = "") -> None:
        """Add one entry. ``detail`` is redacted first: never pass a revealed value, but if it happens,
        it is masked anyway."""
        action = str(action or "")
        if not _ACTION.match(action):
            raise ValueError(f"ongeldige actie {action!r}")
        row = dict(tijdstip=utcnow(), actor=_clip(actor, 100) or "onbekend", actie=action,
                   doel_soort=_clip(target_type, 40), doel_id=_clip(target_id, 255),
                   detail=redact(_clip(detail, MAX_DETAIL)))
        with self.engine.begin() as conn:
            conn.execute(insert(audit_log).values(**row))

    def recent(self, limit: int = 50, offset: int = 0, actor: str | None = None,
               action: str | None = None) -> list[dict]:
        """Newest first. ``limit`` is capped at 500."""
        limit = max(0, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        query = select(audit_log)
        if actor:
            query = query.where(audit_log.c.actor == actor)
        if action:
            query = query.where(audit_log.c.actie == action)
        query = query.order_by(desc(audit_log.c.tijdstip), desc(audit_log.c.id)).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [dict(id=r.id, tijdstip=r.tijdstip, actor=r.actor, action=r.actie, target_type=r.doel_soort,
                     target_id=r.doel_id, detail=r.detail) for r in rows]

    def for_target(self, target_type: str, target_id: str, actions: tuple[str, ...] = (),
                   limit: int = MAX_LIMIT) -> list[dict]:
        """The entries about one object (of ``actions``, when given), oldest first, at most ``limit``."""
        query = select(audit_log).where(audit_log.c.doel_soort == target_type, audit_log.c.doel_id == target_id)
        if actions:
            query = query.where(audit_log.c.actie.in_(actions))
        query = (query.order_by(audit_log.c.tijdstip, audit_log.c.id).limit(max(0, min(int(limit), MAX_LIMIT))))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [dict(id=r.id, tijdstip=r.tijdstip, actor=r.actor, action=r.actie, target_type=r.doel_soort,
                     target_id=r.doel_id, detail=r.detail) for r in rows]


def _clip(value, n: int) -> str:
    text = "" if value is None else str(value)
    text = "".join(c if c.isprintable() or c in "\n\t" else " " for c in text)
    return text[:n]
