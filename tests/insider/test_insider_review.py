"""Attacks found by the security review of the merged work (issues 12, 17, 20), each refused now.

- A doctor whose consent was revoked copies `maya.db` (without its WAL) and finds their old wrap in it.
- Reception removes the photos of an order a court's hold keeps, one by one, through the import step.
- A sign-in whose whole-file check runs in the background lets anyone read an order that is due for
  destruction until the check finishes (P6: due orders go before anyone can read them).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from insider_helpers import PASSWORD, raw_open

from maya_desktop.core import db, photos
from maya_desktop.core.keyslots import KeySlots
from maya_desktop.core.legal.holds import HeldByLegalRequest, order_hold
from maya_desktop.core.legal.requests import record_request
from maya_desktop.core.legal.schema import Scope
from maya_desktop.core.orders import consent, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.vault import Vault
from tests.robustness.robust_helpers import walk


def test_a_revoked_doctors_wrap_is_not_left_in_a_copy_of_the_main_file(clinic, small_faces, tmp_path: Path) -> None:
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.CONSENTED, small_faces)
    doctor_id = clinic.doctor.staff.id
    consent.revoke_consent(clinic.reception, order_id)  # the app stays open: its WAL is still there
    copy = tmp_path / "maya.db"
    shutil.copy(clinic.root / "maya.db", copy)  # the main file only, as a quick copy to a USB stick would
    unlocked = KeySlots.load(clinic.root / "keyslots").unlock("doctor", PASSWORD)
    conn = raw_open(copy, unlocked.db_key)
    assert conn is not None
    try:
        wraps = conn.execute(
            "SELECT count(*) FROM order_key_wraps WHERE order_id = ? AND staff_id = ?", (order_id, doctor_id)
        ).fetchone()[0]
    finally:
        conn.close()
    assert wraps == 0


def test_the_photos_of_a_held_order_cannot_be_removed(clinic, small_faces) -> None:
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PHOTOS_IMPORTED, small_faces)
    client_id = records.get_order(clinic.admin, order_id).client_id
    record_request(
        clinic.admin, client_id, "دادگاه عمومی تهران", "123/45", dt.date(2026, 11, 1), Scope(("orders", "photos")),
        hold=True,
    )
    assert order_hold(clinic.admin.conn, order_id) is not None
    before = photos.list_photos(clinic.reception, order_id)
    assert before
    with pytest.raises(HeldByLegalRequest):
        photos.remove_photo(clinic.reception, before[0].id)
    assert [p.id for p in photos.list_photos(clinic.reception, order_id)] == [p.id for p in before]


def test_a_background_sign_in_destroys_what_is_due_before_it_returns(clinic, small_faces, monkeypatch) -> None:
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PHOTOS_IMPORTED, small_faces)
    with db.transaction(clinic.admin.conn):  # cancelled by a crash before its purge ran: due, files still here
        clinic.admin.conn.execute("UPDATE orders SET status = 'cancelled' WHERE id = ?", (order_id,))
    assert photos.list_photos(clinic.admin, order_id)
    for session in (clinic.admin, clinic.reception, clinic.doctor):
        session.vault.close()
    slow_check = db._verify_all_pages  # a whole-file check that takes a while (a large clinic's database)

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(1.0)
        return slow_check(*args, **kwargs)

    monkeypatch.setattr(db, "_verify_all_pages", slow)
    session = Vault.open(clinic.root, "reception", PASSWORD, verify="background")
    try:  # readable the moment the window opens: so destroyed already
        assert records.get_order(session, order_id).status == Status.DESTROYED.value
        assert photos.list_photos(session, order_id) == []
    finally:
        session.vault.close()


def test_a_workers_connection_opens_no_photo_after_the_lock(clinic, small_faces) -> None:
    from maya_desktop.core.errors import PermissionDenied

    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PHOTOS_IMPORTED, small_faces)
    photo = photos.list_photos(clinic.reception, order_id)[0].id
    worker = clinic.reception.vault.worker_session(clinic.reception.staff)  # e.g. an import still running
    try:
        assert photos.open_photo(worker, photo).startswith(b"\xff\xd8")
        clinic.reception.vault.lock_vault()
        with pytest.raises(PermissionDenied):
            photos.open_photo(worker, photo)
    finally:
        worker.vault.close()
