"""A client's order history for reception (the client page): every order still linked to the client, newest
first, with its state, dates and amounts (quoted total and what was paid).

Reception and managers only: a doctor sees orders through consent, one case at a time, never a client's
list. Destroyed orders are no longer linked to anyone (their client_id is cleared), so they do not appear;
`destroyed` counts nothing personal and is not given.
"""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core.errors import NotFound
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders.model import COLUMNS, from_row
from maya_desktop.core.session import Session

HISTORY_LIMIT = 1000


@dataclass(frozen=True)
class HistoryOrder:
    order_id: int
    service: str
    status: str
    created_at: str  # UTC ISO timestamps; the window shows them as local Jalali dates
    quoted_at: str | None
    paid_at: str | None
    delivered_at: str | None
    closed_at: str | None  # cancelled (or expired) at
    price_rial: int | None  # the quoted total
    paid_rial: int  # sum of the recorded payments
    urgent: bool


@dataclass(frozen=True)
class ClientHistory:
    client_id: int
    client_name: str
    orders: tuple[HistoryOrder, ...]

    @property
    def quoted_rial(self) -> int:
        return sum(o.price_rial or 0 for o in self.orders)

    @property
    def paid_rial(self) -> int:
        return sum(o.paid_rial for o in self.orders)


@operation("clients.history")
def history(session: Session, request: ClientRef) -> ClientHistory:
    session.require("orders.write")  # reception and managers (a doctor is refused, and the try audited)
    session.require("clients.read")
    row = session.conn.execute(
        "SELECT first_name, last_name FROM clients WHERE id = ?", (request.client_id,)
    ).fetchone()
    if row is None:
        raise NotFound.coded("orders.client_not_found", client_id=request.client_id)
    paid = dict(
        session.conn.execute(
            "SELECT p.order_id, sum(p.amount_rial) FROM payments p JOIN orders o ON o.id = p.order_id"
            " WHERE o.client_id = ? GROUP BY p.order_id",
            (request.client_id,),
        ).fetchall()
    )
    orders = [
        from_row(r)
        for r in session.conn.execute(
            f"SELECT {COLUMNS} FROM orders WHERE client_id = ? ORDER BY id DESC LIMIT ?",
            (request.client_id, HISTORY_LIMIT),
        )
    ]
    return ClientHistory(
        client_id=request.client_id,
        client_name=f"{row[0]} {row[1]}",
        orders=tuple(
            HistoryOrder(
                order_id=o.id,
                service=o.service.value,
                status=o.status.value,
                created_at=o.created_at,
                quoted_at=o.quoted_at,
                paid_at=o.paid_at,
                delivered_at=o.delivered_at,
                closed_at=o.cancelled_at or (o.updated_at if o.status.value == "expired" else None),
                price_rial=o.price_rial,
                paid_rial=int(paid.get(o.id, 0)),
                urgent=o.urgent,
            )
            for o in orders
        ),
    )
