"""The compiled first check is never more lenient than the contract: whatever it passes, validate_event
accepts (hypothesis mutates valid events field by field), and it refuses schema keywords it cannot check."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hq_helpers import anchor_event, order_event
from hypothesis import given, settings
from hypothesis import strategies as st

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync import contract
from maya_hq import fastcheck

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.integers(2**53 - 2, 2**53 + 2),
    st.floats(allow_nan=False),
    st.just(1.0),
    st.just(100_000_000_001),
    st.text(max_size=40),
    st.just("2026-02-30"),
    st.just("2026-11-20\n"),
    st.just("o_" + "a" * 26 + "\n"),
    st.just("cl_a12345b"),
    st.just("A" * 64),
    st.just("a" * 64),
    st.sampled_from([*contract.STATUSES, *contract.SERVICES, *contract.ORDER_EVENT_TYPES, "audit.anchor"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def valid_events() -> st.SearchStrategy[dict]:
    day = dt.date(2026, 11, 20)
    return st.sampled_from(["order", "hold", "anchor"]).map(
        lambda kind: (
            anchor_event("cl_alpha", 7, day)
            if kind == "anchor"
            else order_event(
                "cl_alpha", "paid", day, type="order.hold_placed" if kind == "hold" else "order.state_changed"
            )
        )
    )


def contract_accepts(event) -> bool:
    try:
        contract.validate_event(event)
    except ValidationError:
        return False
    return True


@settings(max_examples=600, deadline=None)
@given(valid_events(), st.data())
def test_whatever_the_fast_check_passes_the_contract_accepts(event, data) -> None:
    assert fastcheck.passes(event) and contract_accepts(event)  # valid events take the fast path
    mutated = dict(event)
    for _ in range(data.draw(st.integers(1, 3))):
        action = data.draw(st.sampled_from(["set", "drop", "add"]))
        if action == "set":
            mutated[data.draw(st.sampled_from(sorted(mutated) or ["type"]))] = data.draw(ODD_VALUES)
        elif action == "drop" and mutated:
            mutated.pop(data.draw(st.sampled_from(sorted(mutated))))
        else:
            mutated[data.draw(st.sampled_from(["name", "mobile", "views", "audit_seq", "order_ref"]))] = data.draw(
                ODD_VALUES
            )
    if fastcheck.passes(mutated):
        assert contract_accepts(mutated), mutated


ODD_LIST = [
    None,
    True,
    False,
    0,
    -1,
    1.0,
    2**53,
    2**53 + 1,
    100_000_000_001,
    366,
    1001,
    "",
    "x",
    "2026-02-30",
    "2026-11-20\n",
    "20261120",
    "o_" + "a" * 26 + "\n",
    "d_" + "a" * 26,
    "cl_a12345b",
    "A" * 64,
    "a" * 64,
    "a" * 65,
    "ws_" + "a" * 16,
    "audit.anchor",
    "order.hold_placed",
    "paid",
    "rhinoplasty_analysis",
    [],
    {},
]


def test_every_field_with_every_odd_value() -> None:
    """Exhaustive per field: one field replaced (or dropped, or one extra added) at a time."""
    day = dt.date(2026, 11, 20)
    for event in (order_event("cl_alpha", "paid", day), anchor_event("cl_alpha", 7, day)):
        candidates = [{k: v for k, v in event.items() if k != name} for name in event]
        candidates += [{**event, name: value} for name in [*event, "client_name"] for value in ODD_LIST]
        for candidate in candidates:
            if fastcheck.passes(candidate):
                assert contract_accepts(candidate), candidate


def test_a_keyword_the_compiler_does_not_know_is_refused() -> None:
    schema = copy.deepcopy(contract.load_schema())
    schema["$defs"]["order_event"]["properties"]["day"]["multipleOf"] = 2
    with pytest.raises(fastcheck.UnsupportedSchema):
        fastcheck.compile_contract(schema)
    schema = copy.deepcopy(contract.load_schema())
    schema["$defs"]["audit_anchor"]["additionalProperties"] = True
    with pytest.raises(fastcheck.UnsupportedSchema):
        fastcheck.compile_contract(schema)
