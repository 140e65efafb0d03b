"""Rasa input channel for the web widget: Rasa's socket.io channel plus the widget's rules.

Use it in ``credentials.yml`` instead of ``socketio:``::

    bot.channels.socketio_channel.WidgetSocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Added to Rasa's ``SocketIOInput`` (all decisions live in ``bot.channels.widget_policy``):

- origin allow-list (also enforced by engine.io through ``cors_allowed_origins``) and, when
  ``WEGWIJZER_WIDGET_SECRET`` is set, a signed short-lived token from the web app;
- conversation ownership (``bot.tokens.session_token``): ``session_request`` joins a session only
  with the token the server issued for it, otherwise the socket gets a fresh session;
  ``session_confirm`` answers ``{"session_id", "token"}``. A socket posts only in the session it joined:
  a message before ``session_request`` or for another session id is refused (acknowledged ``False``);
- a message length limit and a rate limit per conversation and per connection, answered with a
  friendly Dutch message instead of passing the message to the assistant;
- only known metadata from the page (``doelgroep``, ``gemeente``) reaches the assistant;
- the text is cleaned (``bot.channels.text_input``: control characters, lone surrogates, Rasa
  commands other than button payloads); engine.io packets are limited to ``bot.limits.server``;
- every user message is acknowledged, so the widget knows it was received and can resend otherwise;
- replies with sources reach the widget with their links and dates (``bot.channels.widget_output``);
- a colleague's live takeover (``POST /webhooks/socketio/medewerker``, only for the console:
  ``bot.channels.live_endpoint``) pauses and resumes the assistant and emits the colleague's messages
  to the conversation's room;
- a widget that joins its conversation again with its token and ``na`` (the newest message it showed)
  gets what it missed meanwhile as ``gemist`` (``bot.channels.widget_replay``), before ``session_confirm``.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from bot.limits import server as server_limits
from bot.channels import live_endpoint, widget_replay
from bot.tokens import session_token
from bot.channels import widget_policy as wp
from bot.feedback.token import issue as feedback_issue
from bot.channels.text_input import clean_message
from bot.channels.widget_output import WidgetSocketIOOutput

logger = logging.getLogger(__name__)
ENGINEIO_REFUSAL = {"fout": "ongeldig", "tekst": "Dit verzoek kan ik niet lezen. Laad de pagina opnieuw."}


def guard_engineio(sio: AsyncServer) -> None:
    """engine.io's HTTP handler answered 500 to some malformed requests (python-engineio raises a
    TypeError for a polling POST without ``sid``). Such a request now gets 400 with a Dutch text; the
    log keeps the details."""
    original = sio.eio.handle_request

    async def handle_request(request: Request, *args: Any, **kwargs: Any) -> Any:
        if request.method == "POST" and not request.args.get("sid"):
            return response.json(ENGINEIO_REFUSAL, status=400)
        try:
            return await original(request, *args, **kwargs)
        except Exception:  # noqa: BLE001 - a broken handshake is the client's; never a 500 with a trace
            logger.warning("socket.io: unreadable request %s %s", request.method, request.path, exc_info=True)
            return response.json(ENGINEIO_REFUSAL, status=400)

    sio.eio.handle_request = handle_request


class WidgetSocketIOInput(SocketIOInput):
    """socket.io channel with origin/token checks, limits and clean metadata."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def __init__(self, *args: Any, policy: Optional[wp.WidgetPolicy] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy or wp.WidgetPolicy.from_env()
        self.session_secret = session_token.secret_from_env(os.environ)  # fail closed: no secret, no start
        self.messages = wp.load_messages()
        self.limiter = wp.RateLimiter(self.policy.rate_count, self.policy.rate_window)
        self.clock: Callable[[], float] = time.time
        self.app: Any = None

    def _feedback_ref(self, recipient_id: str):
        secret = self.policy.secret
        return (lambda topic: feedback_issue(secret, recipient_id, topic, self.clock())) if secret else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=list(self.policy.allowed_origins),
                          max_http_buffer_size=server_limits.current().rasa_websocket_max_bytes)
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        sessions: Dict[str, Dict[str, Any]] = {}

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @socketio_webhook.listener("after_server_start")
        async def remember_app(app: Any, _loop: Any = None) -> None:  # the agent, for live_status
            self.app = app

        @socketio_webhook.route("/medewerker", methods=["POST"])
        async def staff(request: Request) -> HTTPResponse:  # the console's live takeover (bot.live)
            return await live_endpoint.handle(request, sio, self.namespace, self.bot_message_evt)

        guard_engineio(sio)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Any = None, auth: Optional[Dict] = None, *_: Any) -> bool:
            if not isinstance(environ, dict):  # a client emitting an event called "connect"
                return False
            refusal = wp.connection_refusal(self.policy, environ.get("HTTP_ORIGIN"), auth, self.clock())
            if refusal:
                logger.info("widget connection refused (%s) from %r", refusal, environ.get("HTTP_ORIGIN"))
                raise SocketRefused(refusal)
            sessions[sid] = {}
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text, *_: Any) -> None:
            sessions.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None, *_: Any) -> None:
            if sid not in sessions:
                return
            session = session_token.owned_session(self.session_secret, data)
            owned = session is not None
            if session is None:  # no token, another page's id, a forged token: a conversation of its own
                if isinstance(data, dict) and data.get("session_id"):
                    logger.info("widget session request without the matching token: a fresh session")
                session = session_token.issue(self.session_secret)
            previous = sessions[sid].get("session_id")
            if previous and previous != session.session_id:
                sio.leave_room(sid, previous, namespace=self.namespace)
            sessions[sid]["session_id"] = session.session_id
            if self.session_persistence:
                sio.enter_room(sid, session.session_id, namespace=self.namespace)
            # what it missed first (read after joining the room, so nothing falls between the two), then the
            # confirmation: the widget sends its queued messages only after it, so their answers come after
            after = widget_replay.marker(data) if owned else None   # only the token's holder hears the past
            if after is not None:
                missed = await widget_replay.missed(self.app, session.session_id, after,
                                                    self._feedback_ref(session.session_id))
                if missed:
                    await sio.emit(widget_replay.EVENT, {"berichten": missed}, room=sid, namespace=self.namespace)
            await sio.emit("session_confirm", {"session_id": session.session_id, "token": session.token},
                           room=sid, namespace=self.namespace)
            # whether a colleague holds it now: a widget that was away may have missed the start or the end
            await sio.emit("live_status", {"live": await live_endpoint.is_paused(self.app, session.session_id)},
                           room=sid, namespace=self.namespace)

        async def say(sid: Text, reason: str, metadata: dict, **values: Any) -> None:
            text = wp.friendly_message(self.messages, reason, metadata, **values)
            await sio.emit(self.bot_message_evt, {"text": text, "soort": reason}, room=sid,
                           namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None, *_: Any) -> bool:
            data = data if isinstance(data, dict) else {}
            metadata = wp.clean_metadata(data.get(self.metadata_key))
            joined = sessions.get(sid, {}).get("session_id")
            if joined is None or not isinstance(data.get("session_id"), str) or data["session_id"] != joined:
                logger.info("widget message refused: not for the session this socket joined")
                return False
            sender_id = joined if self.session_persistence else sid
            message = data.get("message")
            if isinstance(message, str) and len(message) <= 4 * self.policy.max_chars:
                message = clean_message(message)  # control characters, lone surrogates, commands
            problem = wp.message_problem(message, self.policy.max_chars)
            if problem:
                await say(sid, problem, metadata, max=self.policy.max_chars)
                return True
            now = time.monotonic()
            keys = (f"sessie:{sender_id}", f"verbinding:{sid}")
            if not all([self.limiter.allow(key, now) for key in keys]):
                wait = max(self.limiter.retry_after(key, now) for key in keys)
                await say(sid, wp.TOO_FAST, metadata, wachttijd=wp.seconds_in_words(wait))
                return True
            await on_new_message(UserMessage(
                message, WidgetSocketIOOutput(sio, self.bot_message_evt, feedback_secret=self.policy.secret), sender_id,
                input_channel=self.name(), metadata=metadata))
            return True

        return socketio_webhook
