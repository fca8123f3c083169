"""P10: a doctor sees and opens nothing without live consent; revocation cuts access; break-glass."""

from __future__ import annotations

import datetime as dt

import pytest

from maya_desktop.core import audit, photos
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound, PermissionDenied, StateError, ValidationError
from maya_desktop.core.orders import breakglass, clock, consent, delivery, keys, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.roles import Role
from maya_desktop.core.staff import create_staff


def _second_doctor(clinic, login, accept: bool = True):
    from orders_helpers import PASSWORD

    from maya_desktop.core.staff import accept_agreement

    create_staff(clinic.admin, "doctor2", "دکتر دوم", Role.DOCTOR, PASSWORD)
    session = login("doctor2")
    if accept:
        accept_agreement(session)
    return session


def test_doctor_without_consent_sees_nothing(clinic, walk) -> None:
    order_id = walk(Status.PAID)
    doctor = clinic.doctor
    assert records.list_orders(doctor) == []
    with pytest.raises(NotFound):
        records.get_order(doctor, order_id)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    for opener in (photos.open_photo, photos.open_thumbnail, photos.get_analysis):
        with pytest.raises(PermissionDenied):
            opener(doctor, photo_id)
    with pytest.raises((NotFound, PermissionDenied)):
        photos.list_photos(doctor, order_id)
    with pytest.raises(PermissionDenied):
        delivery.read_report(doctor, order_id)
    denied = [e.action for e in audit.entries(clinic.admin.conn, object_ref=f"order:{order_id}")]
    assert "order.file_access_denied" in denied and "order.access_denied" in denied


