"""Legal hold: "files are destroyed after delivery" (P6) and "a court with an order may have them" (P12)
without contradiction.

A manager places a hold when recording or approving a court's request; from then until the request is
closed or refused, the data the request covers is not destroyed by retention, a purge, a request to
destroy, a cancellation or a client erase. The hold covers the request's client (no erase) and the orders
its scope names (all of the client's orders when it names none) as soon as the scope asks for any data
an order's destruction removes (HOLDING_KINDS).

The check sits in the functions that destroy (`destruction.destroy_order`, `clients.erase_client`), so it
applies wherever destruction is started from. A destruction that was due (or asked for) while held is
written down once in `legal_hold_deferrals` and audited once (`legal.destruction_deferred`), however
often the purge runs; `HeldByLegalRequest` says why, in English and Persian. When the hold ends, what was
deferred runs at once (`housekeeping.purge_due`) and its deletion receipt names the hold.

Placing or lifting a hold queues `order.hold_placed` / `order.hold_lifted` sync events carrying only the
order's anonymized metadata and current status: no court, case or client detail leaves the clinic.
Audit details hold request and order ids only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import StateError
from maya_desktop.core.legal.schema import Scope
from maya_desktop.core.orders import clock
from maya_desktop.core.session import Session

# Scope kinds whose data an order's destruction removes (photos, reports, documents, notes, payment refs).
HOLDING_KINDS = frozenset({"orders", "photos", "reports", "documents"})
# The clinic's choice (settings): show a hold in the client's access report only once it is lifted (the
# default: a court may not want its interest known while the case runs), or at once.
DISCLOSURE_SETTING = "legal_hold_shown_while_active"


@dataclass(frozen=True)
class Hold:
    request_id: int
    client_id: int | None
    scope: Scope
    placed_at: str | None
    lifted_at: str | None

    @property
    def holds_orders(self) -> bool:
        return bool(HOLDING_KINDS & set(self.scope.kinds))

    def covers_order(self, order_id: int, client_id: int | None) -> bool:
        if not self.holds_orders:
            return False
        if self.scope.order_ids is not None:
            return order_id in self.scope.order_ids
        return client_id is not None and client_id == self.client_id


@dataclass(frozen=True)
class Deferral:
    object_ref: str  # "order:N" or "client:N"
    rule: str  # the destruction rule that was due (destruction.RULES)
    request_id: int
    deferred_at: str


class HeldByLegalRequest(StateError):
    """A destruction that was due or asked for, deferred because a legal hold covers the data."""

    def __init__(self, request_id: int, what: str = "order") -> None:
        if what == "client":
            en = (
                f"This client's data is held by legal request #{request_id}: it cannot be erased until the "
                "request is closed. The erase is recorded and will run as soon as the hold ends."
            )
            fa = (
                "اطلاعات این مشتری به دستور مرجع قضایی نگه داشته می‌شود و تا بسته شدن درخواست قانونی حذف نمی‌شود."
                " درخواست حذف ثبت شد و با پایان نگهداری بی‌درنگ انجام می‌شود."
            )
        else:
            en = (
                f"This order is held by legal request #{request_id}: its files are not destroyed until the "
                "request is closed; the destruction then runs at once."
            )
            fa = (
                "فایل‌های این سفارش به دستور مرجع قضایی نگه داشته می‌شود و تا بسته شدن درخواست قانونی نابود نمی‌شود؛"
                " پس از آن بی‌درنگ نابود می‌شود."
            )
        super().__init__(en, fa)
        self.request_id = request_id


def _hold_from_row(row: tuple[Any, ...]) -> Hold:
    return Hold(int(row[0]), row[1], Scope.from_json(row[2]), row[3], row[4])


_HOLD_SELECT = "SELECT id, client_id, scope, hold_placed_at, hold_lifted_at FROM legal_requests"


def active_holds(conn: Any) -> list[Hold]:
    rows = conn.execute(
        _HOLD_SELECT + " WHERE hold_placed_at IS NOT NULL AND hold_lifted_at IS NULL ORDER BY id"
    ).fetchall()
    return [_hold_from_row(r) for r in rows]


def client_holds(conn: Any, client_id: int) -> list[Hold]:
    """Every hold ever placed for the client (lifted ones too), oldest first."""
    rows = conn.execute(
        _HOLD_SELECT + " WHERE hold_placed_at IS NOT NULL AND client_id = ? ORDER BY id", (client_id,)
    ).fetchall()
    return [_hold_from_row(r) for r in rows]


def order_hold(conn: Any, order_id: int) -> int | None:
    """The request whose hold covers this order now (the oldest), or None. No permission needed: every
    role that sees the order may see *that* it is held (never by which court)."""
    row = conn.execute("SELECT client_id, status FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None or row[1] == "destroyed":
        return None
    return next((h.request_id for h in active_holds(conn) if h.covers_order(order_id, row[0])), None)


def is_order_held(session: Session, order_id: int) -> bool:
    """For the order screen: "held by a legal request" instead of a destruction date (never which court)."""
    session.require("orders.read")
    return order_hold(session.conn, order_id) is not None


def client_hold(conn: Any, client_id: int) -> int | None:
    """The request whose hold covers this client now (any scope: the court asked about them), or None."""
    return next((h.request_id for h in active_holds(conn) if h.client_id == client_id), None)


def covered_orders(conn: Any, hold: Hold) -> list[int]:
    """The live (not yet destroyed) orders a hold covers."""
    if not hold.holds_orders:
        return []
    if hold.scope.order_ids is not None:
        marks = ",".join("?" * len(hold.scope.order_ids))
        rows = conn.execute(
            f"SELECT id FROM orders WHERE id IN ({marks}) AND status != 'destroyed' ORDER BY id",  # nosec B608
            hold.scope.order_ids,
        )
    else:
        rows = conn.execute(
            "SELECT id FROM orders WHERE client_id = ? AND status != 'destroyed' ORDER BY id", (hold.client_id,)
        )
    return [int(r[0]) for r in rows]


# ---- deferring ---------------------------------------------------------------------------------
def defer(session: Session, object_ref: str, rule: str, request_id: int) -> bool:
    """Write down (once) that a destruction was due but held, with its audit entry. Returns True the
    first time: a purge every 10 minutes does not add an entry each run."""
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT OR IGNORE INTO legal_hold_deferrals(object_ref, rule, request_id, deferred_at) VALUES (?, ?, ?, ?)",
            (object_ref, rule, request_id, clock.text()),
        )
        first = bool(cur.rowcount == 1)
        if first:
            session.audit("legal.destruction_deferred", object_ref, {"request": request_id, "rule": rule})
    return first


def refuse_if_order_held(session: Session, order_id: int, rule: str) -> None:
    """Called by `destroy_order` before anything is destroyed: defer and raise when held."""
    request_id = order_hold(session.conn, order_id)
    if request_id is not None:
        defer(session, f"order:{order_id}", rule, request_id)
        raise HeldByLegalRequest(request_id)


def refuse_if_client_held(session: Session, client_id: int) -> None:
    """Called by `erase_client` before its transaction: defer and raise when held."""
    request_id = client_hold(session.conn, client_id)
    if request_id is not None:
        defer(session, f"client:{client_id}", "client_erased", request_id)
        raise HeldByLegalRequest(request_id, "client")


def deferral_for(conn: Any, order_id: int, client_id: int | None) -> Deferral | None:
    """The deferral an order's destruction settles (its own, or its client's erase)."""
    refs = [f"order:{order_id}"] + ([f"client:{client_id}"] if client_id is not None else [])
    marks = ",".join("?" * len(refs))
    row = conn.execute(
        "SELECT object_ref, rule, request_id, deferred_at FROM legal_hold_deferrals"  # nosec B608
        f" WHERE object_ref IN ({marks}) ORDER BY object_ref DESC LIMIT 1",
        refs,
    ).fetchone()
    return Deferral(row[0], row[1], int(row[2]), row[3]) if row else None


def settle(conn: Any, object_ref: str) -> None:
    """The deferred destruction happened (inside its transaction)."""
    conn.execute("DELETE FROM legal_hold_deferrals WHERE object_ref = ?", (object_ref,))


def released_deferrals(conn: Any) -> list[Deferral]:
    """Deferred destructions no hold covers any more: due now."""
    rows = conn.execute(
        "SELECT object_ref, rule, request_id, deferred_at FROM legal_hold_deferrals ORDER BY deferred_at, object_ref"
    ).fetchall()
    released = []
    for ref, rule, request_id, at in rows:
        kind, _, number = ref.partition(":")
        held = order_hold(conn, int(number)) if kind == "order" else client_hold(conn, int(number))
        if held is None:
            released.append(Deferral(ref, rule, int(request_id), at))
    return released


# ---- placing and lifting (inside the request step's transaction) -------------------------------
def _enqueue(session: Session, order_ids: list[int], event_type: str) -> None:
    from maya_desktop.core.orders.events import enqueue_order_event

    for order_id in order_ids:
        enqueue_order_event(session, order_id, event_type=event_type)


def place_hold(session: Session, request_id: int, client_ref: str) -> None:
    """Mark the request as holding its data. The caller checked role and state and owns the transaction."""
    from maya_desktop.core.sync.contract import EVENT_TYPE_HOLD_PLACED

    cur = session.conn.execute(
        "UPDATE legal_requests SET hold_placed_at = ?, hold_placed_by = ? WHERE id = ? AND hold_placed_at IS NULL",
        (clock.text(), session.staff.id, request_id),
    )
    if cur.rowcount != 1:
        return  # already held: placing twice changes nothing
    hold = _load_hold(session.conn, request_id)
    orders = covered_orders(session.conn, hold)
    session.audit("legal.hold_placed", client_ref, {"request": request_id, "orders": len(orders)})
    _enqueue(session, orders, EVENT_TYPE_HOLD_PLACED)


def lift_hold(session: Session, request_id: int, client_ref: str) -> None:
    """End the request's hold (closing or refusing it). What was due under it is deferred first, so
    that its receipt names the hold; the caller runs `housekeeping.purge_due` after the commit."""
    from maya_desktop.core.orders.housekeeping import due_for_destruction
    from maya_desktop.core.sync.contract import EVENT_TYPE_HOLD_LIFTED

    hold = _load_hold(session.conn, request_id)
    if hold.placed_at is None or hold.lifted_at is not None:
        return
    orders = covered_orders(session.conn, hold)
    for order_id, rule in due_for_destruction(session):
        if order_id in orders:
            defer(session, f"order:{order_id}", rule, request_id)
    session.conn.execute(
        "UPDATE legal_requests SET hold_lifted_at = ?, hold_lifted_by = ? WHERE id = ?",
        (clock.text(), session.staff.id, request_id),
    )
    session.audit("legal.hold_lifted", client_ref, {"request": request_id, "orders": len(orders)})
    _enqueue(session, orders, EVENT_TYPE_HOLD_LIFTED)


def _load_hold(conn: Any, request_id: int) -> Hold:
    return _hold_from_row(conn.execute(_HOLD_SELECT + " WHERE id = ?", (request_id,)).fetchone())
