"""A fast first look at incoming events, compiled from the contract's own JSON Schema.

``contract.validate_event`` (jsonschema) costs ~0.3-0.5 ms per event and was the ingest bottleneck. This
module compiles the two ``$defs`` shapes of ``sync_event.schema.json`` into plain Python checks once, at
import. It is only ever *stricter or equal*: an event it passes satisfies the schema and validate_event's own
extra rules (real ints, full-match patterns); anything it does not pass goes to ``contract.validate_event``,
which gives the verdict and the field-naming error. The compiler refuses any schema keyword it does not
implement, so a schema change cannot silently make this check more lenient than the contract.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from maya_desktop.core.sync.contract import EVENT_TYPE_AUDIT_ANCHOR, load_schema

Check = Callable[[Any], bool]
_OBJECT_KEYWORDS = {"type", "additionalProperties", "required", "properties", "description"}
_PROPERTY_KEYWORDS = {"type", "enum", "minLength", "maxLength", "pattern", "minimum", "maximum", "format",
                      "description"}
_TYPES: dict[str, Check] = {
    "string": lambda v: type(v) is str,
    "integer": lambda v: type(v) is int,  # not bool, not 1.0 (validate_event insists on real ints too)
    "null": lambda v: v is None,
}


class UnsupportedSchema(Exception):
    """The schema uses something this compiler does not check; extend it (and its test) first."""


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _property_check(spec: Mapping[str, Any]) -> Check:
    unknown = set(spec) - _PROPERTY_KEYWORDS
    if unknown or spec.get("format", "date") != "date":
        raise UnsupportedSchema(f"unsupported keywords {sorted(unknown) or spec.get('format')}")
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    type_checks = [_TYPES[t] for t in types]
    checks: list[Check] = []
    if "enum" in spec:
        allowed = frozenset(spec["enum"])
        checks.append(lambda v: v in allowed)
    if "minLength" in spec:
        low = spec["minLength"]
        checks.append(lambda v: type(v) is not str or len(v) >= low)
    if "maxLength" in spec:
        high = spec["maxLength"]
        checks.append(lambda v: type(v) is not str or len(v) <= high)
    if "pattern" in spec:
        pattern = re.compile(spec["pattern"])
        checks.append(lambda v: type(v) is not str or pattern.fullmatch(v) is not None)
    if "minimum" in spec:
        minimum = spec["minimum"]
        checks.append(lambda v: type(v) is not int or v >= minimum)
    if "maximum" in spec:
        maximum = spec["maximum"]
        checks.append(lambda v: type(v) is not int or v <= maximum)
    if "format" in spec:
        checks.append(lambda v: type(v) is not str or _is_date(v))

    def check(value: Any) -> bool:
        if value is None:
            return "null" in types
        return any(t(value) for t in type_checks) and all(c(value) for c in checks)

    return check


def _shape_check(definition: Mapping[str, Any]) -> Check:
    unknown = set(definition) - _OBJECT_KEYWORDS
    if unknown or definition.get("type") != "object" or definition.get("additionalProperties") is not False:
        raise UnsupportedSchema(f"unsupported object schema {sorted(unknown)}")
    fields = {name: _property_check(spec) for name, spec in definition["properties"].items()}
    allowed, required = frozenset(fields), frozenset(definition["required"])

    def check(event: Mapping[str, Any]) -> bool:
        keys = event.keys()
        if not required <= keys or not keys <= allowed:
            return False
        return all(fields[name](value) for name, value in event.items())

    return check


def compile_contract(schema: Mapping[str, Any]) -> tuple[Check, Check]:
    """(order-event check, audit-anchor check) for a schema shaped like the contract's."""
    defs = schema["$defs"]
    return _shape_check(defs["order_event"]), _shape_check(defs["audit_anchor"])


_ORDER, _ANCHOR = compile_contract(load_schema())


def passes(event: Any) -> bool:
    """True only for an event that certainly satisfies the contract; False means "ask validate_event"."""
    if type(event) is not dict:
        return False
    return (_ANCHOR if event.get("type") == EVENT_TYPE_AUDIT_ANCHOR else _ORDER)(event)
