"""The Rasa speed-ups accept, reject and resolve exactly what Rasa's own code does."""
import jsonschema
import numpy as np
import pytest
import rasa.shared.utils.common
import scipy.sparse
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.nlu.training_data.features import Features

import bot.rasa_runtime.speedups as speedups

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
    speedups.apply()
    speedups.apply()
    assert RemoteAction._validate_action_result is speedups._validate_action_result


# -- Event.resolve_by_type with a table -----------------------------------------------------


def rasa_walk(type_name):
    """Rasa 3.6's own lookup: the first non-abstract Event subclass with that type name."""
    return next((c for c in rasa.shared.utils.common.all_subclasses(Event) if c.type_name == type_name), None)


def test_every_event_type_resolves_to_the_class_rasa_finds():
    names = {c.type_name for c in rasa.shared.utils.common.all_subclasses(Event)}
    assert {"user", "bot", "slot", "action", "active_loop", "session_started"} <= names
    for name in names:
        assert speedups.resolve_by_type(name) is rasa_walk(name)


def test_unknown_names_behave_as_in_rasa():
    assert speedups.resolve_by_type("topic") is None
    assert speedups.resolve_by_type("bestaat_niet", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'bestaat_niet'"):
        speedups.resolve_by_type("bestaat_niet")


def test_an_event_class_imported_later_is_found():
    speedups.resolve_by_type("user")  # the table exists

    class LaterEvent(UserUttered):
        type_name = "wegwijzer_test_later"

    assert speedups.resolve_by_type("wegwijzer_test_later") is LaterEvent


def test_installed_on_rasas_event_and_used_when_reading_events():
    speedups.apply()
    assert Event.resolve_by_type is speedups.resolve_by_type
    event = Event.from_parameters({"event": "slot", "name": "gemeente", "value": "GM0479"})
    assert isinstance(event, SlotSet) and event.key == "gemeente" and event.value == "GM0479"


# -- joining sparse features --------------------------------------------------------------------

@pytest.mark.parametrize("left_format,right_format", [("coo", "coo"), ("csr", "coo"), ("coo", "csc")])
@pytest.mark.parametrize("left_dtype,right_dtype", [(np.float64, np.float64), (np.float32, np.float64),
                                                    (np.int64, np.float32)])
def test_sparse_join_gives_the_matrix_scipy_hstack_gives(left_format, right_format, left_dtype, right_dtype):
    rng = np.random.default_rng(7)
    for rows in (1, 3, 12):
        left = scipy.sparse.random(rows, 50, density=0.1, format=left_format, dtype=left_dtype, random_state=rng)
        right = scipy.sparse.random(rows, 70, density=0.1, format=right_format, dtype=right_dtype, random_state=rng)
        ours, theirs = speedups.hstack_coo(left, right), scipy.sparse.hstack([left, right])
        assert ours.format == theirs.format == "coo"
        assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
        # the same entries in the same order: training sees identical inputs
        for name in ("row", "col", "data"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name))


def test_sparse_join_of_empty_matrices():
    left, right = scipy.sparse.coo_matrix((2, 5)), scipy.sparse.coo_matrix((2, 0))
    assert speedups.hstack_coo(left, right).shape == (2, 5)
    assert speedups.hstack_coo(left, right).nnz == 0


def test_features_combine_through_the_faster_join_and_keep_rasas_checks():
    speedups.apply()
    first = Features(scipy.sparse.coo_matrix(np.array([[1.0, 0.0], [0.0, 2.0]])), "sequence", "text", "a")
    second = Features(scipy.sparse.coo_matrix(np.array([[0.0, 3.0, 0.0], [4.0, 0.0, 0.0]])), "sequence", "text", "b")
    fingerprint = first.fingerprint()
    first.combine_with_features(second)
    assert np.array_equal(first.features.toarray(), [[1, 0, 0, 3, 0], [0, 2, 4, 0, 0]])
    assert first.fingerprint() != fingerprint  # the cached fingerprint is reset, as in Rasa
    wrong = Features(scipy.sparse.coo_matrix(np.ones((3, 1))), "sequence", "text", "c")
    with pytest.raises(ValueError, match="sequence dimensions do not match: 2 != 3"):
        first.combine_with_features(wrong)
