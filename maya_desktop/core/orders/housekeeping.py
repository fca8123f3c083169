"""Policy-driven destruction and cleanup: expire old quotes, destroy due orders, sweep orphans.

`purge_due` is safe to run at any time by any signed-in person (permission "orders.purge"): it
only ever destroys what the clinic's settings say is due. Run `on_open` after login (GUI) and the
`maya-desktop purge` command from a scheduler for unattended workstations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from maya_desktop.core import blobstore
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.delivery import retention_days
from maya_desktop.core.orders.destruction import DestructionReceipt, destroy_order
from maya_desktop.core.orders.lifecycle import advance
from maya_desktop.core.orders.states import Action, Status
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting


@dataclass(frozen=True)
class PurgeReport:
    expired: tuple[int, ...] = ()
    destroyed: tuple[DestructionReceipt, ...] = field(default=())
    orphans_removed: int = 0


def _expiry_days(conn: object) -> int:
    value = get_setting(conn, "quote_expiry_days")
    return max(1, int(value if value is not None else 14))


def expire_quotes(session: Session, now: dt.datetime | None = None) -> list[int]:
    """Quoted, unpaid orders older than `quote_expiry_days` become expired. Returns their ids."""
    session.require("orders.purge")
    cutoff = clock.text((now or clock.now()) - dt.timedelta(days=_expiry_days(session.conn)))
    ids = [
        r[0]
        for r in session.conn.execute(
            "SELECT id FROM orders WHERE status = ? AND quoted_at <= ? ORDER BY id", (Status.QUOTED.value, cutoff)
        )
    ]
    for order_id in ids:
        advance(session, order_id, Action.EXPIRE)
    return ids


def due_for_destruction(session: Session, now: dt.datetime | None = None) -> list[tuple[int, str]]:
    """(order id, rule) of orders whose files must go now."""
    moment = now or clock.now()
    retention_cutoff = clock.text(moment - dt.timedelta(days=retention_days(session.conn)))
    rows = session.conn.execute(
        "SELECT id, status FROM orders WHERE status IN (?, ?)"
        " OR (status = ? AND (delivered_at <= ? OR destroy_after <= ?)) ORDER BY id",
        (Status.CANCELLED.value, Status.EXPIRED.value, Status.DELIVERED.value, retention_cutoff, clock.text(moment)),
    )
    rules = {Status.CANCELLED.value: "cancelled", Status.EXPIRED.value: "expired", Status.DELIVERED.value: "retention"}
    return [(int(order_id), rules[status]) for order_id, status in rows]


def purge_due(session: Session, now: dt.datetime | None = None) -> PurgeReport:
    """Expire old quotes, then destroy every order that is due. Returns what was done."""
    session.require("orders.purge")
    with session.vault.lock:
        expired = expire_quotes(session, now)
        receipts = [
            destroy_order(session, order_id, rule, action=Action.PURGE)
            for order_id, rule in due_for_destruction(session, now)
        ]
    return PurgeReport(tuple(expired), tuple(receipts))


def on_open(session: Session) -> PurgeReport:
    """After login, before any worker starts: remove orphan ciphertext, then purge what is due."""
    with session.vault.lock:
        orphans = blobstore.sweep_orphans(
            session.conn, session.vault.data_dir.blobs, min_age_seconds=blobstore.ORPHAN_MIN_AGE_SECONDS
        )
        report = purge_due(session)
    return PurgeReport(report.expired, report.destroyed, len(orphans))
