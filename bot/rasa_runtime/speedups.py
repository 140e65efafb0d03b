"""Measured speed-ups for the Rasa 3.6 server, applied by ``bot.rasa_runtime.install``.

1. Rasa 3.6 checks every action-server response with ``jsonschema.validate(result, schema)``. That
function first checks the (large) events schema itself against the JSON-Schema meta-schema, on every
call. py-spy on the Rasa server during the latency benchmark showed this re-check taking about 60 %
of the server's CPU per turn (bench/RESULTS.md). We validate against exactly the same schema with a
validator that is built, and whose schema is checked, once. Accepted and rejected responses are the
same as before (tests/unit/rasa_runtime/test_rasa_speedups.py); only the repeated meta-schema check is gone.

2. Every event Rasa reads (the whole conversation from the tracker store at each turn, and each
action-server response) finds its class with ``Event.resolve_by_type``, which walks all Event
subclasses and calls ``inspect.isabstract`` on each: 52 µs per event here, about 2 ms per turn for a
conversation of 40 events. We keep a table from type name to class, built by the same walk in the
same order (so the first match wins, as in Rasa), and walk again on a miss, so an Event subclass
imported later is still found. Unknown names behave exactly as before.

3. Every message's sparse features (regex, lexical, word and character n-grams) are joined side by
side with ``scipy.sparse.hstack``, which goes through the general block-matrix code: 260 µs per join
here, five joins per message. Joining the coordinate arrays directly gives the same matrix (same
shape, values, dtype and COO format) in 50 µs.

4. DIET predicts through a ``tf.function`` with a fixed input signature (every dimension that can
vary is ``None``), so it has exactly one concrete function. Calling the ``tf.function`` still
makes TensorFlow canonicalise and cast all 30-odd inputs and look the concrete function up in
its cache on every message: 1.1 ms of the 5.5 ms a prediction takes here. We look the concrete
function up once and call it directly; it is the same traced graph, so the outputs are the same
numbers (tests/integration/test_rasa_speedups_on_model.py compares every probability).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Optional, Text, Type

import numpy as np
import rasa.shared.utils.common
import scipy.sparse
from jsonschema import ValidationError, validators
from keras.utils import tf_utils
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DIAGNOSTIC_DATA, DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.nlu.training_data.features import Features
from rasa.utils.tensorflow.models import RasaModel

_MARK = "_wegwijzer_speedup_installed"  # on each patched Rasa class


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


_event_types: Dict[Text, Type[Event]] = {}


def _walk_event_types() -> Dict[Text, Type[Event]]:
    table: Dict[Text, Type[Event]] = {}
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Rasa's ``Event.resolve_by_type`` with a table instead of a walk over all subclasses per event."""
    found = _event_types.get(type_name)
    if found is None:
        _event_types.clear()
        _event_types.update(_walk_event_types())
        found = _event_types.get(type_name)
    if found is not None:
        return found
    # as Rasa: the old TopicSet events, then the caller's default, else an error
    if type_name == "topic":
        return None
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def hstack_coo(left: Any, right: Any) -> scipy.sparse.coo_matrix:
    """``scipy.sparse.hstack([left, right])`` for two sparse matrices with the same number of rows."""
    left, right = left.tocoo(copy=False), right.tocoo(copy=False)
    return scipy.sparse.coo_matrix(
        (np.concatenate([left.data, right.data]),
         (np.concatenate([left.row, right.row]), np.concatenate([left.col, right.col + left.shape[1]]))),
        shape=(left.shape[0], left.shape[1] + right.shape[1]),
    )


def _combine_sparse_features(self: Features, additional_features: Features) -> None:
    if self.features.shape[0] != additional_features.features.shape[0]:  # Rasa's own check and message
        raise ValueError(
            f"Cannot combine sparse features as sequence dimensions do not "
            f"match: {self.features.shape[0]} != "
            f"{additional_features.features.shape[0]}."
        )
    self.features = hstack_coo(self.features, additional_features.features)
    self._cached_fingerprint = None


_RASA_PREDICT = RasaModel._rasa_predict  # Rasa's own: traces the function on the first call
_CONCRETE = "_wegwijzer_concrete_predict"  # in the model's __dict__, out of Keras' attribute tracking


def _rasa_predict(self: RasaModel, batch_in: Any) -> Dict[Text, Any]:
    concrete = self.__dict__.get(_CONCRETE)
    if concrete is None:
        outputs = _RASA_PREDICT(self, batch_in)  # prepares the model and traces, as before
        if not self._run_eagerly and self._tf_predict_step is not None:
            self.__dict__[_CONCRETE] = self._tf_predict_step.get_concrete_function()
        return outputs
    self._training = False
    outputs = tf_utils.sync_to_numpy_or_python_type(concrete(list(batch_in)))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


# Applied by bot.rasa_runtime.install (each once; importing this module applies nothing).
def apply_response_check() -> None:
    if not getattr(RemoteAction, _MARK, False):
        RemoteAction._validate_action_result = _validate_action_result
        setattr(RemoteAction, _MARK, True)


def apply_event_table() -> None:
    if not getattr(Event, _MARK, False):
        Event.resolve_by_type = staticmethod(resolve_by_type)
        setattr(Event, _MARK, True)


def apply_sparse_join() -> None:
    if not getattr(Features, _MARK, False):
        Features._combine_sparse_features = _combine_sparse_features
        setattr(Features, _MARK, True)


def apply_concrete_predict() -> None:
    if not getattr(RasaModel, _MARK, False):
        RasaModel._rasa_predict = _rasa_predict
        setattr(RasaModel, _MARK, True)


def apply() -> None:
    """All four (tests); the server gets them one by one from bot.rasa_runtime.install."""
    apply_response_check()
    apply_event_table()
    apply_sparse_join()
    apply_concrete_predict()
