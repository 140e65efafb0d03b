"""Everything the console's handlers use, built once from the settings."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from bot.console.accounts import Accounts
from bot.console.conversation_regio import HelpRequestRegions
from bot.console.conversations import ConversationStore
from bot.console.inbox import Inbox
from bot.console.insights import Insights
from bot.console.notes import Notes
from bot.console.ratelimit import LoginLimiter
from bot.storage.console_schema import console_metadata
from bot.console.sessions import Sessions
from bot.console.settings import ConsoleSettings
from bot.console.tracker_events import tracker_engine_for
from bot.hulpvraag.db import create_tables, make_engine
from bot.live.relay import Relay
from bot.live.store import LiveStore
from bot.privacy.audit import AuditLog


@dataclass
class Services:
    settings: ConsoleSettings
    engine: Engine
    tracker_engine: Engine
    accounts: Accounts
    sessions: Sessions
    limiter: LoginLimiter
    conversations: ConversationStore
    inbox: Inbox
    notes: Notes
    insights: Insights
    audit: AuditLog
    live: LiveStore
    relay: Relay

    @staticmethod
    async def run(fn, *args, **kwargs):
        """Database calls block: run them in a thread."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def log(self, actor: str, action: str, target_type: str, target_id, detail: str = "") -> None:
        await self.run(self.audit.record, actor, action, target_type, str(target_id), detail)


def build_services(settings: ConsoleSettings) -> Services:
    engine = make_engine(settings.database_url)
    create_tables(engine)                       # help-request tables (the inbox reads them)
    console_metadata.create_all(engine, checkfirst=True)
    tracker_engine = tracker_engine_for(settings.tracker_url)
    return Services(
        settings=settings, engine=engine, tracker_engine=tracker_engine,
        accounts=Accounts(engine),
        sessions=Sessions(engine, settings.sessie_minuten, settings.inactief_minuten),
        limiter=LoginLimiter(engine, settings.max_fouten_account, settings.max_fouten_ip,
                             settings.wachttijd_seconden, settings.blokkade_minuten * 60),
        conversations=ConversationStore(tracker_engine, HelpRequestRegions(engine)),
        inbox=Inbox(engine),
        notes=Notes(engine),
        insights=Insights(tracker_engine, HelpRequestRegions(engine), engine),
        audit=AuditLog(engine),
        live=LiveStore(engine, wait_seconds=settings.live_wachttijd_seconden),
        relay=Relay.from_env(settings.env),
    )