def test_consent_opens_for_that_doctor_only_and_revocation_cuts_at_once(clinic, walk, login) -> None:
    other = _second_doctor(clinic, login)
    order_id = walk(Status.CONSENTED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    assert [o.id for o in records.list_orders(clinic.doctor)] == [order_id]
    assert photos.open_photo(clinic.doctor, photo_id).startswith(b"\xff\xd8\xff")
    assert records.list_orders(other) == []
    with pytest.raises(PermissionDenied):
        photos.open_photo(other, photo_id)
    # every open is audited, with its basis
    opened = [e for e in audit.entries(clinic.admin.conn, object_ref=f"order:{order_id}") if e.action == "photo.opened"]
    assert opened[0].actor == "doctor" and opened[0].details["basis"] == "consent"

    assert consent.revoke_consent(clinic.reception, order_id).status == Status.PAID
    assert records.list_orders(clinic.doctor) == []
    with pytest.raises(PermissionDenied):
        photos.open_photo(clinic.doctor, photo_id)
    with pytest.raises(PermissionDenied):
        delivery.start_review(clinic.doctor, order_id)
    # consent again, to the other doctor this time
    consent.record_consent(clinic.reception, order_id, other.staff.id, "sms_code")
    assert photos.open_photo(other, photo_id)  # reception released the offer made for them at sealing
    with pytest.raises(PermissionDenied):
        photos.open_photo(clinic.doctor, photo_id)


def test_consent_cannot_be_revoked_once_review_started(clinic, walk) -> None:
    order_id = walk(Status.IN_REVIEW)
    with pytest.raises(StateError):
        consent.revoke_consent(clinic.reception, order_id)


def test_consent_form_is_stored_encrypted_and_cleaned(clinic, walk, face_bytes) -> None:
    order_id = walk(Status.PAID)
    record = consent.record_consent(
        clinic.reception, order_id, clinic.doctor.staff.id, "signed_form", form=face_bytes["obama.jpg"]
    )
    assert record.has_form and record.recorded_by == "reception" and record.live
    form = consent.open_consent_form(clinic.reception, record.id)
    assert form.startswith(b"\xff\xd8\xff") and b"Exif" not in form[:64]
    with pytest.raises(PermissionDenied):
        consent.open_consent_form(clinic.doctor, record.id)


def test_consent_needs_an_active_doctor_and_a_method(clinic, walk) -> None:
    order_id = walk(Status.PAID)
    with pytest.raises(ValidationError):
        consent.record_consent(clinic.reception, order_id, clinic.reception.staff.id, "verbal")
    with pytest.raises(ValidationError):
        consent.record_consent(clinic.reception, order_id, clinic.doctor.staff.id, "telepathy")
    with pytest.raises(PermissionDenied):
        consent.record_consent(clinic.doctor, order_id, clinic.doctor.staff.id, "verbal")
    assert [d.id for d in consent.available_doctors(clinic.reception)] == [clinic.doctor.staff.id]


def test_break_glass_requires_reason_is_time_boxed_and_audited(clinic, walk, monkeypatch) -> None:
    order_id = walk(Status.QUOTED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    admin = clinic.admin
    with pytest.raises(PermissionDenied):
        photos.open_photo(admin, photo_id)
    with pytest.raises(ValidationError):
        breakglass.start_break_glass(admin, order_id, "")
    with pytest.raises(ValidationError):
        breakglass.start_break_glass(admin, order_id, "client complaint about results", minutes=61)
    with pytest.raises(PermissionDenied):
        breakglass.start_break_glass(clinic.reception, order_id, "client complaint about results")
    grant = breakglass.start_break_glass(admin, order_id, "client complaint about results", minutes=15)
    assert photos.open_photo(admin, photo_id)
    assert [g.id for g in breakglass.active_break_glasses(admin)] == [grant.id]
    actions = [(e.action, e.details) for e in audit.entries(admin.conn, object_ref=f"order:{order_id}", limit=3)]
    assert ("photo.opened", {"photo": photo_id, "kind": "photo", "basis": "breakglass"}) in actions
    assert all("complaint" not in str(d) for _, d in actions)  # the reason text is not in the log

    later = clock.now() + dt.timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(PermissionDenied):
        photos.open_photo(admin, photo_id)
    assert breakglass.active_break_glasses(admin) == []


def test_break_glass_can_be_ended_early(clinic, walk) -> None:
    order_id = walk(Status.QUOTED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    grant = breakglass.start_break_glass(clinic.admin, order_id, "legal request pending review", minutes=5)
    photos.open_photo(clinic.admin, photo_id)
    breakglass.end_break_glass(clinic.admin, grant.id)
    with pytest.raises(PermissionDenied):
        photos.open_photo(clinic.admin, photo_id)


def test_doctor_report_flow_and_delivery(clinic, walk) -> None:
    order_id = walk(Status.IN_REVIEW)
    with pytest.raises(StateError):
        delivery.deliver(clinic.doctor, order_id)  # no report yet
    delivery.write_report(clinic.doctor, order_id, "first draft")
    delivery.write_report(clinic.doctor, order_id, "Dorsal hump; wide alar base.")
    assert delivery.read_report(clinic.doctor, order_id) == "Dorsal hump; wide alar base."
    files = clinic.admin.conn.execute("SELECT count(*) FROM order_files WHERE kind = 'report'").fetchone()[0]
    assert files == 1  # the replaced draft's file is gone
    with pytest.raises(PermissionDenied):
        delivery.deliver(clinic.reception, order_id)
    order = delivery.deliver(clinic.doctor, order_id)
    assert order.status == Status.DELIVERED and order.destroy_after > order.delivered_at
    assert audit.verify(clinic.admin.conn).ok


def test_no_file_access_before_the_confidentiality_agreement(clinic, walk, login) -> None:
    order_id = walk(Status.CONSENTED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    other = _second_doctor(clinic, login, accept=False)
    consent.revoke_consent(clinic.reception, order_id)
    consent.record_consent(clinic.reception, order_id, other.staff.id, "verbal")
    with transaction(clinic.admin.conn):
        keys.grant_missing(clinic.admin.conn)  # what a manager's next sign-in does (the key is sealed)
    with pytest.raises(PermissionDenied):
        photos.open_photo(other, photo_id)  # consent is there, the agreement is not
    from maya_desktop.core.staff import accept_agreement

    accept_agreement(other)
    assert photos.open_photo(other, photo_id)
