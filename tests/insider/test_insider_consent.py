"""Consent by cryptography (issue 12, item 5): once the client consented, the order's key is wrapped to the
consented doctor and the managers only. A receptionist's password plus raw SQLCipher decrypts nothing;
the doctor, and a manager through break-glass, still open the photos through the program; revoking
consent takes the doctor's wrap away."""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path

import pytest
from insider_helpers import PASSWORD, raw_open

from maya_desktop.core import blobstore, photos
from maya_desktop.core.crypto import DecryptionFailed, unwrap_with_private
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.keyslots import KeySlots
from maya_desktop.core.orders import breakglass, consent, quotes
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
        wraps = [
            bytes(r[0]) for r in conn.execute("SELECT wrapped FROM order_key_wraps WHERE order_id = ?", (order_id,))
        ]
        offers = conn.execute("SELECT wrapped FROM order_key_offers WHERE order_id = ?", (order_id,)).fetchall()
        for (wrapped,) in offers:  # the doctor's wrap within a wrap: open the outer layer where one can
            for doctor_id, holder_id in itertools.product(range(1, 10), repeat=2):
                context = f"maya-order-key-offer|v1|order:{order_id}|doctor:{doctor_id}|holder:{holder_id}"
                with contextlib.suppress(DecryptionFailed):
                    wraps.append(unwrap_with_private(unlocked.private_key, bytes(wrapped), context.encode()))
        masks = list(candidates)  # a data key itself, XORed with a "mask", in case someone stored it plainly
        for wrapped in wraps:
            for staff_id in range(1, 10):
                context = f"maya-order-key-mask|v1|order:{order_id}|staff:{staff_id}".encode()
                with contextlib.suppress(DecryptionFailed):
                    masks.append(unwrap_with_private(unlocked.private_key, wrapped, context))
        candidates += [bytes(a ^ b for a, b in zip(key, mask, strict=True)) for key in candidates for mask in masks]
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
    consented = walk(r, d, 2, Status.CONSENTED, small_faces)
    assert _raw_attempt(clinic.root, "reception", consented) == 0
    photo = photos.list_photos(d, consented)[0].id
    assert photos.open_photo(d, photo).startswith(b"\xff\xd8")  # the consented doctor, through the program
    breakglass.start_break_glass(clinic.admin, consented, "Client complaint needs a manager's check", 5)
    assert photos.open_photo(clinic.admin, photo).startswith(b"\xff\xd8")  # the manager recovery path
    assert _raw_attempt(clinic.root, "doctor", consented) > 0  # and with raw SQLCipher, the same two
    assert _raw_attempt(clinic.root, "admin", consented) > 0


def test_the_key_leaves_reception_when_the_analysis_is_completed(clinic, small_faces) -> None:
    """Readable by reception only during import/analysis: quoted and paid orders are sealed already, to the
    managers; the doctor, before consent, opens nothing either."""
    r, d = clinic.reception, clinic.doctor
    imported = walk(r, d, 1, Status.PHOTOS_IMPORTED, small_faces)
    assert _raw_attempt(clinic.root, "reception", imported) > 0  # the import step: reception's to check
    for client, status in ((2, Status.ANALYZED), (3, Status.QUOTED), (4, Status.PAID)):
        order_id = walk(r, d, client, status, small_faces)
        assert _raw_attempt(clinic.root, "reception", order_id) == 0, status
        assert _raw_attempt(clinic.root, "doctor", order_id) == 0, status  # no consent yet: no wrap
        assert _raw_attempt(clinic.root, "admin", order_id) > 0, status  # the manager recovery path
    # Reception's own work goes on without the photos: the quote, re-quoting, the stored breakdown.
    analysed = walk(r, d, 5, Status.ANALYZED, small_faces)
    assert quotes.compute_quote(r, analysed).total_rial > 0
    quotes.issue_quote(r, analysed)
    quotes.issue_quote(r, analysed, urgent=True)  # quoted -> quoted
    assert quotes.stored_quote(r, analysed) is not None
    photo = photos.list_photos(r, analysed)[0].id
    with pytest.raises(PermissionDenied):  # re-running or reading the analysis is refused, by name
        photos.get_analysis(r, photo)


