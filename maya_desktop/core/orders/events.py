"""Anonymized sync events for order changes (DESIGN §6, P8).

The event carries only: random order_ref, service, status, price, turnaround, the calendar day,
a random doctor_ref and the number of views/files. It is queued in the sync outbox inside the
caller's transaction, so an event exists if and only if the change committed.
"""

from __future__ import annotations

import base64
import secrets
from datetime import UTC
from typing import Any

from maya_desktop.core.orders import clock
from maya_desktop.core.session import Session


def _random_ref(prefix: str) -> str:
    return prefix + base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=").lower()


def new_order_ref() -> str:
    """'o_' + 16 random bytes (base32): not derivable from any id or personal value."""
    try:
        from maya_desktop.core.sync.contract import new_order_ref as contract_ref
    except ImportError:  # the sync package is optional for the orders core
        return _random_ref("o_")
    return contract_ref()


def doctor_ref(conn: Any, staff_id: int) -> str:
    """The doctor's random reference, created on first use (table doctor_refs)."""
    row = conn.execute("SELECT doctor_ref FROM doctor_refs WHERE staff_id = ?", (staff_id,)).fetchone()
    if row:
        return str(row[0])
    ref = _random_ref("d_")
    conn.execute("INSERT INTO doctor_refs(staff_id, doctor_ref) VALUES (?, ?)", (staff_id, ref))
    return ref


def build_order_event(conn: Any, order_id: int) -> dict[str, Any]:
    """The anonymized fields of the event (without clinic/workstation stamping)."""
    order_ref, service, status, price, days, doctor_id, files = conn.execute(
        "SELECT order_ref, service, status, price_rial, turnaround_days, doctor_id, files_count FROM orders"
        " WHERE id = ?",
        (order_id,),
    ).fetchone()
    return {
        "order_ref": order_ref,
        "service": service,
        "status": status,
        "price_rial": price,
        "turnaround_days": days,
        "day": clock.now().astimezone(UTC).date(),
        "doctor_ref": doctor_ref(conn, doctor_id) if doctor_id is not None else None,
        "views_count": int(files),
    }


def enqueue_order_event(session: Session, order_id: int, *, event_type: str | None = None) -> str | None:
    """Queue the order's current state in the outbox (inside the caller's transaction).

    `event_type`: None for a state change; "order.hold_placed" / "order.hold_lifted" for a legal hold
    (the same anonymized fields with the order's current status: nothing about the court).
    Returns the event id, or None when the sync package is not installed in this build.
    """
    try:
        from maya_desktop.core.sync import outbox
    except ImportError:
        return None
    kind: dict[str, Any] = {} if event_type is None else {"event_type": event_type}
    return outbox.enqueue_order_event(session.conn, **build_order_event(session.conn, order_id), **kind)
