"""Client consent to share an order with one named doctor (P10).

Recorded by reception (who, when, how: signed_form / verbal / sms_code, optional scanned form kept
encrypted). Revocable until the doctor starts the review; revocation removes the doctor's access
at once (every access check reads the consent row). paid -> consented, and back on revocation.

Consent is also enforced by cryptography (`core.orders.keys`): the order's data key was sealed to the
managers when its analysis was completed; recording consent stores the doctor's wrap, which reception
releases from the offer made at sealing (reception never holds the key; see keys.py), so the doctor opens
the photos at once. Revoking it deletes the doctor's wrap; a consent given again is released the same way.
Where reception holds no offer (a doctor added after the seal), a manager's session makes the wrap.
"""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound, ValidationError
from maya_desktop.core.orders import clock, keys
from maya_desktop.core.orders.lifecycle import advance, check
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.sealing import give_record_key
from maya_desktop.core.orders.states import LIVE_STATES, Action
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session

METHODS: tuple[str, ...] = ("signed_form", "verbal", "sms_code")
METHOD_LABELS_FA = {"signed_form": "فرم امضاشده", "verbal": "شفاهی", "sms_code": "کد پیامکی"}
MAX_FORM_BYTES = 30 * 1024 * 1024


@dataclass(frozen=True)
class Consent:
    id: int
    order_id: int
    doctor_id: int
    method: str
    has_form: bool
    recorded_by: str
    recorded_at: str
    revoked_at: str | None
    revoked_by: str | None

    @property
    def live(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class DoctorChoice:
    id: int
    display_name: str


def available_doctors(session: Session) -> list[DoctorChoice]:
    """Active doctor accounts (for the consent dialog)."""
    session.require("consent.record")
    rows = session.conn.execute(
        "SELECT id, display_name FROM staff WHERE role = ? AND active = 1 ORDER BY display_name", (Role.DOCTOR.value,)
    )
    return [DoctorChoice(int(r[0]), r[1]) for r in rows]


def _clean_form(data: bytes) -> bytes:
    """A scanned form: PDF kept as is (encrypted); a photo of it is cleaned like any photo."""
    if len(data) > MAX_FORM_BYTES:
        raise ValidationError.coded("orders.scanned_form_too_large", "form")
    if data.startswith(b"%PDF-"):
        return data
    from maya_desktop.core.photos import clean_photo

    return clean_photo(data).jpeg


def record_consent(session: Session, order_id: int, doctor_id: int, method: str, form: bytes | None = None) -> Consent:
    """paid -> consented, naming the doctor who may now see the order."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.CONSENT)
    if method not in METHODS:
        raise ValidationError.coded("orders.choose_how_client_consented", "method")
    if method == "signed_form" and not form:  # a "signed form" the clinic cannot show is no signed form
        raise ValidationError.coded("orders.signed_form_needs_form", "form")
    doctor = session.conn.execute(
        "SELECT 1 FROM staff WHERE id = ? AND role = ? AND active = 1", (doctor_id, Role.DOCTOR.value)
    ).fetchone()
    if doctor is None:
        raise ValidationError.coded("orders.choose_active_doctor", "doctor")
    give_record_key(session, order_id)  # orders analysed before sealing after analysis
    stored = None
    if form is not None:
        stored = blobstore.write_blob(
            session.vault.data_dir.blobs,
            keys.record_key(session.conn, order_id),
            order_id,
            "consent_form",
            _clean_form(form),
        )
    ts = clock.text()
    with transaction(session.conn):
        if stored is not None:
            blobstore.register_blob(session.conn, order_id, stored, ts)
        cur = session.conn.execute(
            "INSERT INTO consents(order_id, doctor_id, method, form_file_id, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (order_id, doctor_id, method, stored.file_id if stored else None, session.actor, ts),
        )
        consent_id = int(cur.lastrowid)
        advance(
            session,
            order_id,
            Action.CONSENT,
            fields={"doctor_id": doctor_id, "consented_at": ts},
            details={"consent": consent_id, "doctor": doctor_id, "method": method, "form": stored is not None},
        )
        to = keys.recipients(session.conn, doctor_id)
        if not keys.is_sealed(session.conn, order_id):  # an order analysed before sealing after analysis
            keys.seal(session.conn, order_id, to)
        elif not keys.release_offer(session.conn, order_id, doctor_id):  # reception: its offer, at once
            keys.grant(session.conn, order_id, to)  # a manager; else at a manager's next sign-in
    if not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the unsealed key's old pages leave the disk
    return get_consent(session, consent_id)


def revoke_consent(session: Session, order_id: int) -> Order:
    """consented -> paid: the doctor loses access immediately. Not possible once review started."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.REVOKE_CONSENT)
    ts = clock.text()
    doctors = [
        int(r[0])
        for r in session.conn.execute(
            "SELECT doctor_id FROM consents WHERE order_id = ? AND revoked_at IS NULL", (order_id,)
        )
    ]
    with transaction(session.conn):
        cur = session.conn.execute(
            "UPDATE consents SET revoked_at = ?, revoked_by = ? WHERE order_id = ? AND revoked_at IS NULL",
            (ts, session.actor, order_id),
        )
        keys.withdraw(session.conn, order_id, doctors)  # the doctor's wrap goes: their key opens nothing
        advance(
            session,
            order_id,
            Action.REVOKE_CONSENT,
            fields={"doctor_id": None, "consented_at": None},
            details={"revoked": cur.rowcount},
        )
    if not session.conn.in_transaction:
        # secure_delete wiped the wrap's page in the WAL; the checkpoint carries that into maya.db, so a copy
        # of the main file taken now no longer holds the doctor's old wrap.
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return load_order(session.conn, order_id)


_COLS = "id, order_id, doctor_id, method, form_file_id IS NOT NULL, recorded_by, recorded_at, revoked_at, revoked_by"


def get_consent(session: Session, consent_id: int) -> Consent:
    row = session.conn.execute(f"SELECT {_COLS} FROM consents WHERE id = ?", (consent_id,)).fetchone()
    if row is None:
        raise NotFound.coded("orders.consent_not_found")
    return Consent(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7], row[8])


def list_consents(session: Session, order_id: int) -> list[Consent]:
    session.require("consent.record")
    rows = session.conn.execute(f"SELECT {_COLS} FROM consents WHERE order_id = ? ORDER BY id", (order_id,))
    return [Consent(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7], r[8]) for r in rows]


def open_consent_form(session: Session, consent_id: int) -> bytes:
    """The scanned form (reception/manager, while the order exists). Audited."""
    session.require("consent.record")
    row = session.conn.execute("SELECT order_id, form_file_id FROM consents WHERE id = ?", (consent_id,)).fetchone()
    if row is None or row[1] is None:
        raise NotFound.coded("orders.consent_form_missing")
    order = load_order(session.conn, row[0])
    if order.status not in LIVE_STATES:
        raise NotFound.coded("orders.order_files_destroyed")
    data = blobstore.read_blob(
        session.vault.data_dir.blobs, keys.record_key(session.conn, order.id), order.id, row[1], "consent_form"
    )
    session.audit("consent.form_opened", f"order:{order.id}", {"consent": consent_id})
    return data
