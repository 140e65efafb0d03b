"""Rasa input channel for phone calls through Twilio, in Dutch: a thin adapter over ``bot.voice``.

Webhook: POST /webhooks/twilio_voice_nl/webhook (health: GET /webhooks/twilio_voice_nl/).
Rasa's own ``twilio_voice`` channel sets no language on <Say> and <Gather> (Twilio would speak and
listen in English) and keys the conversation on the caller's phone number; this channel speaks and
listens in nl-NL, keys on the call id, and checks Twilio's signature on every request.

Fail closed: without an auth token (``TWILIO_AUTH_TOKEN``) every request is refused (403), unless the
development switch ``WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING=1`` is set; ``./scripts/start`` sets it only
when no token is configured and the server listens on 127.0.0.1, and says so loudly in the log. The
production profile refuses to start without the token or with the switch.

credentials.yml (all keys optional)::

    bot.channels.twilio_voice_nl.TwilioVoiceNlInput:
      stem: Polly.Laura-Neural        # or Polly.Lotte, Polly.Ruben
      speech_timeout: auto            # or 1..10 seconds
      timeout: 6                      # seconds to wait for the caller to start speaking
      speech_model:                   # empty: Twilio chooses for nl-NL
      max_stilte: 2                   # silences in a row before goodbye
      auth_token_env: TWILIO_AUTH_TOKEN          # env var with the Twilio auth token
      publieke_url_env: WEGWIJZER_SPRAAK_URL     # env var with the public base URL (behind a proxy)
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.limits import server as server_limits
from bot.voice.call_flow import CallFlow, VoiceReply
from bot.voice.reprompt import DEFAULT_MAX_SILENCES, MAX_SILENCES_LIMIT
from bot.voice.request_check import (
    UNSIGNED_SWITCH, Rejection, check_envelope, parse_call, parse_form, public_url, signature_problem,
    unsigned_allowed,
)
from bot.voice.texts import load_texts
from bot.voice.twiml import DEFAULT_VOICE, VoiceSettings

logger = logging.getLogger(__name__)

CHANNEL = "twilio_voice_nl"
SIGNATURE_HEADER = "X-Twilio-Signature"


class _RasaAssistant:
    """``bot.voice.call_flow.Assistant`` on top of the running Rasa agent."""

    def __init__(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], agent: Any):
        self._on_new_message = on_new_message
        self._agent = agent

    async def send(self, sender_id: str, text: str, metadata: Mapping[str, Any]) -> list[dict]:
        collector = CollectingOutputChannel()
        await self._on_new_message(UserMessage(
            text, collector, sender_id, input_channel=CHANNEL, metadata=dict(metadata)))
        return list(collector.messages)

    async def events(self, sender_id: str) -> list[dict]:
        tracker = await self._agent.tracker_store.retrieve(sender_id)
        return [event.as_dict() for event in tracker.events] if tracker else []


class TwilioVoiceNlInput(InputChannel):
    """Twilio Voice in Dutch (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        max_silences = int(credentials.get("max_stilte") or DEFAULT_MAX_SILENCES)
        if not 1 <= max_silences <= MAX_SILENCES_LIMIT:
            raise ValueError(f"max_stilte: 1 tot en met {MAX_SILENCES_LIMIT}")
        texts = load_texts()
        settings = VoiceSettings(
            action_url=f"/webhooks/{CHANNEL}/webhook",
            voice=str(credentials.get("stem") or DEFAULT_VOICE),
            speech_timeout=str(credentials.get("speech_timeout") or "auto"),
            timeout=int(credentials.get("timeout") or 6),
            speech_model=credentials.get("speech_model") or None,
            hints=texts.hints,
        )
        return cls(
            CallFlow(settings, texts, max_silences),
            auth_token_env=str(credentials.get("auth_token_env") or "TWILIO_AUTH_TOKEN"),
            public_url_env=str(credentials.get("publieke_url_env") or "WEGWIJZER_SPRAAK_URL"),
        )

    def __init__(self, flow: CallFlow, auth_token_env: str = "TWILIO_AUTH_TOKEN",
                 public_url_env: str = "WEGWIJZER_SPRAAK_URL") -> None:
        self.flow = flow
        self.auth_token = os.environ.get(auth_token_env) or None
        self.public_base = os.environ.get(public_url_env) or None
        self.unsigned_allowed = unsigned_allowed(self.auth_token, os.environ)
        if self.unsigned_allowed:
            logger.warning("phone channel: DEVELOPMENT SWITCH %s=1 and no %s: Twilio signatures are NOT "
                           "checked, anyone who reaches this server can post as a caller. Never in "
                           "production.", UNSIGNED_SWITCH, auth_token_env)
        elif not self.auth_token:
            logger.error("phone channel: %s is not set: every phone request is refused (403)", auth_token_env)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("twilio_voice_nl_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            reply = await self._reply(request, on_new_message)
            return response.text(reply.twiml, status=reply.status, content_type="text/xml; charset=utf-8")

        return webhook

    async def _reply(self, request: Request, on_new_message) -> VoiceReply:
        try:
            body = request.body or b""
            rejection = check_envelope(len(body), request.headers.get("content-type"))
            form = parse_form(body) if rejection is None else rejection
            if isinstance(form, Rejection):
                return self._reject(form)
            problem = signature_problem(self.auth_token, self.unsigned_allowed,
                                        public_url(request.url, self.public_base), form,
                                        request.headers.get(SIGNATURE_HEADER))
            if problem is not None:
                return self._reject(problem)
            call = parse_call(form, {key: request.args.get(key) for key in request.args})
            if isinstance(call, Rejection):
                return self._reject(call)
        except Exception:  # never a stack trace to the caller
            logger.exception("phone channel: unreadable request")
            return self.flow.rejection(400)
        try:
            return await asyncio.wait_for(
                self.flow.handle(call, _RasaAssistant(on_new_message, request.app.ctx.agent)),
                timeout=server_limits.current().turn_timeout)
        except asyncio.TimeoutError:
            logger.error("phone channel: turn for %s took too long", call.sender_id)
            return self.flow.failure()

    def _reject(self, rejection: Rejection) -> VoiceReply:
        logger.warning("phone channel: rejected request (%s): %s", rejection.status, rejection.reason)
        return self.flow.rejection(rejection.status)
