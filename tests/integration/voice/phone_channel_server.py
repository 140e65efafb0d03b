"""A real Sanic server with only the Dutch phone channel (no model, no action server), for the checks
that happen before a request reaches the assistant: python phone_channel_server.py <port>.

The assistant behind it answers every message with one fixed text, so a test can tell whether a
request got through. The channel reads TWILIO_AUTH_TOKEN and the development switch from the
environment, as in the Rasa server."""
from __future__ import annotations

import sys
from types import SimpleNamespace

from sanic import Sanic, response

from bot.channels.twilio_voice_nl import TwilioVoiceNlInput

GOT_THROUGH = "Dit bericht kwam bij de assistent aan."


class _NoTrackers:
    async def retrieve(self, _sender_id):
        return None


async def on_new_message(message) -> None:
    await message.output_channel.send_text_message(message.sender_id, GOT_THROUGH)


def main() -> None:
    port = int(sys.argv[1])
    app = Sanic("telefoon_alleen")
    app.ctx.agent = SimpleNamespace(tracker_store=_NoTrackers())
    channel = TwilioVoiceNlInput.from_credentials({"auth_token_env": "TWILIO_AUTH_TOKEN"})
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/twilio_voice_nl")

    @app.get("/gezond")
    async def health(_):
        return response.json({"status": "ok"})

    app.run("127.0.0.1", port, access_log=False)


if __name__ == "__main__":
    main()
