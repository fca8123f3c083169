"""What the open app does every 10 minutes, off the GUI thread, on its own connection."""

from __future__ import annotations

from typing import Any

from maya_desktop.core.session import Session


def periodic_housekeeping(session: Session) -> Any:
    """Destroy what is due (P6), the daily backup when due, the audit anchor. Returns the purge report."""
    from maya_desktop.core.backup import run_scheduled_backup
    from maya_desktop.core.db import transaction
    from maya_desktop.core.orders.housekeeping import purge_due
    from maya_desktop.core.orders.keys import grant_missing
    from maya_desktop.core.sync.outbox import enqueue_audit_anchor

    worker = session.vault.worker_session(session.staff)  # never share the GUI's connection across threads
    try:
        report = purge_due(worker)
        run_scheduled_backup(worker)
        with transaction(worker.conn):
            grant_missing(worker.conn)  # a manager's session wraps sealed order keys for a new consent/manager
            enqueue_audit_anchor(worker.conn)  # the audit head for HQ (core.audit), when it moved
    finally:
        worker.vault.close()
    return report
