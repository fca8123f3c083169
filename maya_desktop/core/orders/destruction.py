"""Destroying an order (P6, P7): crypto-shredding + file deletion + a deletion receipt.

In one transaction: the order's key row is deleted (secure_delete is ON, so its bytes are
overwritten in the database file), the rows of its photos, documents, report and files go, and
personal or face-derived columns are cleared. What stays is non-personal metadata for accounting:
service, price, turnaround, dates, status, the random order_ref, and payment amount/date/gateway.
The receipt (order ref, file ids, SHA-256 of each ciphertext, key id, when, rule) goes to the
audit log. A legal hold (core/legal/holds.py) is checked here, where every destruction passes: a held
order is not destroyed (`HeldByLegalRequest`, the deferral written down and audited once), and the
receipt of a destruction that had been deferred names the hold (`legal_hold`). After the commit
the ciphertext files are unlinked and the WAL is checkpointed and truncated so the old pages leave
the disk too. A crash after the commit leaves ciphertext without a key (unreadable), which
`blobstore.sweep_orphans` removes at the next open.
"""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.legal import holds
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.keys import key_id
from maya_desktop.core.orders.lifecycle import advance, check
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import Action, Status
from maya_desktop.core.session import Session
from maya_desktop.core.validation import guard_free_text

RULES = ("retention", "cancelled", "expired", "client_request", "client_erased")


@dataclass(frozen=True)
class DestroyedFile:
    file_id: str
    kind: str
    sha256: str


@dataclass(frozen=True)
class DestructionReceipt:
    order_id: int
    order_ref: str
    rule: str
    key_id: str | None
    files: tuple[DestroyedFile, ...]
    destroyed_at: str
    legal_hold: int | None = None  # the legal request whose hold deferred this destruction


def _shred_rows(session: Session, order_id: int) -> tuple[list[DestroyedFile], str | None]:
    conn = session.conn
    files = [
        DestroyedFile(r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT file_id, kind, sha256 FROM order_files WHERE order_id = ? ORDER BY file_id", (order_id,)
        )
    ]
    kid = key_id(conn, order_id)
    conn.execute("DELETE FROM photos WHERE order_id = ?", (order_id,))
    conn.execute("DELETE FROM documents WHERE order_id = ?", (order_id,))
    conn.execute("DELETE FROM reports WHERE order_id = ?", (order_id,))
    conn.execute("UPDATE consents SET form_file_id = NULL WHERE order_id = ?", (order_id,))
    conn.execute("DELETE FROM order_files WHERE order_id = ?", (order_id,))
    conn.execute("DELETE FROM order_keys WHERE order_id = ?", (order_id,))
    conn.execute("UPDATE payments SET reference = NULL WHERE order_id = ?", (order_id,))
    conn.execute("UPDATE break_glass SET reason = '' WHERE order_id = ?", (order_id,))
    return files, kid


def destroy_order(session: Session, order_id: int, rule: str, *, action: Action = Action.DESTROY) -> DestructionReceipt:
    """Destroy now (see module docstring). `action` PURGE for policy rules, DESTROY on request.

    Raises `holds.HeldByLegalRequest` (after recording the deferral) while a legal hold covers the order."""
    if rule not in RULES:
        raise ValueError(f"unknown destruction rule {rule!r}")
    order = load_order(session.conn, order_id)
    check(session, order, action)
    holds.refuse_if_order_held(session, order_id, rule)
    ts = clock.text()
    with transaction(session.conn):
        deferral = holds.deferral_for(session.conn, order_id, order.client_id)
        hold = deferral.request_id if deferral is not None else None
        if deferral is not None and deferral.object_ref.startswith("order:"):
            holds.settle(session.conn, deferral.object_ref)
        files, kid = _shred_rows(session, order_id)
        receipt = DestructionReceipt(order_id, order.order_ref, rule, kid, tuple(files), ts, hold)
        advance(
            session,
            order_id,
            action,
            fields={
                "client_id": None,
                "notes": None,
                "override_reason": None,
                "cancel_reason": None,
                "quote_sealed": None,
                "destroyed_at": ts,
                "destroyed_rule": rule,
            },
            details={
                "receipt": {
                    "order_ref": order.order_ref,
                    "rule": rule,
                    "key_id": kid,
                    "destroyed_at": ts,
                    "files": [{"file_id": f.file_id, "kind": f.kind, "sha256": f.sha256} for f in files],
                    **({"legal_hold": hold} if hold is not None else {}),
                }
            },
        )
    blobstore.remove_files(session.vault.data_dir.blobs, [f.file_id for f in files])
    if not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return receipt


def destroy_order_now(session: Session, order_id: int) -> DestructionReceipt:
    """The client asked: destroy this order's files immediately, whatever its state."""
    return destroy_order(session, order_id, "client_request")


def cancel_order(session: Session, order_id: int, reason: str) -> DestructionReceipt | None:
    """Cancel (reason required) and destroy the files at once: nothing is kept for a cancelled order.

    Under a legal hold the order is cancelled but its files wait for the hold to end (returns None)."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.CANCEL)
    reason = guard_free_text(" ".join((reason or "").split()), "cancel_reason")
    if len(reason) < 3:
        raise ValidationError("Give a reason for cancelling.", "دلیل لغو را بنویسید.", "cancel_reason")
    advance(session, order_id, Action.CANCEL, fields={"cancelled_at": clock.text(), "cancel_reason": reason})
    try:
        return destroy_order(session, order_id, "cancelled", action=Action.PURGE)
    except holds.HeldByLegalRequest:
        return None  # deferred and audited; destroyed when the hold ends


def destroy_client_orders(session: Session, client_id: int, *, keep_link: bool = False) -> list[DestructionReceipt]:
    """ERASE_HOOKS entry: every order of an erased client is destroyed (in the erase transaction).

    `keep_link`: the orders are destroyed ahead of a client erase that a legal hold deferred (each in
    its own transaction; the erase itself follows)."""
    receipts = []
    ids = [
        r[0]
        for r in session.conn.execute(
            "SELECT id FROM orders WHERE client_id = ? AND status != ?", (client_id, Status.DESTROYED.value)
        )
    ]
    for order_id in ids:
        receipts.append(destroy_order(session, order_id, "client_erased"))
    if not keep_link:
        session.conn.execute("UPDATE orders SET client_id = NULL WHERE client_id = ?", (client_id,))
    return receipts
