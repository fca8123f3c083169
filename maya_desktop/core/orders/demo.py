"""Demo orders for `maya-desktop demo` and screenshots: walks a few orders to different states.

Takes photo bytes from the caller (the demo command may read a folder the user points at); it
never reads /work/shared or any fixed path at runtime.
"""

from __future__ import annotations

from collections.abc import Sequence

from maya_desktop.core.orders import consent, payments, quotes, records
from maya_desktop.core.orders.states import VIEWS, Status
from maya_desktop.core.photos import complete_analysis, confirm_views, import_photo, list_photos
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session

DEMO_STATES: tuple[Status, ...] = (Status.DRAFT, Status.PHOTOS_IMPORTED, Status.QUOTED, Status.PAID, Status.CONSENTED)


def create_demo_orders(
    session: Session, photo_bytes: Sequence[bytes], count: int = 5, *, run_analysis: bool = False
) -> list[int]:
    """`count` orders for the first clients, cycling through DEMO_STATES (manager or reception).

    Consented orders go to the first active doctor. Returns the order ids.
    """
    clients = [r[0] for r in session.conn.execute("SELECT id FROM clients ORDER BY id LIMIT ?", (count,))]
    doctor = session.conn.execute(
        "SELECT id FROM staff WHERE role = ? AND active = 1 ORDER BY id", (Role.DOCTOR.value,)
    ).fetchone()
    ids = []
    for n, client_id in enumerate(clients):
        target = DEMO_STATES[n % len(DEMO_STATES)]
        order = records.create_order(session, client_id, "rhinoplasty_analysis", notes="سفارش نمایشی")
        ids.append(order.id)
        if target == Status.DRAFT or not photo_bytes:
            continue
        for data in photo_bytes[:3]:
            import_photo(session, order.id, data, run_analysis=run_analysis)
        if target == Status.PHOTOS_IMPORTED:
            continue
        infos = list_photos(session, order.id)
        confirm_views(session, order.id, {p.id: p.suggested_view or VIEWS[i % len(VIEWS)] for i, p in enumerate(infos)})
        complete_analysis(session, order.id)
        quote = quotes.issue_quote(session, order.id)
        if target == Status.QUOTED:
            continue
        payments.record_payment(session, order.id, "درگاه نمایشی", f"DEMO{order.id:06d}", quote.total_rial)
        if target == Status.CONSENTED and doctor is not None:
            consent.record_consent(session, order.id, int(doctor[0]), "verbal")
    return ids
