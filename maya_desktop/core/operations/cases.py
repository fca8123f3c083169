"""The doctor's case list, the manager's emergency-access list and what a viewer asks for while a case is open
(plain data in and out).

`cases.list`: a doctor's cases with live consent (a manager: every live rhinoplasty case); `cases.open`: the
access check and its audit entry (core.orders.cases); `cases.break_glass_active`: whether the signed-in
manager holds an emergency access to the order now (then no new reason is asked); `cases.earlier_photos`:
photos of the same client's earlier orders this person may open now, to compare.
"""

from __future__ import annotations

from maya_desktop.core.operations.catalogue import NoRequest, OrderRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders import cases
from maya_desktop.core.orders.access import active_break_glass
from maya_desktop.core.orders.cases import CaseRow, ComparablePhoto, OpenedCase, earlier_photos
from maya_desktop.core.session import Session


@operation("cases.list")
def list_cases(session: Session, request: NoRequest) -> tuple[CaseRow, ...]:
    return tuple(cases.list_cases(session))


@operation("cases.open", changes={"audit"})
def open_case(session: Session, request: OrderRef) -> OpenedCase:
    return cases.open_case(session, request.order_id)


@operation("cases.break_glass_active")
def break_glass_active(session: Session, request: OrderRef) -> int | None:
    session.require("breakglass")
    return active_break_glass(session.conn, request.order_id, session.staff.id)


@operation("cases.earlier_photos")
def list_earlier_photos(session: Session, request: OrderRef) -> list[ComparablePhoto]:
    """Photos of the same client's earlier orders this person may open now (the consent rules decide)."""
    return earlier_photos(session, request.order_id)
