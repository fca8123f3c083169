"""Break-glass: a manager's emergency access to one order's files (reason required, ≤ 60 minutes).

Every start, end and use is audited; the reason text stays in the encrypted DB, not in the log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import StateError, ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import LIVE_STATES
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

MAX_MINUTES = 60
REASON_MIN = 10
REASON_MAX = 500


@dataclass(frozen=True)
class BreakGlass:
    id: int
    order_id: int
    started_at: str
    expires_at: str


def start_break_glass(session: Session, order_id: int, reason: str, minutes: int = 30) -> BreakGlass:
    session.require("breakglass")
    reason = guard_free_text(" ".join((reason or "").split()), "reason")
    if not REASON_MIN <= len(reason) <= REASON_MAX:
        raise ValidationError(
            f"Explain why emergency access is needed ({REASON_MIN}–{REASON_MAX} characters).",
            "دلیل دسترسی اضطراری را بنویسید (دست‌کم ۱۰ نویسه).",
            "reason",
        )
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise ValidationError("Emergency access lasts 1–60 minutes.", "دسترسی اضطراری ۱ تا ۶۰ دقیقه است.", "minutes")
    order = load_order(session.conn, order_id)
    if order.status not in LIVE_STATES:
        raise StateError("This order's files no longer exist.", "فایل‌های این سفارش دیگر وجود ندارند.")
    start = clock.now()
    expires = start + dt.timedelta(minutes=minutes)
    with transaction(session.conn):
        cur = session.conn.execute(
            "INSERT INTO break_glass(order_id, staff_id, reason, started_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            (order_id, session.staff.id, reason, clock.text(start), clock.text(expires)),
        )
        bg_id = int(cur.lastrowid)
        session.audit("breakglass.started", f"order:{order_id}", {"breakglass": bg_id, "minutes": minutes})
    return BreakGlass(bg_id, order_id, clock.text(start), clock.text(expires))


def end_break_glass(session: Session, break_glass_id: int) -> None:
    session.require("breakglass")
    with transaction(session.conn):
        cur = session.conn.execute(
            "UPDATE break_glass SET ended_at = ? WHERE id = ? AND staff_id = ? AND ended_at IS NULL",
            (clock.text(), break_glass_id, session.staff.id),
        )
        if cur.rowcount:
            session.audit("breakglass.ended", f"breakglass:{break_glass_id}")


def active_break_glasses(session: Session) -> list[BreakGlass]:
    """This manager's running break-glass windows (for a visible banner with a countdown)."""
    session.require("breakglass")
    rows = session.conn.execute(
        "SELECT id, order_id, started_at, expires_at FROM break_glass WHERE staff_id = ? AND ended_at IS NULL"
        " AND expires_at > ? ORDER BY id",
        (session.staff.id, clock.text()),
    )
    return [BreakGlass(*r) for r in rows]
