"""Policy-driven destruction and cleanup: expire old quotes, destroy due orders, sweep orphans.

`purge_due` is safe to run at any time by any signed-in person (permission "orders.purge"): it
only ever destroys what the clinic's settings say is due. Run `on_open` after login (GUI) and the
`maya-desktop purge` command from a scheduler for unattended workstations.

An order under a legal hold is skipped (`held`, with the request and since when; the deferral is
audited once, not at every run); a destruction deferred by a hold that has ended runs here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from maya_desktop.core import blobstore
from maya_desktop.core.db import Connection, transaction
from maya_desktop.core.errors import PermissionDenied, StateError
from maya_desktop.core.legal import holds
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.delivery import retention_days
from maya_desktop.core.orders.destruction import DestructionReceipt, destroy_client_orders, destroy_order
from maya_desktop.core.orders.lifecycle import advance
from maya_desktop.core.orders.sealing import seal_past_analysis
from maya_desktop.core.orders.states import Action, Status
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting

POLICY_RULES = ("retention", "cancelled", "expired")  # destroyed by Action.PURGE; the others on request


@dataclass(frozen=True)
class HeldDestruction:
    """A destruction that was due and did not happen, and why: a legal hold."""

    order_id: int
    order_ref: str
    rule: str
    request_id: int
    since: str  # when it was first deferred


@dataclass(frozen=True)
class PurgeReport:
    expired: tuple[int, ...] = ()
    destroyed: tuple[DestructionReceipt, ...] = field(default=())
    orphans_removed: int = 0
    held: tuple[HeldDestruction, ...] = field(default=())

    def then(self, later: PurgeReport) -> PurgeReport:
        """This report followed by a later run's: what both did, and what is *still* held (the later run's)."""
        return PurgeReport(
            self.expired + later.expired,
            self.destroyed + later.destroyed,
            self.orphans_removed + later.orphans_removed,
            held=later.held,
        )


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
    return _due(session.conn, now)


def destruction_pending(conn: Connection, now: dt.datetime | None = None) -> bool:
    """True when opening the vault must destroy something before anyone may read (P6): an order that is due
    and no legal hold keeps, or a destruction that a lifted hold released. Cheap reads only."""
    if holds.released_deferrals(conn):
        return True
    return any(holds.order_hold(conn, order_id) is None for order_id, _rule in _due(conn, now))


def _due(conn: Connection, now: dt.datetime | None) -> list[tuple[int, str]]:
    moment = now or clock.now()
    retention_cutoff = clock.text(moment - dt.timedelta(days=retention_days(conn)))
    rows = conn.execute(
        "SELECT id, status FROM orders WHERE status IN (?, ?)"
        " OR (status = ? AND (delivered_at <= ? OR destroy_after <= ?)) ORDER BY id",
        (Status.CANCELLED.value, Status.EXPIRED.value, Status.DELIVERED.value, retention_cutoff, clock.text(moment)),
    )
    rules = {Status.CANCELLED.value: "cancelled", Status.EXPIRED.value: "expired", Status.DELIVERED.value: "retention"}
    return [(int(order_id), rules[status]) for order_id, status in rows]


def purge_due(session: Session, now: dt.datetime | None = None) -> PurgeReport:
    """Expire old quotes, then destroy every order that is due. Returns what was done."""
    session.require("orders.purge")
    receipts: list[DestructionReceipt] = []
    held: list[HeldDestruction] = []
    with session.vault.lock:
        expired = expire_quotes(session, now)
        receipts += _destroy_released(session)
        for order_id, rule in due_for_destruction(session, now):
            try:
                receipts.append(destroy_order(session, order_id, rule, action=Action.PURGE))
            except holds.HeldByLegalRequest as exc:
                held.append(_held(session, order_id, rule, exc.request_id))
    return PurgeReport(tuple(expired), tuple(receipts), held=tuple(held))


def _held(session: Session, order_id: int, rule: str, request_id: int) -> HeldDestruction:
    ref = session.conn.execute("SELECT order_ref FROM orders WHERE id = ?", (order_id,)).fetchone()[0]
    deferral = holds.deferral_for(session.conn, order_id, None)
    return HeldDestruction(order_id, ref, rule, request_id, deferral.deferred_at if deferral else clock.text())


def _destroy_released(session: Session) -> list[DestructionReceipt]:
    """Destructions a legal hold deferred, now that no hold covers them (their receipts name the hold).

    A destruction the client asked for needs a role that may destroy on request (a doctor's purge leaves
    it for the next manager's or receptionist's, e.g. the one who closes the request)."""
    from maya_desktop.core.clients import erase_held_client

    receipts: list[DestructionReceipt] = []
    for deferral in holds.released_deferrals(session.conn):
        kind, _, number = deferral.object_ref.partition(":")
        on_request = kind == "client" or deferral.rule not in POLICY_RULES
        if on_request and not allowed(session.role, "orders.destroy"):
            continue  # not this person's to do (and no denial entry every 10 minutes): the next purge by one
        try:
            if kind == "client":
                receipts += destroy_client_orders(session, int(number), keep_link=True)
                erase_held_client(session, int(number), deferral.request_id)
                continue
            status = session.conn.execute("SELECT status FROM orders WHERE id = ?", (int(number),)).fetchone()
            if status is None or status[0] == Status.DESTROYED.value:
                with transaction(session.conn):
                    holds.settle(session.conn, deferral.object_ref)
                continue
            action = Action.DESTROY if on_request else Action.PURGE
            receipts.append(destroy_order(session, int(number), deferral.rule, action=action))
        except (PermissionDenied, StateError):
            continue  # left for a later purge; the deferral row keeps it due
    return receipts


def on_open(session: Session) -> PurgeReport:
    """After login, before any worker starts: remove orphan ciphertext, then purge what is due."""
    with session.vault.lock:
        orphans = blobstore.sweep_orphans(
            session.conn, session.vault.data_dir.blobs, min_age_seconds=blobstore.ORPHAN_MIN_AGE_SECONDS
        )
        report = purge_due(session)
        seal_past_analysis(session)  # orders analysed by an older version leave reception's reach (issue 12)
    return PurgeReport(report.expired, report.destroyed, len(orphans), report.held)
