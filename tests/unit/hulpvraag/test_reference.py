"""Reference numbers: shape, check symbol, normalisation, uniqueness in the database."""
import random

import pytest
from sqlalchemy import func, select

from bot.hulpvraag import reference as refs
from bot.hulpvraag.schema import hulpverzoek
from bot.hulpvraag.store import StorageError
from hulpvraag_testhulp import make_request


def test_shape_and_alphabet():
    rng = random.Random(7)
    seen = set()
    for _ in range(5000):
        ref = refs.new_reference(rng.choice)
        assert refs.is_valid(ref), ref
        assert ref.startswith("WW-") and len(ref) == 12
        assert not set(ref[3:].replace("-", "")) & set("01OILUZ")
        seen.add(ref)
    assert len(seen) == 5000


def test_every_single_substitution_and_neighbour_swap_is_detected():
    ref = refs.new_reference(random.Random(3).choice)
    chars = list(ref[3:7] + ref[8:12])
    for i in range(8):
        for c in refs.ALPHABET:
            if c == chars[i]:
                continue
            wrong = chars.copy()
            wrong[i] = c
            assert not refs.is_valid(f"WW-{''.join(wrong[:4])}-{''.join(wrong[4:])}")
    for i in range(7):
        if chars[i] != chars[i + 1]:
            swapped = chars.copy()
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            assert not refs.is_valid(f"WW-{''.join(swapped[:4])}-{''.join(swapped[4:])}")


def test_normalize_accepts_how_people_type_it():
    ref = refs.new_reference(random.Random(11).choice)
    body = ref[3:].replace("-", "")
    for typed in (ref, ref.lower(), f"ww {body[:4]} {body[4:]}", body, f"WW{body}", f" {ref}. "):
        assert refs.normalize(typed) == ref, typed
    for bad in ("", "WW-", "hallo", ref[:-1], ref + "X", "WW-OOOO-OOOO", None, 12, "W" * 100):
        assert refs.normalize(bad) is None


def test_collision_takes_a_new_number(store):
    first = store.submit(make_request()).reference
    other = refs.new_reference(random.Random(5).choice)
    queue = iter([first, other])
    store._new_reference = lambda: next(queue)
    second = store.submit(make_request(gesprek_id="gesprek-2"))
    assert second.reference == other
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(hulpverzoek)).scalar() == 2


def test_only_collisions_gives_storage_error_and_nothing_new(store):
    first = store.submit(make_request()).reference
    store._new_reference = lambda: first
    with pytest.raises(StorageError):
        store.submit(make_request(gesprek_id="gesprek-2"))
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(hulpverzoek)).scalar() == 1
