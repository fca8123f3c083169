"""The doctor's part: start the review, write the (minimal, text) report, deliver (P6 starts the clock).

The report is stored as an encrypted file of the order (kind "report"); the PDF export belongs to
the doctor's screen and reads `read_report`. On delivery the retention clock starts
(setting `retention_days_after_delivery`, default 7, 0 allowed); `housekeeping.purge_due` destroys.
"""

from __future__ import annotations

import datetime as dt

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import StateError, ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.lifecycle import advance, check
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.states import Action, Status
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting
from maya_desktop.core.validation import guard_free_text

REPORT_MAX = 20_000


def retention_days(conn: object) -> int:
    value = get_setting(conn, "retention_days_after_delivery")
    return max(0, int(value if value is not None else 7))


def start_review(session: Session, order_id: int) -> Order:
    """consented -> in_review (the consented doctor only); from now on consent cannot be revoked."""
    return advance(session, order_id, Action.START_REVIEW, fields={"review_started_at": clock.text()})


def write_report(session: Session, order_id: int, findings: str) -> None:
    """Save (or replace) the doctor's plain-text findings, encrypted with the order key (card-number
    guard on the whole text)."""
    store_report(session, order_id, guard_free_text((findings or "").strip(), "findings"))


def store_report(session: Session, order_id: int, document: str) -> None:
    """Save (or replace) the report document as given. For structured reports (findings.py's JSON),
    whose free-text fields the caller has already put through the card-number guard: the document
    also holds random hex file ids and hashes, and one in a few hundred of those contains a 13-19
    digit run that passes Luhn, which would refuse a doctor's report at random."""
    session.require("orders.review")
    order = load_order(session.conn, order_id)
    if order.status != Status.IN_REVIEW:
        raise StateError("Start the review before writing the report.", "ابتدا بررسی را شروع کنید.")
    require_file_access(session, order, "report")
    text = (document or "").strip()
    if not text or len(text) > REPORT_MAX:
        raise ValidationError("Write the findings (at most 20,000 characters).", "یافته‌ها را بنویسید.", "findings")
    stored = blobstore.write_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, "report", text.encode("utf-8")
    )
    ts = clock.text()
    old = session.conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order_id,)).fetchone()
    with transaction(session.conn):
        blobstore.register_blob(session.conn, order_id, stored, ts)
        session.conn.execute(
            "INSERT INTO reports(order_id, file_id, author_id, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(order_id) DO UPDATE SET file_id = excluded.file_id, author_id = excluded.author_id,"
            " updated_at = excluded.updated_at",
            (order_id, stored.file_id, session.staff.id, ts),
        )
        if old:
            session.conn.execute("DELETE FROM order_files WHERE file_id = ?", (old[0],))
        session.audit("report.saved", f"order:{order_id}", {"file": stored.file_id})
    if old:
        blobstore.remove_files(session.vault.data_dir.blobs, [old[0]])


def read_report(session: Session, order_id: int) -> str | None:
    """The findings text (doctor with consent, or manager with break-glass). Audited."""
    order = load_order(session.conn, order_id)
    basis = require_file_access(session, order, "report")
    row = session.conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order_id,)).fetchone()
    session.audit("report.opened", f"order:{order_id}", {"basis": basis})
    if row is None:
        return None
    data = blobstore.read_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, row[0], "report"
    )
    return data.decode("utf-8")


def deliver(session: Session, order_id: int) -> Order:
    """in_review -> delivered (needs a report); sets when the files will be destroyed."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.DELIVER)
    if session.conn.execute("SELECT 1 FROM reports WHERE order_id = ?", (order_id,)).fetchone() is None:
        raise StateError("Write the report before delivering.", "پیش از تحویل، گزارش را بنویسید.")
    now = clock.now()
    destroy_after = now + dt.timedelta(days=retention_days(session.conn))
    return advance(
        session,
        order_id,
        Action.DELIVER,
        fields={"delivered_at": clock.text(now), "destroy_after": clock.text(destroy_after)},
        details={"retention_days": retention_days(session.conn)},
    )
