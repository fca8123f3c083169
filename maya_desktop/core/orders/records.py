"""Creating, reading and listing orders. A doctor's queries only ever return orders with live
consent for that doctor (the filter is in SQL, not in the GUI)."""

from __future__ import annotations

from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound, ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.events import enqueue_order_event, new_order_ref
from maya_desktop.core.orders.keys import create_order_key
from maya_desktop.core.orders.model import COLUMNS, Order, from_row, load_order
from maya_desktop.core.orders.states import DOCTOR_VISIBLE_STATES, Service, Status
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

NOTES_MAX = 2000
_DOCTOR_FILTER = (
    " AND status IN ({states}) AND EXISTS (SELECT 1 FROM consents c WHERE c.order_id = orders.id"
    " AND c.doctor_id = ? AND c.revoked_at IS NULL)"
)


def clean_notes(notes: str | None) -> str | None:
    text = (notes or "").strip()
    if len(text) > NOTES_MAX:
        raise ValidationError.coded("orders.notes_too_long", "notes", limit=NOTES_MAX)
    return guard_free_text(text, "notes") or None


def create_order(session: Session, client_id: int, service: Service | str, notes: str | None = None) -> Order:
    """A new draft order for a client, with its own random data key and order_ref."""
    session.require("orders.write")
    service = Service(service)
    notes = clean_notes(notes)
    if session.conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
        raise NotFound.coded("orders.client_not_found", client_id=client_id)
    ts = clock.text()
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT INTO orders(order_ref, client_id, service, status, notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_order_ref(), client_id, service.value, Status.DRAFT.value, notes, ts, ts),
        )
        order_id = int(cur.lastrowid)
        create_order_key(session.conn, order_id)
        session.audit("order.created", f"order:{order_id}", {"client": client_id, "service": service.value})
        enqueue_order_event(session, order_id)
    return load_order(session.conn, order_id)


def set_notes(session: Session, order_id: int, notes: str | None) -> Order:
    session.require("orders.write")
    notes = clean_notes(notes)
    order = load_order(session.conn, order_id)
    if order.status == Status.DESTROYED:
        raise NotFound.coded("orders.order_was_destroyed")
    with transaction(session.conn):
        session.conn.execute(
            "UPDATE orders SET notes = ?, updated_at = ? WHERE id = ?", (notes, clock.text(), order_id)
        )
        session.audit("order.notes_changed", f"order:{order_id}")
    return load_order(session.conn, order_id)


def get_order(session: Session, order_id: int) -> Order:
    """One order. A doctor without live consent gets NotFound (the order's existence is not revealed)."""
    session.require("orders.read")
    sql = f"SELECT {COLUMNS} FROM orders WHERE id = ?"
    params: list[Any] = [order_id]
    if session.role == Role.DOCTOR:
        sql += _DOCTOR_FILTER.format(states=",".join("?" * len(DOCTOR_VISIBLE_STATES)))
        params += [s.value for s in DOCTOR_VISIBLE_STATES] + [session.staff.id]
    row = session.conn.execute(sql, params).fetchone()
    if row is None:
        if session.role == Role.DOCTOR:
            session.audit("order.access_denied", f"order:{order_id}", {"action": "read"})
        raise NotFound.coded("orders.order_not_found", order_id=order_id)
    return from_row(row)


def list_orders(
    session: Session,
    *,
    status: Status | str | None = None,
    client_id: int | None = None,
    include_destroyed: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[Order]:
    """Newest first. Doctors: only their consented orders (consented / in_review / delivered)."""
    session.require("orders.read")
    sql = f"SELECT {COLUMNS} FROM orders WHERE 1 = 1"
    params: list[Any] = []
    if status is not None:
        sql += " AND status = ?"
        params.append(Status(status).value)
    elif not include_destroyed:
        sql += " AND status != 'destroyed'"
    if client_id is not None:
        sql += " AND client_id = ?"
        params.append(client_id)
    if session.role == Role.DOCTOR:
        sql += _DOCTOR_FILTER.format(states=",".join("?" * len(DOCTOR_VISIBLE_STATES)))
        params += [s.value for s in DOCTOR_VISIBLE_STATES] + [session.staff.id]
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [from_row(r) for r in session.conn.execute(sql, params)]
