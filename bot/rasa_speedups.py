"""A measured speed-up for the Rasa 3.6 server, applied when our NLU component module is imported.

Rasa 3.6 checks every action-server response with ``jsonschema.validate(result, schema)``. That
function first checks the (large) events schema itself against the JSON-Schema meta-schema, on every
call. py-spy on the Rasa server during the latency benchmark showed this re-check taking about 60 %
of the server's CPU per turn (bench/RESULTS.md). We validate against exactly the same schema with a
validator that is built, and whose schema is checked, once. Accepted and rejected responses are the
same as before (tests/unit/test_rasa_speedups.py); only the repeated meta-schema check is gone.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_MARK = "_wegwijzer_cached_validator"


@lru_cache(maxsize=1)
def response_validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, at first use
    return cls(schema)


def _validate_action_result(self, result: Dict[Text, Any]) -> bool:
    try:
        response_validator().validate(result)
        return True
    except ValidationError as e:  # same message as Rasa's own
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    if not getattr(RemoteAction, _MARK, False):
        RemoteAction._validate_action_result = _validate_action_result
        setattr(RemoteAction, _MARK, True)


install()
