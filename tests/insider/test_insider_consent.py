"""Consent by cryptography (issue 12, item 5): once the client consented, the order's key is wrapped to the
consented doctor and the managers only. A receptionist's password plus raw SQLCipher decrypts nothing;
the doctor, and a manager through break-glass, still open the photos through the program; revoking
consent takes the doctor's wrap away."""

from __future__ import annotations

from pathlib import Path

from insider_helpers import PASSWORD, raw_open

from maya_desktop.core import blobstore, photos
from maya_desktop.core.crypto import DecryptionFailed, unwrap_with_private
from maya_desktop.core.keyslots import KeySlots
from maya_desktop.core.orders import breakglass, consent
from maya_desktop.core.orders.states import Status
from tests.robustness.robust_helpers import walk


def _raw_attempt(data_dir: Path, username: str, order_id: int) -> int:
    """An insider with `username`'s password and no Maya code past the slot file: how many of the order's
    photo files decrypt with anything they can get out of the database (data key, any wrap)."""
    unlocked = KeySlots.load(data_dir / "keyslots").unlock(username, PASSWORD)
    conn = raw_open(data_dir / "maya.db", unlocked.db_key)
    assert conn is not None  # the password does open the database
    try:
        candidates = [
            bytes(r[0]) for r in conn.execute("SELECT data_key FROM order_keys WHERE order_id = ?", (order_id,))
        ]
        sealed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'order_key_wraps'").fetchone() is not None
        wraps = conn.execute("SELECT wrapped FROM order_key_wraps WHERE order_id = ?", (order_id,)) if sealed else []
        for (wrapped,) in wraps:
            for staff_id in range(1, 10):
                try:
                    mask = unwrap_with_private(
                        unlocked.private_key,
                        bytes(wrapped),
                        f"maya-order-key-mask|v1|order:{order_id}|staff:{staff_id}".encode(),
                    )
                except DecryptionFailed:
                    continue
                candidates += [bytes(a ^ b for a, b in zip(key, mask, strict=True)) for key in list(candidates)]
        files = conn.execute("SELECT file_id, kind FROM order_files WHERE order_id = ?", (order_id,)).fetchall()
    finally:
        conn.close()
    assert files
    opened = 0
    for file_id, kind in files:
        for key in candidates:
            try:
                blobstore.read_blob(data_dir / "photos", key, order_id, file_id, kind)
            except DecryptionFailed:
                continue
            opened += 1
            break
    return opened


def test_a_receptionist_with_raw_sqlcipher_cannot_decrypt_a_consented_order(clinic, small_faces) -> None:
    r, d = clinic.reception, clinic.doctor
    paid = walk(r, d, 1, Status.PAID, small_faces)
    consented = walk(r, d, 2, Status.CONSENTED, small_faces)
    assert _raw_attempt(clinic.root, "reception", paid) > 0  # before consent the key is still reception's
    assert _raw_attempt(clinic.root, "reception", consented) == 0
    photo = photos.list_photos(d, consented)[0].id
    assert photos.open_photo(d, photo).startswith(b"\xff\xd8")  # the consented doctor, through the program
    breakglass.start_break_glass(clinic.admin, consented, "Client complaint needs a manager's check", 5)
    assert photos.open_photo(clinic.admin, photo).startswith(b"\xff\xd8")  # the manager recovery path
    assert _raw_attempt(clinic.root, "doctor", consented) > 0  # and with raw SQLCipher, the same two
    assert _raw_attempt(clinic.root, "admin", consented) > 0


def test_revoking_consent_takes_the_doctors_wrap_away(clinic, small_faces) -> None:
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.CONSENTED, small_faces)
    assert _raw_attempt(clinic.root, "doctor", order_id) > 0
    consent.revoke_consent(clinic.reception, order_id)
    assert _raw_attempt(clinic.root, "doctor", order_id) == 0
    assert _raw_attempt(clinic.root, "reception", order_id) == 0


def test_password_changes_and_resets_keep_sealed_orders_with_the_right_people(clinic, small_faces, login) -> None:
    from maya_desktop.core.staff import change_own_password, reset_password

    order_id = walk(clinic.reception, clinic.doctor, 1, Status.CONSENTED, small_faces)
    photo = photos.list_photos(clinic.doctor, order_id)[0].id
    change_own_password(clinic.doctor, PASSWORD, "Changed-Secret-Pass-77!")  # keeps the key pair
    assert photos.open_photo(clinic.doctor, photo)
    reset_password(clinic.admin, "doctor", "Reset-Secret-Pass-88!")  # new key pair, re-wrapped by the manager
    doctor = login("doctor", "Reset-Secret-Pass-88!")
    assert photos.open_photo(doctor, photo)
    reset_password(clinic.admin, "admin", "Manager-Reset-Pass-99!")  # a manager resetting their own password
    breakglass.start_break_glass(clinic.admin, order_id, "Checking a complaint about this order", 5)
    assert photos.open_photo(clinic.admin, photo)
    admin = login("admin", "Manager-Reset-Pass-99!")
    breakglass.start_break_glass(admin, order_id, "Checking a complaint about this order", 5)
    assert photos.open_photo(admin, photo)
