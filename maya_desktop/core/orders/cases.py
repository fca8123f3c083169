"""The doctor's case list and opening a case (P10, P11).

A doctor has no `clients.read` permission: the client's name reaches the doctor only here, and only
for orders that `records.list_orders` / `records.get_order` already filter to live consent for that
doctor. Mobile and email are added only when the clinic setting `doctor_sees_contact` is on.
Opening a case is audited ("case.opened", object ref `order:N`, with the basis of access).
A manager opens a case only through an active break-glass (basis "breakglass").
"""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.records import get_order, list_orders
from maya_desktop.core.orders.states import LIVE_STATES, Service
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting


@dataclass(frozen=True)
class CaseRow:
    order: Order
    first_name: str
    last_name: str
    mobile: str | None = None  # only with the setting doctor_sees_contact
    email: str | None = None

    @property
    def client_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class OpenedCase:
    row: CaseRow
    basis: str  # consent | breakglass | import


def _names(session: Session, client_ids: list[int]) -> dict[int, tuple[str, str, str, str | None]]:
    if not client_ids:
        return {}
    marks = ",".join("?" * len(client_ids))
    rows = session.conn.execute(
        f"SELECT id, first_name, last_name, mobile, email FROM clients WHERE id IN ({marks})", client_ids
    )
    return {int(r[0]): (r[1], r[2], r[3], r[4]) for r in rows}


def _rows(session: Session, orders: list[Order]) -> list[CaseRow]:
    contact = session.role != Role.DOCTOR or bool(get_setting(session.conn, "doctor_sees_contact"))
    names = _names(session, sorted({o.client_id for o in orders if o.client_id is not None}))
    out = []
    for order in orders:
        first, last, mobile, email = names.get(order.client_id or -1, ("", "", None, None))
        out.append(CaseRow(order, first, last, mobile if contact else None, email if contact else None))
    return out


def list_cases(session: Session, limit: int = 500) -> list[CaseRow]:
    """Doctor: the rhinoplasty orders shared with them (live consent; filtered in SQL by core).
    Manager (break-glass screen): every live rhinoplasty order, so one can be chosen."""
    if session.role == Role.DOCTOR:
        session.require("orders.review")
    else:
        session.require("breakglass")
    orders = [
        o
        for o in list_orders(session, limit=limit)
        if o.service == Service.RHINOPLASTY_ANALYSIS and o.status in LIVE_STATES
    ]
    return _rows(session, orders)


def open_case(session: Session, order_id: int) -> OpenedCase:
    """Check access to the order's files (consent / break-glass), audit the opening, return the row.

    A doctor without live consent gets NotFound from `get_order` (audited there) and learns nothing."""
    if session.role == Role.DOCTOR:
        order = get_order(session, order_id)
    else:
        session.require("orders.read")
        order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, "case")
    session.audit("case.opened", f"order:{order_id}", {"basis": basis})
    return OpenedCase(_rows(session, [order])[0], basis)


@dataclass(frozen=True)
class ComparablePhoto:
    """A photo of the same client's earlier order that this person may open now (metadata only)."""

    order_id: int
    photo_id: int
    view: str | None
    order_created_at: str  # UTC ISO; the window shows it as a local Jalali date


def earlier_photos(session: Session, order_id: int) -> list[ComparablePhoto]:
    """Photos of the same client's earlier orders that the access rules let this person open now, to compare
    with the case on screen: for a doctor, the earlier orders consented to them (live consent); for a
    manager, only orders with their own active break-glass. Nothing is decrypted here; opening one of these
    photos is checked and audited again by `photos.open_photo`."""
    from maya_desktop.core.orders.access import file_access_basis
    from maya_desktop.core.photos import list_photos

    if session.role == Role.DOCTOR:
        order = get_order(session, order_id)
    else:
        session.require("orders.read")
        order = load_order(session.conn, order_id)
    require_file_access(session, order, "case")  # only from a case this person has open
    if order.client_id is None:
        return []
    out: list[ComparablePhoto] = []
    for other in list_orders(session, client_id=order.client_id):
        if other.id >= order.id or other.service != Service.RHINOPLASTY_ANALYSIS:
            continue
        if file_access_basis(session, other) is None:
            continue
        out.extend(ComparablePhoto(other.id, p.id, p.view, other.created_at) for p in list_photos(session, other.id))
    return out
