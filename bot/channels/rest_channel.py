"""Rasa's REST channel, hardened: same URL (POST /webhooks/rest/webhook), same answer (a JSON list of
the assistant's messages), but hostile input gets a friendly Dutch 400 instead of a 500.

credentials.yml (instead of ``rest:``)::

    bot.channels.rest_channel.HardenedRestInput:

Rasa's own ``RestInput`` answers 500 to a JSON list, a non-string message or a body that is not an
object, passes any metadata and any ``input_channel`` on, and shares one ``default`` conversation
between clients that send no sender. Here the body is checked first by ``bot.channels.rest_request``
(plain Python); a refusal is ``{"fout": ..., "tekst": ...}`` with status 400 (413 when too large).
A turn gets at most ``turn_timeout`` seconds; a failure or time-out adds the friendly text of
``content/antwoorden/storing.yml`` when the assistant said nothing, never a stack trace.

Conversation ownership (``bot.tokens.session_token``): ``POST /webhooks/rest/sessie`` issues a
conversation (``{"sender", "token"}``); a message whose token is not the one issued for its sender gets
403 ``{"fout": "sessie", ...}`` before it reaches the assistant, so nothing is stored. The channel does
not start without ``WEGWIJZER_SESSION_SECRET``.

Before the server starts, the channel installs ``bot.channels.sanic_guard`` on the whole Rasa server:
the limits of ``bot.limits.server`` (Rasa overwrites some of them) and a 408 instead of Sanic's 503
for a client that does not finish sending its body. Once it has started, the channel warms the
model up (``bot.rasa_runtime.warmup``), so the first user does not wait for TensorFlow's first call.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable, Text

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.limits import server as server_limits
from bot.rasa_runtime import install as rasa_runtime, warmup as rasa_warmup
from bot.turn.action_failure import failure_text, failure_variant
from bot.channels import sanic_guard
from bot.tokens import session_token
from bot.channels.rest_request import SESSION, Refusal, check_body, load_messages, refusal_body

logger = logging.getLogger(__name__)


class HardenedRestInput(RestInput):
    """``rest`` with input checks, a turn time-out and a friendly failure message."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self) -> None:
        super().__init__()
        self.session_secret = session_token.secret_from_env(os.environ)  # fail closed: no secret, no start
        self.messages = load_messages()
        if rasa_runtime.mode() is None:  # always configured, so the one place to notice
            logger.warning("Rasa was not started with python -m bot.rasa_runtime: no Wegwijzer patch "
                           "(no action guard, no turn metrics, no speed-ups)")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("hardened_rest_webhook", __name__)

        @webhook.listener("before_server_start")
        async def guard(app, _loop) -> None:  # noqa: ANN001
            sanic_guard.install(app)

        @webhook.listener("after_server_start")
        async def warm_up(app, _loop) -> None:  # noqa: ANN001
            await rasa_warmup.warm_up_app(app)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/sessie", methods=["POST"])
        async def new_session(_: Request) -> HTTPResponse:
            session = session_token.issue(self.session_secret)
            return response.json({"sender": session.session_id, "token": session.token},
                                 headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            checked = check_body(request.body, server_limits.current())
            if not isinstance(checked, Refusal) and not session_token.token_matches(
                    self.session_secret, checked.sender, checked.token):
                logger.info("REST message refused: no valid session token for its sender")
                checked = Refusal(403, SESSION, checked.metadata)
            if isinstance(checked, Refusal):
                return response.json(refusal_body(checked, self.messages), status=checked.status,
                                     headers={"X-Content-Type-Options": "nosniff"})
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(on_new_message, checked.message, checked.sender, self.name(),
                                         checked.metadata),
                    content_type="text/event-stream")
            collector = CollectingOutputChannel()
            await self._turn(on_new_message, collector, checked)
            return response.json(collector.messages, headers={"X-Content-Type-Options": "nosniff"})

        return webhook

    async def _turn(self, on_new_message, collector: CollectingOutputChannel, checked) -> None:
        message = UserMessage(checked.message, collector, checked.sender, input_channel=self.name(),
                              metadata=checked.metadata)
        try:
            await asyncio.wait_for(on_new_message(message), timeout=server_limits.current().turn_timeout)
            return
        except asyncio.TimeoutError:
            logger.error("REST turn for %s took longer than %s s", checked.sender,
                         server_limits.current().turn_timeout)
        except Exception:  # noqa: BLE001 - the user gets a message, the log gets the details
            logger.exception("REST turn for %s failed", checked.sender)
        if not collector.messages:
            variant = failure_variant(None, checked.metadata, self.name())
            await collector.send_text_message(checked.sender, failure_text(variant))
