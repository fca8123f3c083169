"""What the clinic network (maya_desktop/network, issue 14) needs from the core: its errors, and operations
done exactly once.

A workstation gives every operation that changes something a request id. The vault host runs it with
`run_recorded`, which writes the id into `network_requests` in the SAME transaction as the operation's own
changes: if the host dies before the commit, nothing happened and the id is absent; after it, both are
there. So a workstation that lost its answer asks (`request_done`) and learns "done" or "not done", and
sending the same id again never does the work twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from maya_desktop.core import db
from maya_desktop.core.errors import MayaError, PermissionDenied
from maya_desktop.core.operations.registry import Operation
from maya_desktop.core.session import Session

KEEP_DAYS = 7


class NetworkError(MayaError):
    """The clinic network refused or could not carry a request (texts in core/messages.py, "network.*")."""

    status = 400


def _refuse(code: str, status: int) -> NetworkError:
    error = NetworkError.coded(code)
    error.status = status
    return error


def unreachable() -> NetworkError:
    return _refuse("network.unreachable", 503)


def not_paired() -> NetworkError:
    return _refuse("network.not_paired", 403)


def revoked() -> NetworkError:
    return _refuse("network.revoked", 403)


def sealed() -> NetworkError:
    return _refuse("network.sealed", 423)


def signed_out() -> NetworkError:
    return _refuse("network.signed_out", 401)


def malformed() -> NetworkError:
    return _refuse("network.malformed", 400)


def too_large() -> NetworkError:
    return _refuse("network.too_large", 413)


def too_slow() -> NetworkError:
    return _refuse("network.too_slow", 408)


def host_only() -> NetworkError:
    return _refuse("network.host_only", 403)


def unknown_operation() -> NetworkError:
    return _refuse("network.unknown_operation", 404)


def request_reused() -> NetworkError:
    return _refuse("network.request_reused", 409)


def done_no_result() -> NetworkError:
    return _refuse("network.done_no_result", 409)


def internal() -> NetworkError:
    return _refuse("network.internal", 500)


def pairing_failed() -> NetworkError:
    return _refuse("network.pairing_failed", 403)


def host_changed() -> NetworkError:
    return _refuse("network.host_changed", 495)


def by_code(code: str | None, status: int) -> NetworkError | None:
    """A NetworkError of `code` (for the workstation rebuilding what the host said), None if not one."""
    if code is None or not code.startswith("network."):
        return None
    try:
        return _refuse(code, status)
    except KeyError:
        return None


# ---- exactly once -----------------------------------------------------------------------------------------
def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def request_done(conn: db.Connection, request_id: str) -> tuple[str, str] | None:
    """(workstation, operation) that did `request_id`, or None when it was never done."""
    row = conn.execute(
        "SELECT workstation, operation FROM network_requests WHERE request_id = ?", (request_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def run_recorded(session: Session, operation: Operation, request: Any, request_id: str, workstation: str) -> Any:
    """Run `operation` and record `request_id` in one transaction (see the module docstring).

    A permission refused inside rolls the whole transaction back, the core's own audit entry of it too, so
    the refusal is audited again once the transaction is gone."""
    try:
        with db.transaction(session.conn):
            session.conn.execute(
                "INSERT INTO network_requests(request_id, workstation, operation, done_at) VALUES (?, ?, ?, ?)",
                (request_id, workstation, operation.name, _now()),
            )
            return operation.fn(session, request)
    except PermissionDenied:
        if not session.vault_locked:
            session.audit("permission.denied", "", {"operation": operation.name, "role": str(session.role)})
        raise


def forget_old_requests(conn: db.Connection, days: int = KEEP_DAYS) -> int:
    cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    with db.transaction(conn):
        return int(conn.execute("DELETE FROM network_requests WHERE done_at < ?", (cutoff,)).rowcount)
