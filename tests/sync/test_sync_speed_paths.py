"""Issue 17: the outbox batch order is served by an index, the compiled contract check never accepts what
jsonschema refuses, and acknowledged events do not pile up."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import sqlcipher3

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync import contract, outbox
from maya_desktop.core.sync.compiled_schema import compile_shape
from tests.sync.test_sync_contract import event


def good_event() -> dict:
    return event()


BAD_VALUES = [None, True, 1.0, -1, 10**12, "", "x" * 40, "2026-02-30", "paid\n", "09121234567", [], {}, 7]


def test_compiled_check_never_accepts_what_jsonschema_refuses():
    schema = contract.load_schema()["$defs"]["order_event"]
    fast = compile_shape(schema)
    slow = contract.validator("order_event")
    event = good_event()
    assert fast(event) and slow.is_valid(event)
    tried = 0
    for name, bad in itertools.product(list(event), BAD_VALUES):
        mutated = dict(event, **{name: bad})
        if fast(mutated):
            assert slow.is_valid(mutated), (name, bad)
        tried += 1
    assert not fast({**event, "mobile": "09121234567"})
    assert not fast({k: v for k, v in event.items() if k != "day"})
    assert tried == len(event) * len(BAD_VALUES)


def test_compiled_check_refuses_a_keyword_it_does_not_know():
    with pytest.raises(NotImplementedError):
        compile_shape({"type": "object", "additionalProperties": False, "properties": {"a": {"multipleOf": 2}}})


def test_validate_event_still_names_the_field():
    with pytest.raises(ValidationError) as caught:
        contract.validate_event({**good_event(), "price_rial": -5})
    assert caught.value.field == "price_rial"


def test_pending_batch_is_read_in_index_order_without_a_sort():
    conn = sqlcipher3.connect(":memory:")
    outbox.ensure_outbox(conn)
    for _ in range(50):
        outbox.enqueue(conn, good_event())
    sql = (
        "SELECT event_id, payload, attempts FROM sync_outbox WHERE state = 'pending' "
        "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?"
    )
    plan = [str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, ("9999", 10))]
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert any("sync_outbox_pending_order" in step for step in plan), plan
    ids = [item.event_id for item in outbox.pending_batch(conn, 10, dt.datetime(2099, 1, 1))]
    first = [r[0] for r in conn.execute("SELECT event_id FROM sync_outbox ORDER BY id LIMIT 10")]
    assert ids == first


def test_compiled_response_check_never_accepts_what_jsonschema_refuses():
    fast = compile_shape(contract.load_schema()["$defs"]["response"])
    slow = contract.validator("response")
    good = {"accepted": ["a" * 36], "duplicates": [], "rejected": [{"event_id": None, "reason": "bad day"}]}
    assert fast(good) and slow.is_valid(good)
    mutations = [
        {**good, "accepted": [1]},
        {**good, "accepted": ["a" * 37]},
        {**good, "accepted": "a"},
        {**good, "rejected": [{"event_id": "x"}]},
        {**good, "rejected": [{"event_id": 5, "reason": "r"}]},
        {**good, "rejected": [{"event_id": "x", "reason": "r" * 201}]},
        {**good, "rejected": ["x"]},
        {"accepted": [], "duplicates": []},
        [],
        None,
        {**good, "extra": 1},  # the response object is open: both accept it
    ]
    for body in mutations:
        if fast(body):
            assert slow.is_valid(body), body
    assert contract.is_valid_response(good) and not contract.is_valid_response({"accepted": [1]})
