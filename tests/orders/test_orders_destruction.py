"""P6/P7: crypto-shredding. After destruction no ciphertext, no key, and old copies are undecryptable."""

from __future__ import annotations

import datetime as dt

import pytest

from maya_desktop.core import audit, blobstore, photos
from maya_desktop.core.clients import erase_client
from maya_desktop.core.crypto import DecryptionFailed
from maya_desktop.core.errors import NotFound, PermissionDenied, StateError
from maya_desktop.core.orders import clock, destruction, housekeeping, payments, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting


def _files_of(session, order_id: int) -> dict[str, str]:
    return dict(session.conn.execute("SELECT file_id, kind FROM order_files WHERE order_id = ?", (order_id,)))


def test_destroyed_order_cannot_be_decrypted_with_anything_left(clinic, walk) -> None:
    keep_id = walk(Status.QUOTED)  # another live order: its key must not open the destroyed files
    order_id = walk(Status.DELIVERED)
    admin = clinic.admin
    folder = admin.vault.data_dir.blobs
    files = _files_of(admin, order_id)
    assert set(files.values()) == {"photo", "thumb", "report"}
    copies = {fid: (folder / fid).read_bytes() for fid in files}  # an attacker's copy taken before

    receipt = destruction.destroy_order_now(clinic.reception, order_id)

    assert {f.file_id for f in receipt.files} == set(files)
    for fid in files:
        assert not (folder / fid).exists()
    assert admin.conn.execute("SELECT count(*) FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()[0] == 0
    assert admin.conn.execute("SELECT count(*) FROM photos WHERE order_id = ?", (order_id,)).fetchone()[0] == 0
    assert _files_of(admin, order_id) == {}
    remaining_keys = [bytes(r[0]) for r in admin.conn.execute("SELECT data_key FROM order_keys")]
    assert len(remaining_keys) == 1  # keep_id's
    candidates = [*remaining_keys, admin.vault.db_key]
    for fid, blob in copies.items():
        for key in candidates:
            for oid in (order_id, keep_id):
                with pytest.raises(DecryptionFailed):
                    blobstore.decrypt_bytes(key, blobstore.blob_aad(oid, fid, files[fid]), blob)
    # the WAL was checkpointed and truncated: old pages holding the key are not lying around
    wal = clinic.root / "maya.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert records.get_order(admin, keep_id).status == Status.QUOTED


def test_metadata_kept_for_accounting_and_receipt_in_audit(clinic, walk) -> None:
    order_id = walk(Status.DELIVERED)
    before = records.get_order(clinic.admin, order_id)
    receipt = destruction.destroy_order_now(clinic.admin, order_id)
    after = records.get_order(clinic.admin, order_id)
    assert after.status == Status.DESTROYED and after.destroyed_rule == "client_request"
    assert after.client_id is None and after.notes is None
    assert (after.service, after.price_rial, after.turnaround_days, after.created_at, after.delivered_at) == (
        before.service,
        before.price_rial,
        before.turnaround_days,
        before.created_at,
        before.delivered_at,
    )
    pay = payments.list_payments(clinic.admin, order_id)[0]
    assert pay.reference is None and pay.amount_rial == before.price_rial and pay.gateway
    entry = audit.entries(clinic.admin.conn, object_ref=f"order:{order_id}", limit=1)[0]
    assert entry.action == "order.destroy"
    logged = entry.details["receipt"]
    assert logged["order_ref"] == before.order_ref and logged["key_id"] == receipt.key_id
    assert logged["rule"] == "client_request" and logged["destroyed_at"]
    assert {f["file_id"]: f["sha256"] for f in logged["files"]} == {f.file_id: f.sha256 for f in receipt.files}
    assert all(len(f["sha256"]) == 64 for f in logged["files"])
    assert audit.verify(clinic.admin.conn).ok
    with pytest.raises(StateError):
        destruction.destroy_order_now(clinic.admin, order_id)  # already destroyed


def test_retention_window_and_purge(clinic, walk, monkeypatch) -> None:
    order_id = walk(Status.DELIVERED)
    assert housekeeping.purge_due(clinic.doctor).destroyed == ()  # default 7 days: not yet
    six_days = clock.now() + dt.timedelta(days=6)
    assert housekeeping.purge_due(clinic.doctor, six_days).destroyed == ()
    eight_days = clock.now() + dt.timedelta(days=8)
    report = housekeeping.purge_due(clinic.doctor, eight_days)
    assert [r.order_id for r in report.destroyed] == [order_id] and report.destroyed[0].rule == "retention"
    assert records.get_order(clinic.admin, order_id).status == Status.DESTROYED


def test_retention_zero_destroys_at_the_next_purge(clinic, walk) -> None:
    set_setting(clinic.admin.conn, "retention_days_after_delivery", 0)
    order_id = walk(Status.DELIVERED)
    report = housekeeping.purge_due(clinic.reception)
    assert [r.order_id for r in report.destroyed] == [order_id]


def test_unpaid_quotes_expire_and_are_destroyed(clinic, walk) -> None:
    order_id = walk(Status.QUOTED)
    paid_id = walk(Status.PAID)
    report = housekeeping.purge_due(clinic.reception, clock.now() + dt.timedelta(days=15))
    assert report.expired == (order_id,)
    assert [(r.order_id, r.rule) for r in report.destroyed] == [(order_id, "expired")]
    assert records.get_order(clinic.admin, paid_id).status == Status.PAID
    assert _files_of(clinic.admin, order_id) == {}


def test_cancel_requires_reason_and_destroys_at_once(clinic, walk) -> None:
    from maya_desktop.core.errors import ValidationError

    order_id = walk(Status.PHOTOS_IMPORTED)
    with pytest.raises(ValidationError):
        destruction.cancel_order(clinic.reception, order_id, "")
    with pytest.raises(PermissionDenied):
        destruction.cancel_order(clinic.doctor, order_id, "client changed their mind")
    receipt = destruction.cancel_order(clinic.reception, order_id, "client changed their mind")
    assert receipt.rule == "cancelled" and len(receipt.files) == 4
    order = records.get_order(clinic.admin, order_id)
    assert order.status == Status.DESTROYED and order.cancelled_at
    assert clinic.admin.conn.execute("SELECT cancel_reason FROM orders WHERE id = ?", (order_id,)).fetchone()[0] is None


def test_erasing_a_client_destroys_all_their_orders(clinic, walk) -> None:
    first = walk(Status.IN_REVIEW, client_id=2)
    second = walk(Status.DRAFT, client_id=2)
    other = walk(Status.PHOTOS_IMPORTED, client_id=3)
    erase_client(clinic.admin, 2)  # erasing is a manager's action (issue 15)
    for order_id in (first, second):
        order = records.get_order(clinic.admin, order_id)
        assert order.status == Status.DESTROYED and order.destroyed_rule == "client_erased" and order.client_id is None
        assert _files_of(clinic.admin, order_id) == {}
    assert records.get_order(clinic.admin, other).status == Status.PHOTOS_IMPORTED
    assert len(list(clinic.admin.vault.data_dir.blobs.iterdir())) == 4  # only `other`'s photo + thumb x2
    assert audit.verify(clinic.admin.conn).ok


def test_doctor_cannot_destroy_on_request(clinic, walk) -> None:
    order_id = walk(Status.CONSENTED)
    with pytest.raises(PermissionDenied):
        destruction.destroy_order_now(clinic.doctor, order_id)


def test_destroyed_photos_cannot_be_opened(clinic, walk) -> None:
    order_id = walk(Status.CONSENTED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    destruction.destroy_order_now(clinic.reception, order_id)
    with pytest.raises(NotFound):  # the row is gone
        photos.open_photo(clinic.doctor, photo_id)
