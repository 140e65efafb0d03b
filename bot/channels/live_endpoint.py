"""The Rasa server's side of the live takeover: ``POST /webhooks/socketio/medewerker`` (registered by
``bot.channels.socketio_channel``), a thin adapter over ``bot.live.channel_events``.

Only the staff console may call it (shared token ``WEGWIJZER_LIVE_TOKEN`` in header
``X-Wegwijzer-Livetoken``; without a configured token the endpoint answers 503: live chat is off). Under
Rasa's own conversation lock it appends the events to the tracker exactly as Rasa's
``POST /conversations/{id}/tracker/events`` does (``ConversationPaused`` / ``ConversationResumed`` / a
``bot`` event marked as the colleague's), saves it, then emits the payload to the conversation's
socket.io room, so the widget shows the colleague's message at once. The payload carries the stored bot
event's timestamp as its key (``ts``, ``deel`` 0; the answer returns ``ts``, and the console passes it to
the other replicas), so a widget that missed it gets it once from ``bot.channels.widget_replay``. A
conversation the server does not know is 404: the endpoint never creates one.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from typing import Any

from rasa.server import update_conversation_with_events
from rasa.shared.core.events import BotUttered, Event
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.widget_output import stamp
from bot.live import channel_events as ce

logger = logging.getLogger(__name__)
YOUTH_SLOT, YOUTH = "doelgroep", "jongere"


@lru_cache(maxsize=1)
def _library():
    from bot.content.loader import ContentLibrary  # hot-reloads changed files itself
    return ContentLibrary()


def help_request_offer(variant: str) -> tuple[str, list[dict]]:
    """The help-request offer as ``action_answer`` sends it (bot.turn.hulpvraag_aanbod), for ``verlopen``."""
    from bot.turn.hulpvraag_aanbod import offer_reply
    from bot.turn.plan import button_titles

    library = _library()
    reply = offer_reply(library, variant, button_titles(library))
    if reply is None:
        return "", []
    return reply.text, [{"title": b.title, "payload": b.payload} for b in reply.buttons]


def _plan(command: ce.Command, tracker: Any):
    """(events, payload), or None for a ``verlopen`` that no longer fits (taken, or a form runs)."""
    if command.actie != ce.EXPIRED:
        return ce.plan(command, _variant(tracker))
    if tracker is None or tracker.is_paused() or tracker.active_loop_name:
        return None
    return ce.plan(command, _variant(tracker), help_request_offer(_variant(tracker)))


async def is_paused(app: Any, session_id: str) -> bool:
    """Whether a colleague holds this conversation now (for a widget that reconnects: it may have missed the
    colleague joining or leaving). False when unknown: the widget then shows no banner."""
    agent = getattr(getattr(app, "ctx", None), "agent", None) if app is not None else None
    if agent is None or agent.tracker_store is None:
        return False
    try:
        tracker = await agent.tracker_store.retrieve(session_id)
    except Exception:  # noqa: BLE001 - a banner is never worth a failed reconnect
        logger.warning("live: could not read whether %s is paused", session_id[:8], exc_info=True)
        return False
    return bool(tracker is not None and tracker.is_paused())


def _variant(tracker: Any) -> str:
    return YOUTH if tracker is not None and tracker.get_slot(YOUTH_SLOT) == YOUTH else "ouder"


def _refusal(status: int, text: str) -> HTTPResponse:
    return response.json({"fout": text}, status=status)


async def handle(request: Request, sio: Any, namespace: str | None, bot_message_evt: str) -> HTTPResponse:
    configured = ce.configured_token(os.environ)
    if configured is None:
        return _refusal(503, "live chat staat uit")
    if not ce.authorised(configured, request.headers.get(ce.HEADER)):
        return _refusal(403, "geen toegang")
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - unreadable JSON is the caller's
        body = None
    command, problem = ce.parse_command(body)
    if command is None:
        return _refusal(400, problem)
    agent = request.app.ctx.agent
    if agent is None or agent.processor is None:
        return _refusal(503, "geen model geladen")
    if not await agent.tracker_store.exists(command.gesprek_id):
        return _refusal(404, "onbekend gesprek")
    if not command.opslaan:  # another replica stored it; only the sockets on this server hear it
        planned = _plan(command, await agent.tracker_store.retrieve(command.gesprek_id))
        if planned is None:
            return response.json({"status": "ok", "overgeslagen": True})
        await sio.emit(bot_message_evt, stamp([planned[1]], command.ts)[0], room=command.gesprek_id,
                       namespace=namespace)
        return response.json({"status": "ok"})
    async with agent.lock_store.lock(command.gesprek_id):
        processor = agent.processor
        planned = _plan(command, await processor.fetch_tracker_with_initial_session(command.gesprek_id))
        if planned is None:
            return response.json({"status": "ok", "overgeslagen": True})
        event_dicts, payload = planned
        events = [e for e in (Event.from_parameters(d) for d in event_dicts) if e]
        tracker = await update_conversation_with_events(command.gesprek_id, processor, agent.domain, events)
        await agent.tracker_store.save(tracker)
    said = [e.timestamp for e in events if isinstance(e, BotUttered)]
    ts = said[-1] if said else None
    await sio.emit(bot_message_evt, stamp([payload], ts)[0], room=command.gesprek_id, namespace=namespace)
    logger.info("live %s in conversation %s", command.actie, command.gesprek_id[:8])
    return response.json({"status": "ok", "gepauzeerd": tracker.is_paused(), "ts": ts})
