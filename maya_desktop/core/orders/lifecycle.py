"""`advance`: the only place an order's status changes.

One call = permission check (audited when refused) + state check (StateError, fa/en) + doctor's
consent check + UPDATE + audit entry + sync event + the client's notice (core/notices), in one transaction.
"""

from __future__ import annotations

from typing import Any

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import PermissionDenied, StateError
from maya_desktop.core.notices.outbox import enqueue_order_notice
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.access import live_consent_id
from maya_desktop.core.orders.events import enqueue_order_event
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.states import STATUS_LABELS_FA, TRANSITIONS, Action, Rule, Status
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session

# Columns a transition may set besides status (never user-chosen names).
SETTABLE = frozenset(
    {
        "doctor_id",
        "urgent",
        "price_rial",
        "turnaround_days",
        "quote_sealed",
        "quote_override",
        "override_reason",
        "quoted_at",
        "paid_at",
        "consented_at",
        "review_started_at",
        "delivered_at",
        "destroy_after",
        "cancelled_at",
        "cancel_reason",
        "destroyed_at",
        "destroyed_rule",
        "client_id",
        "notes",
    }
)


def state_error(action: Action, status: Status) -> StateError:
    return StateError(
        f"The order is '{status}'; '{action}' is not possible in this state.",
        f"سفارش در وضعیت «{STATUS_LABELS_FA[status]}» است و این کار در این وضعیت ممکن نیست.",
    )


def load_for_import(session: Session, order_id: int) -> Order:
    """The order a file is being imported into, read inside the import's transaction: it must still take files."""
    order = load_order(session.conn, order_id)
    if order.status not in (Status.DRAFT, Status.PHOTOS_IMPORTED):
        raise state_error(Action.IMPORT_FILES, order.status)
    return order


def file_imported(session: Session, order: Order) -> None:
    """Count one more file on `order` (read by load_for_import); a draft's first file moves it on."""
    session.conn.execute("UPDATE orders SET files_count = files_count + 1 WHERE id = ?", (order.id,))
    if order.status == Status.DRAFT:
        advance(session, order.id, Action.IMPORT_FILES)


def check(session: Session, order: Order, action: Action) -> Rule:
    """Raise unless `session` may do `action` on `order` now. Call outside a transaction so a
    refusal's audit entry is kept."""
    rule = TRANSITIONS[action]
    session.require(rule.permission)
    # Consent before state: a doctor without consent learns nothing about the order, not even its state.
    if rule.needs_consent and session.role == Role.DOCTOR:
        if live_consent_id(session.conn, order.id, session.staff.id) is None:
            session.audit("order.access_denied", f"order:{order.id}", {"action": str(action)})
            raise PermissionDenied(
                "This order was not shared with you (no live consent).",
                "این سفارش با رضایت مشتری برای شما ارسال نشده است.",
            )
    if order.status not in rule.sources:
        raise state_error(action, order.status)
    return rule


def advance(
    session: Session,
    order_id: int,
    action: Action,
    *,
    fields: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> Order:
    """Move the order along `action`; returns the updated order. `details` must hold no PII."""
    order = load_order(session.conn, order_id)
    rule = check(session, order, action)
    values = dict(fields or {})
    unknown = set(values) - SETTABLE
    if unknown:
        raise ValueError(f"not settable by a transition: {sorted(unknown)}")
    values["status"] = rule.target.value
    values["updated_at"] = clock.text()
    assignments = ", ".join(f"{name} = ?" for name in values)
    with transaction(session.conn):
        cur = session.conn.execute(
            f"UPDATE orders SET {assignments} WHERE id = ? AND status = ?",
            (*values.values(), order_id, order.status.value),
        )
        if cur.rowcount != 1:  # someone else moved it between our read and write
            raise state_error(action, load_order(session.conn, order_id).status)
        audit_id = session.audit(
            f"order.{action}",
            f"order:{order_id}",
            {"from": order.status.value, "to": rule.target.value, **(details or {})},
        )
        enqueue_order_event(session, order_id)
        enqueue_order_notice(session, order.client_id, order_id, str(action), audit_id)  # the client's notice
    return load_order(session.conn, order_id)
