"""The `Order` record as the GUI sees it, and loading it from the database (no permission checks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maya_desktop.core.errors import NotFound
from maya_desktop.core.orders.states import Service, Status

COLUMNS = (
    "id, order_ref, client_id, service, status, doctor_id, urgent, price_rial, turnaround_days, files_count,"
    " quote_override, notes, created_at, updated_at, quoted_at, paid_at, consented_at, review_started_at,"
    " delivered_at, destroy_after, cancelled_at, destroyed_at, destroyed_rule, version"
)


@dataclass(frozen=True)
class Order:
    id: int
    order_ref: str  # random; the only id that leaves the machine (in sync events)
    client_id: int | None  # None once destroyed
    service: Service
    status: Status
    doctor_id: int | None  # set when consent names a doctor
    urgent: bool
    price_rial: int | None
    turnaround_days: int | None
    files_count: int  # photos (views) or documents
    quote_override: bool
    notes: str | None
    created_at: str
    updated_at: str
    quoted_at: str | None
    paid_at: str | None
    consented_at: str | None
    review_started_at: str | None
    delivered_at: str | None
    destroy_after: str | None
    cancelled_at: str | None
    destroyed_at: str | None
    destroyed_rule: str | None
    version: int = 1  # moved on by a trigger at every change (migration 13); a stale change is refused


def from_row(row: tuple[Any, ...]) -> Order:
    values = list(row)
    values[3] = Service(values[3])
    values[4] = Status(values[4])
    values[6] = bool(values[6])
    values[10] = bool(values[10])
    return Order(*values)


def load_order(conn: Any, order_id: int) -> Order:
    row = conn.execute(f"SELECT {COLUMNS} FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        raise NotFound(f"Order #{order_id} does not exist.", "این سفارش وجود ندارد.")
    return from_row(row)
