"""The cached action-response validator accepts and rejects exactly what Rasa's own check does."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.rasa_speedups as speedups

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "gemeente", "value": "GM0479", "timestamp": None}],
     "responses": [{"text": "hoi", "buttons": [{"title": "Ja", "payload": "/bevestigen"}]}]},
    {"events": [{"event": "followup", "name": "hulpvraag_form"}, {"event": "active_loop", "name": None}]},
    {},
]
INVALID = [
    {"events": "niet een lijst"},
    {"events": [{"event": "slot"}]},  # a slot event needs a name
    {"responses": ["geen object"]},
]


def rasa_original(result):
    jsonschema.validate(result, RemoteAction.action_response_format_spec())


@pytest.mark.parametrize("result", VALID)
def test_accepts_what_rasa_accepts(result):
    rasa_original(result)
    assert speedups._validate_action_result(None, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_rejects_what_rasa_rejects(result):
    with pytest.raises(jsonschema.ValidationError):
        rasa_original(result)
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        speedups._validate_action_result(None, result)


def test_installed_once_on_rasas_remote_action():
    speedups.install()
    speedups.install()
    assert RemoteAction._validate_action_result is speedups._validate_action_result
