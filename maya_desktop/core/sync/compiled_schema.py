"""The sync contract's object shapes compiled once into plain Python checks (the fast path of validation).

jsonschema interprets the schema on every call (~240 µs per event, 2.9 of the 5 s a 10k-event push took).
`compile_shape` turns one `$defs` object schema into a list of closures once. It is only ever used to say
"valid": a False answer makes `contract.validate_event` run jsonschema as before, so the error still names
the field. It must therefore never be looser than jsonschema: a keyword it does not know makes compiling
fail (a schema change cannot silently weaken the check), and `tests/sync/test_compiled_schema.py` compares
both on mutated events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

IGNORED = frozenset({"description", "title", "$comment"})
# type name -> expression on `v` (integer is stricter than jsonschema, which accepts 1.0: never looser)
_TYPES = {
    "string": "type(v) is str",
    "integer": "type(v) is int",
    "null": "v is None",
    "boolean": "type(v) is bool",
    "array": "type(v) is list",
}
_OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties"})


def _is_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


class _Namespace:
    """Constants (compiled patterns, enum sets) the generated source refers to by name."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {"_is_date": _is_date}

    def add(self, value: Any) -> str:
        name = f"_c{len(self.values)}"
        self.values[name] = value
        return name


def _value_expression(schema: Mapping[str, Any], names: _Namespace) -> str:
    parts: list[str] = []
    if schema.get("type") == "object" or _OBJECT_KEYWORDS & schema.keys():
        return f"{names.add(compile_shape(schema))}(v)"  # a nested object: its own generated function
    for keyword, spec in schema.items():
        if keyword in IGNORED:
            continue
        if keyword == "items":
            item = names.add(_value_predicate(spec))
            parts.append(f"(type(v) is not list or all({item}(x) for x in v))")
            continue
        if keyword == "type":
            kinds = [spec] if isinstance(spec, str) else list(spec)
            parts.append("(" + " or ".join(_TYPES[kind] for kind in kinds) + ")")  # KeyError: unknown type
        elif keyword == "enum":
            allowed = names.add(frozenset((type(x), x) for x in spec))
            parts.append(f"(type(v), v) in {allowed}")
        elif keyword == "minLength":
            parts.append(f"(type(v) is not str or len(v) >= {int(spec)})")
        elif keyword == "maxLength":
            parts.append(f"(type(v) is not str or len(v) <= {int(spec)})")
        elif keyword == "pattern":
            parts.append(f"(type(v) is not str or {names.add(re.compile(spec))}.search(v) is not None)")
        elif keyword == "minimum":
            parts.append(f"(type(v) is not int or v >= {int(spec)})")
        elif keyword == "maximum":
            parts.append(f"(type(v) is not int or v <= {int(spec)})")
        elif keyword == "format" and spec == "date":
            parts.append("(type(v) is not str or _is_date(v))")
        else:
            raise NotImplementedError(f"compiled_schema does not know {keyword!r}: {spec!r}")
    return " and ".join(parts) or "True"


def _value_predicate(schema: Mapping[str, Any]) -> Callable[[Any], bool]:
    names = _Namespace()
    source = f"def valid(v):\n    return bool({_value_expression(schema, names)})"
    return _define(source, names)


def _define(source: str, names: _Namespace) -> Callable[[Any], bool]:
    namespace = dict(names.values)
    # Generated from the package's own schema file (never from input); checked against jsonschema in tests.
    exec(compile(source, "<sync contract>", "exec"), namespace)  # noqa: S102  # nosec B102
    return namespace["valid"]  # type: ignore[no-any-return]


def compile_shape(schema: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], bool]:
    """A predicate that is True only for objects jsonschema accepts against `schema`: an object schema
    (closed with additionalProperties false, or open) whose values use the keywords above, arrays with
    `items` and nested objects included.

    The checks are generated as Python source once (one function per object, no per-keyword calls)."""
    unknown = set(schema) - ({"type"} | _OBJECT_KEYWORDS | IGNORED)
    closed = schema.get("additionalProperties")
    if unknown or schema.get("type", "object") != "object" or closed not in (None, False):
        raise NotImplementedError(f"compiled_schema compiles plain object schemas only (got {sorted(unknown)})")
    names = _Namespace()
    required = names.add(frozenset(schema.get("required", ())))
    properties = schema.get("properties", {})
    fields = names.add(frozenset(properties))
    keys = f"{required} <= event.keys() <= {fields}" if closed is False else f"{required} <= event.keys()"
    lines = [
        "def valid(event):",
        f"    if not isinstance(event, dict) or not {keys}:",
        "        return False",
    ]
    for name, spec in properties.items():
        lines += [
            f"    if {name!r} in event:",
            f"        v = event[{name!r}]",
            f"        if not ({_value_expression(spec, names)}):",
            "            return False",
        ]
    lines.append("    return True")
    return _define("\n".join(lines), names)
