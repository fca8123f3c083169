"""Who may decrypt an order's files right now (P10, P11). Every decision about files is made here.

- a doctor: only with live (not revoked) consent naming them, once the order is consented;
- reception and the manager: only during the import phase (draft / photos_imported), to check
  and label what they imported;
- the manager otherwise only with an active break-glass for that order (reason, ≤ 60 minutes);
- and nobody before accepting the current confidentiality agreement (P11).
Denials are audited.
"""

from __future__ import annotations

from typing import Any

from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import DOCTOR_VISIBLE_STATES, IMPORT_PHASE_STATES
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session


def live_consent_id(conn: Any, order_id: int, doctor_id: int) -> int | None:
    row = conn.execute(
        "SELECT id FROM consents WHERE order_id = ? AND doctor_id = ? AND revoked_at IS NULL ORDER BY id DESC",
        (order_id, doctor_id),
    ).fetchone()
    return None if row is None else int(row[0])


def active_break_glass(conn: Any, order_id: int, staff_id: int) -> int | None:
    row = conn.execute(
        "SELECT id FROM break_glass WHERE order_id = ? AND staff_id = ? AND ended_at IS NULL AND expires_at > ?"
        " ORDER BY id DESC",
        (order_id, staff_id, clock.text()),
    ).fetchone()
    return None if row is None else int(row[0])


def doctor_can_see(conn: Any, order: Order, doctor_id: int) -> bool:
    return order.status in DOCTOR_VISIBLE_STATES and live_consent_id(conn, order.id, doctor_id) is not None


def file_access_basis(session: Session, order: Order) -> str | None:
    """'consent' | 'import' | 'breakglass' when this person may decrypt the order's files now, else None."""
    role = session.role
    if role == Role.DOCTOR:
        return "consent" if doctor_can_see(session.conn, order, session.staff.id) else None
    if order.status in IMPORT_PHASE_STATES and role in (Role.RECEPTIONIST, Role.MANAGER):
        return "import"
    if role == Role.MANAGER and active_break_glass(session.conn, order.id, session.staff.id) is not None:
        return "breakglass"
    return None


def require_file_access(session: Session, order: Order, what: str) -> str:
    """Return the basis of access, or audit the refusal and raise PermissionDenied."""
    if session.vault_locked:
        raise PermissionDenied.coded("vault.locked")
    from maya_desktop.core.staff import needs_agreement  # lazy: staff -> vault -> migrations -> orders

    if needs_agreement(session):  # P11: no access to client files before accepting confidentiality
        session.audit("order.file_access_denied", f"order:{order.id}", {"what": what, "reason": "agreement"})
        raise PermissionDenied(
            "Accept the confidentiality agreement before opening client files.",
            "پیش از باز کردن فایل‌های مشتری، تعهدنامهٔ رازداری را بپذیرید.",
        )
    basis = file_access_basis(session, order)
    if basis is None:
        session.audit("order.file_access_denied", f"order:{order.id}", {"what": what, "role": str(session.role)})
        raise PermissionDenied(
            "You may not open this order's files (no live consent, not in the import step, or no break-glass).",
            "شما اجازهٔ باز کردن فایل‌های این سفارش را ندارید (رضایت فعال یا دسترسی اضطراری وجود ندارد).",
        )
    return basis