def test_the_doctor_reads_right_after_reception_records_consent(clinic, small_faces) -> None:
    """No manager signs in between: reception releases the offer made at sealing; it never held the key."""
    r, d = clinic.reception, clinic.doctor
    order_id = walk(r, d, 1, Status.PAID, small_faces)
    clinic.admin.vault.close()  # no manager session anywhere from here on
    consent.record_consent(r, order_id, d.staff.id, "verbal")
    photo = photos.list_photos(d, order_id)[0].id
    assert photos.open_photo(d, photo).startswith(b"\xff\xd8")
    assert _raw_attempt(clinic.root, "reception", order_id) == 0  # releasing it taught reception nothing
    consent.revoke_consent(r, order_id)
    assert _raw_attempt(clinic.root, "doctor", order_id) == 0
    consent.record_consent(r, order_id, d.staff.id, "verbal")  # given again: released again, at once
    assert photos.open_photo(d, photo).startswith(b"\xff\xd8")


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


def test_a_doctor_added_after_the_seal_gets_offers_from_the_manager_who_adds_them(clinic, small_faces, login) -> None:
    """Reception holds no offer for a doctor who did not exist at sealing; the manager adding them makes one
    (their session holds the mask). Without an offer (e.g. a doctor from an older version) the consent
    still works, through a manager's session, and is refused by name until then."""
    from maya_desktop.core.db import transaction
    from maya_desktop.core.orders import keys
    from maya_desktop.core.roles import Role
    from maya_desktop.core.staff import accept_agreement, create_staff

    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PAID, small_faces)
    other = walk(clinic.reception, clinic.doctor, 2, Status.PAID, small_faces)
    create_staff(clinic.admin, "doctor2", "دکتر دوم", Role.DOCTOR, PASSWORD)
    late = login("doctor2")
    accept_agreement(late)
    consent.record_consent(clinic.reception, other, late.staff.id, "verbal")
    assert photos.open_photo(late, photos.list_photos(late, other)[0].id).startswith(b"\xff\xd8")
    assert _raw_attempt(clinic.root, "reception", other) == 0

    with transaction(clinic.reception.conn):  # as if the doctor had been added by an older version
        clinic.reception.conn.execute("DELETE FROM order_key_offers WHERE doctor_id = ?", (late.staff.id,))
    consent.record_consent(clinic.reception, order_id, late.staff.id, "verbal")
    photo = photos.list_photos(late, order_id)[0].id
    with pytest.raises(PermissionDenied) as refused:
        photos.open_photo(late, photo)
    assert "manager" in refused.value.message_en
    assert _raw_attempt(clinic.root, "reception", order_id) == 0
    with transaction(clinic.admin.conn):
        assert keys.grant_missing(clinic.admin.conn) == 1  # what a manager's next sign-in does
    assert photos.open_photo(late, photo).startswith(b"\xff\xd8")


def test_an_order_analysed_by_an_older_version_is_sealed_at_the_next_housekeeping(clinic, small_faces) -> None:
    """An order quoted before sealing after analysis existed (its key still reception's) is sealed by the next
    sign-in's housekeeping; its quote and re-quoting stay reception's."""
    from maya_desktop.core.orders.housekeeping import on_open
    from maya_desktop.core.orders.lifecycle import advance
    from maya_desktop.core.orders.states import Action
    from tests.robustness.robust_helpers import walk_step

    r, d = clinic.reception, clinic.doctor
    order_id = walk(r, d, 1, Status.PHOTOS_IMPORTED, small_faces)
    infos = photos.list_photos(r, order_id)
    photos.confirm_views(r, order_id, {p.id: "frontal" for p in infos})
    advance(r, order_id, Action.COMPLETE_ANALYSIS)  # what the older version did: no seal
    walk_step(r, d, order_id, Status.QUOTED, small_faces)
    before = quotes.stored_quote(r, order_id)
    assert _raw_attempt(clinic.root, "reception", order_id) > 0
    on_open(d)  # anyone's sign-in: sealing needs only public keys
    assert _raw_attempt(clinic.root, "reception", order_id) == 0
    assert _raw_attempt(clinic.root, "admin", order_id) > 0
    assert quotes.stored_quote(r, order_id) == before
    quotes.issue_quote(r, order_id, urgent=True)  # re-quoting reads the kept basis, not the photos
    walk_step(r, d, order_id, Status.PAID, small_faces)
    walk_step(r, d, order_id, Status.CONSENTED, small_faces)
    assert photos.open_photo(d, infos[0].id).startswith(b"\xff\xd8")  # released from reception's offer
