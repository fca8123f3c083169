"""When an order's data key leaves reception (issue 12; the cryptography is in `core.orders.keys`).

The order leaves import/analysis when its analysis is completed: first what reception keeps using moves
to the order's record key (the quote, if one exists already, and the quote's basis: the measurements the
price depends on), then the data key is sealed to the managers, with offers that let reception grant the
consented doctor later without holding the key. Orders analysed by a version from before this rule, still
quoted or paid, are sealed the same way at the next sign-in's housekeeping (sealing needs only public keys).
"""

from __future__ import annotations

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.orders import keys
from maya_desktop.core.orders.quotes import keep_quote_basis
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session

PAST_ANALYSIS: tuple[Status, ...] = (Status.ANALYZED, Status.QUOTED, Status.PAID)


def give_record_key(session: Session, order_id: int) -> None:
    """Before the data key is sealed: the quote (and forms from now on) move to the order's record key."""
    with transaction(session.conn):
        moved = keys.new_record_key(session.conn, order_id)
        if moved is None:
            return
        old, new = moved
        row = session.conn.execute("SELECT quote_sealed FROM orders WHERE id = ?", (order_id,)).fetchone()
        if row is not None and row[0] is not None:
            quote = blobstore.open_value(old, order_id, "quote", row[0])
            sealed = blobstore.seal_value(new, order_id, "quote", quote)
            session.conn.execute("UPDATE orders SET quote_sealed = ? WHERE id = ?", (sealed, order_id))


def seal_leaving_analysis(session: Session, order_id: int) -> bool:
    """Record key, quote basis, then seal (inside one transaction). False when already sealed."""
    with transaction(session.conn):
        if keys.is_sealed(session.conn, order_id):
            return False
        give_record_key(session, order_id)
        keep_quote_basis(session, order_id)
        return keys.seal_after_analysis(session.conn, order_id)


def seal_past_analysis(session: Session) -> int:
    """Seal every order past analysis whose key is still readable (analysed by an older version). Returns
    how many; the WAL is checkpointed afterwards so the unsealed keys' old pages leave the disk."""
    marks = ", ".join("?" for _ in PAST_ANALYSIS)
    rows = session.conn.execute(
        f"SELECT o.id FROM orders o JOIN order_keys k ON k.order_id = o.id"
        f" WHERE k.sealed = 0 AND o.status IN ({marks}) ORDER BY o.id",
        tuple(s.value for s in PAST_ANALYSIS),
    ).fetchall()
    sealed = sum(seal_leaving_analysis(session, int(row[0])) for row in rows)
    if sealed and not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sealed
