"""bot.error_reporting.scrub_event on events that sentry-sdk itself builds (a client with its default,
leaky settings and a transport that keeps the events here): what it sends without scrubbing holds the
user's text and phone number; after scrubbing none of it is left, and the error is still identifiable."""
from __future__ import annotations

import json

import sentry_sdk
from sentry_sdk.transport import Transport

from bot import error_reporting

CHAT = "Mijn zoon Pieter de Vries zit thuis, bel mij op 06 12345678 of mail pieter.ouder@example.org"
SECRETS = ("Pieter", "Vries", "12345678", "06 1234", "pieter.ouder@example.org", "zit thuis", "example.org")


class Keep(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events: list[dict] = []

    def capture_event(self, event):
        self.events.append(event)

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.payload.json:
                self.events.append(item.payload.json)


def handle_message(text: str, telefoon: str) -> None:
    bericht = {"text": text, "telefoon": telefoon}
    raise ValueError(f"kon {bericht['text']} niet verwerken")


def _events(before_send=None) -> list[dict]:
    transport = Keep()
    client = sentry_sdk.Client(dsn="http://key@127.0.0.1:9/1", transport=transport, before_send=before_send,
                               with_locals=True, send_default_pii=True, default_integrations=False)
    hub = sentry_sdk.Hub(client)
    with hub:
        hub.add_breadcrumb(message=f"gebruiker schreef: {CHAT}")
        hub.scope.set_extra("bericht", CHAT)
        hub.scope.set_user({"email": "pieter.ouder@example.org"})
        try:
            handle_message(CHAT, "06 12345678")
        except ValueError:
            hub.capture_exception()
        hub.capture_event({"message": f"fout bij {CHAT}", "logentry": {"message": f"fout bij {CHAT}", "params": []},
                           "level": "error"})
        hub.capture_event({"logentry": {"message": "bezorging %s mislukt: %s", "params": [CHAT, "06 12345678"]},
                           "level": "error"})
    client.close()
    return transport.events


def test_without_scrubbing_the_user_text_would_leave():
    raw = json.dumps(_events())
    assert all(secret in raw for secret in ("12345678", "pieter.ouder@example.org", "zit thuis"))


def test_scrubbed_events_hold_no_personal_data_but_name_the_error():
    events = _events(lambda event, _hint: error_reporting.scrub_event(event, "actieserver"))
    assert len(events) == 3
    raw = json.dumps(events)
    for secret in SECRETS:
        assert secret not in raw, secret
    error = events[0]["exception"]["values"][0]
    assert error["type"] == "ValueError" and "value" not in error
    assert [f["function"] for f in error["stacktrace"]["frames"]][-1] == "handle_message"
    assert all("vars" not in f and "context_line" not in f for f in error["stacktrace"]["frames"])
    assert events[0]["tags"] == {"proces": "actieserver"}
    assert events[1]["logentry"] == {"message": "(bericht weggelaten)"}
    assert events[2]["logentry"] == {"message": "bezorging %s mislukt: %s"}
    assert not any(k in e for e in events for k in ("request", "user", "extra", "breadcrumbs", "contexts"))


def test_off_without_a_dsn():
    assert error_reporting.setup("test", env={}) is False
    assert error_reporting.settings_from_env({"WEGWIJZER_SENTRY_DSN": "  "}) is None

