"""The sync event contract: the only shape of data that may leave the workstation (P8, P9).

The JSON Schema in ``maya_desktop/schemas/sync_event.schema.json`` is the single source of truth;
the builder and the validators here, the outbox, the client and the reference receiver all use it.
Error messages name the offending *field* but never echo its *value*: a refused value may be
exactly the personal data we are keeping in.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import re
import secrets
import uuid
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.compiled_schema import compile_shape

SCHEMA_FILE = "sync_event.schema.json"
ORDER_EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "order_ref",
    "clinic_id",
    "workstation_id",
    "type",
    "service",
    "status",
    "price_rial",
    "turnaround_days",
    "day",
    "doctor_ref",
    "views_count",
)
EVENT_FIELDS = ORDER_EVENT_FIELDS  # the first (and most common) shape; kept under its old name
ANCHOR_EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "clinic_id",
    "workstation_id",
    "type",
    "day",
    "audit_seq",
    "audit_head",
)
SERVICES: tuple[str, ...] = ("rhinoplasty_analysis", "confidential_document")
STATUSES: tuple[str, ...] = (
    "draft",
    "photos_imported",
    "analyzed",
    "quoted",
    "paid",
    "consented",
    "in_review",
    "delivered",
    "destroyed",
    "cancelled",
    "expired",
)
EVENT_TYPE_STATE_CHANGED = "order.state_changed"
EVENT_TYPE_HOLD_PLACED = "order.hold_placed"
EVENT_TYPE_HOLD_LIFTED = "order.hold_lifted"
ORDER_EVENT_TYPES: tuple[str, ...] = (EVENT_TYPE_STATE_CHANGED, EVENT_TYPE_HOLD_PLACED, EVENT_TYPE_HOLD_LIFTED)
EVENT_TYPE_AUDIT_ANCHOR = "audit.anchor"
UNASSIGNED_CLINIC_ID = "cl_unassigned"
MAX_BATCH_EVENTS = 500
# Per event shape: its $defs name, its fields and the fields that must be real ints.
_SHAPES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "order": ("order_event", ORDER_EVENT_FIELDS, ("price_rial", "turnaround_days", "views_count")),
    "anchor": ("audit_anchor", ANCHOR_EVENT_FIELDS, ("audit_seq",)),
}


@functools.cache
def load_schema() -> dict[str, Any]:
    """The event schema, read from the package data (works from a wheel or a zip too)."""
    text = resources.files("maya_desktop").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def validator(name: str = "event") -> Draft202012Validator:
    """A jsonschema validator for an event of either shape (``"event"``) or one of the schema's ``$defs``:
    ``"order_event"``, ``"audit_anchor"``, ``"batch"``, ``"response"``."""
    schema = load_schema()
    checker = Draft202012Validator.FORMAT_CHECKER
    if name == "event":
        return Draft202012Validator(schema, format_checker=checker)
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return Draft202012Validator({"$ref": f"{schema['$id']}#/$defs/{name}"}, registry=registry, format_checker=checker)


@functools.cache
def _compiled(definition: str) -> Callable[[Mapping[str, Any]], bool]:
    return compile_shape(load_schema()["$defs"][definition])


def _path(error: Any) -> list[Any]:
    return list(error.path)


@functools.cache
def _patterns(definition: str) -> dict[str, re.Pattern[str]]:
    props = load_schema()["$defs"][definition]["properties"]
    return {name: re.compile(p["pattern"]) for name, p in props.items() if "pattern" in p}


def _shape_of(event: Mapping[str, Any]) -> str:
    return "anchor" if event.get("type") == EVENT_TYPE_AUDIT_ANCHOR else "order"


def _refuse(field: str | None, en: str, fa: str) -> ValidationError:
    return ValidationError(en, fa, field=field)


def validate_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """Check one event against the contract; return a plain dict copy. Raises ValidationError.

    Beyond the schema: integers must be real ``int`` (not ``bool`` or ``1.0``) and patterns must
    match the whole string (Python's ``$`` also matches before a final newline).
    """
    if not isinstance(event, Mapping):
        raise _refuse(None, "A sync event must be an object.", "رویداد همگام‌سازی باید یک شیء باشد.")
    definition, fields, int_fields = _SHAPES[_shape_of(event)]
    extra = [k for k in event if k not in fields]
    if extra:
        raise _refuse(
            None,
            f"A sync event may carry only the contract fields; {len(extra)} other field(s) refused.",
            "رویداد همگام‌سازی فقط فیلدهای قرارداد را می‌پذیرد؛ فیلدهای دیگر رد شد.",
        )
    # Validate against the one shape the type selects, so that the error names the field (a oneOf error would not).
    # The compiled check answers "valid" fast; anything else goes through jsonschema for the field name.
    errors = [] if _compiled(definition)(event) else sorted(validator(definition).iter_errors(dict(event)), key=_path)
    if errors:
        field = str(errors[0].path[0]) if errors[0].path else None
        raise _invalid_field(field)
    for name in int_fields:
        value = event[name]
        if value is not None and type(value) is not int:
            raise _invalid_field(name)
    for name, pattern in _patterns(definition).items():
        value = event[name]
        if isinstance(value, str) and not pattern.fullmatch(value):
            raise _invalid_field(name)
    return dict(event)


def _invalid_field(field: str | None) -> ValidationError:
    label = field or "?"
    return _refuse(
        field,
        f"Sync event field '{label}' does not match the contract.",
        f"فیلد «{label}» در رویداد همگام‌سازی با قرارداد سازگار نیست.",
    )


def validate_batch(body: Mapping[str, Any]) -> None:
    """Check a whole request body ``{"events": [...]}`` before it is sent."""
    events = body.get("events") if isinstance(body, Mapping) else None
    envelope_ok = isinstance(body, Mapping) and set(body) == {"events"} and isinstance(events, list)
    if not envelope_ok or not isinstance(events, list) or not 1 <= len(events) <= MAX_BATCH_EVENTS:
        raise _refuse(None, "The sync batch does not match the contract.", "بستهٔ همگام‌سازی با قرارداد سازگار نیست.")
    for event in events:  # one by one (not via $defs/batch) so that the error names the field
        validate_event(event)


def is_valid_response(body: Any) -> bool:
    """True when a 200 answer from the server has the documented shape."""
    # The compiled check says "valid" fast; jsonschema has the last word on anything it refuses.
    return _compiled("response")(body) or validator("response").is_valid(body)


def _random_ref(prefix: str, nbytes: int) -> str:
    return prefix + base64.b32encode(secrets.token_bytes(nbytes)).decode("ascii").rstrip("=").lower()


def new_order_ref() -> str:
    """A fresh random order reference (store it with the order; never derive it)."""
    return _random_ref("o_", 16)


def new_doctor_ref() -> str:
    """A fresh random doctor reference (store it with the doctor's account)."""
    return _random_ref("d_", 16)


def new_workstation_id() -> str:
    return _random_ref("ws_", 10)


def _day_text(day: dt.date | str) -> str:
    # datetime is a date subclass: refuse it so that no time of day can slip in by accident.
    if isinstance(day, dt.datetime):
        raise _invalid_field("day")
    if isinstance(day, dt.date):
        return day.isoformat()
    return day


def make_event(
    *,
    order_ref: str,
    clinic_id: str,
    workstation_id: str,
    service: str,
    status: str,
    day: dt.date | str,
    price_rial: int | None = None,
    turnaround_days: int | None = None,
    doctor_ref: str | None = None,
    views_count: int = 0,
    type: str = EVENT_TYPE_STATE_CHANGED,  # the contract names this field "type"
    event_id: str | None = None,
    **unexpected: object,
) -> dict[str, Any]:
    """Build and validate one event. Any keyword beyond the contract is refused (ValidationError)."""
    if unexpected:
        raise _refuse(
            None,
            f"A sync event may carry only the contract fields; {len(unexpected)} other field(s) refused.",
            "رویداد همگام‌سازی فقط فیلدهای قرارداد را می‌پذیرد؛ فیلدهای دیگر رد شد.",
        )
    event = {
        "event_id": event_id if event_id is not None else str(uuid.uuid4()),
        "order_ref": order_ref,
        "clinic_id": clinic_id,
        "workstation_id": workstation_id,
        "type": type,
        "service": service,
        "status": status,
        "price_rial": price_rial,
        "turnaround_days": turnaround_days,
        "day": _day_text(day),
        "doctor_ref": doctor_ref,
        "views_count": views_count,
    }
    return validate_event(event)


def make_anchor_event(
    *,
    clinic_id: str,
    workstation_id: str,
    day: dt.date | str,
    audit_seq: int,
    audit_head: str,
    event_id: str | None = None,
) -> dict[str, Any]:
    """Build and validate an ``audit.anchor`` event: the audit chain head, nothing else."""
    event = {
        "event_id": event_id if event_id is not None else str(uuid.uuid4()),
        "clinic_id": clinic_id,
        "workstation_id": workstation_id,
        "type": EVENT_TYPE_AUDIT_ANCHOR,
        "day": _day_text(day),
        "audit_seq": audit_seq,
        "audit_head": audit_head,
    }
    return validate_event(event)


def canonical_json(obj: Any) -> str:
    """Deterministic, ASCII-only JSON (same event -> same bytes on every retry)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)
