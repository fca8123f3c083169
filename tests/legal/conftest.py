"""Fixtures for legal requests (P12): a demo clinic with two clients, walked through the real core API.

Client A (the one the court asks about) has a delivered order (photos, signed report, scanned consent
form), an order destroyed on request, and a confidential-document order. Client B has an order of
their own: nothing of B may ever appear in an export about A.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from maya_desktop.core.clients import Client
from maya_desktop.core.orders.states import Status
from tests.conftest import PASSWORD, Clinic
from tests.factories import walk_order

CARD = "6037 9975 9940 0315"  # Luhn-valid test number (not a real account)
COURT = "شعبهٔ ۱۰۲ دادگاه کیفری دو تهران"
CASE = "۱۴۰۳-ک-۵۵۲۱"
CONSENT_FORM = b"%PDF-1.4\n% scanned consent form (test)\n%%EOF\n"
REPORT_PDF = b"%PDF-1.4\n% signed report (test)\n%%EOF\n"
DOCUMENT_TEXT = "متن محرمانهٔ سند برای ترجمه — نسخهٔ آزمایشی"
B_NOTES = "یادداشت پذیرش دربارهٔ سفارش دوم"


@dataclass
class World:
    clinic: Clinic
    a: Client
    b: Client
    delivered: int  # A: photos + signed report + scanned consent form, delivered
    destroyed: int  # A: destroyed at the client's request (deletion receipt in the audit log)
    document: int  # A: confidential document imported
    other: int  # B: photos imported
    a_photos: list[bytes]  # the delivered order's photos as stored (cleaned JPEGs)
    b_photos: list[bytes]

    @property
    def admin(self):  # type: ignore[no-untyped-def]
        return self.clinic.admin


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


@pytest.fixture
def world(clinic: Clinic, faces: Path) -> World:
    from maya_desktop.core import photos
    from maya_desktop.core.clients import create_client
    from maya_desktop.core.orders import delivery, destruction, documents, records
    from maya_desktop.core.orders.findings import Findings, sign_findings, store_report_pdf

    r, d = clinic.reception, clinic.doctor
    a = create_client(r, "ترانه", "شایگان", "09127771234", "taraneh.shayegan@example.com")
    b = create_client(r, "نیلوفر", "بختیاری", "09358881234", "nilufar.bakhtiari@example.com")

    delivered = walk_order(
        r,
        d,
        a.id,
        Status.IN_REVIEW,
        [(faces / name).read_bytes() for name in ("obama.jpg", "profile_left_cameraman.jpg")],
        notes="مشتری صبح‌ها تماس می‌گیرد",
        consent_form=CONSENT_FORM,
    )
    sign_findings(d, delivered, Findings(free_text="قوز استخوانی پشت بینی؛ نوک بینی پهن"))
    store_report_pdf(d, delivered, REPORT_PDF)
    delivery.deliver(d, delivered)
    a_photos = [photos.open_photo(d, p.id) for p in photos.list_photos(d, delivered)]

    destroyed = records.create_order(r, a.id, "rhinoplasty_analysis").id
    photos.import_photo(r, destroyed, (faces / "grace_hopper.jpg").read_bytes(), run_analysis=False)
    destruction.destroy_order_now(r, destroyed)

    document = records.create_order(r, a.id, "confidential_document").id
    documents.import_document(r, document, DOCUMENT_TEXT.encode("utf-8"))

    other = records.create_order(r, b.id, "rhinoplasty_analysis", B_NOTES).id
    photos.import_photo(r, other, (faces / "astronaut.png").read_bytes(), run_analysis=False)
    b_photos = [photos.open_photo(r, p.id) for p in photos.list_photos(r, other)]
    return World(clinic, a, b, delivered, destroyed, document, other, a_photos, b_photos)


@pytest.fixture
def yes(monkeypatch):  # type: ignore[no-untyped-def]
    """Every confirmation answered "Yes"; returns the questions asked (GUI tests)."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The folder the manager chooses (a USB stick): empty, outside the data folder."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def manager2(clinic: Clinic, login):  # type: ignore[no-untyped-def]
    """A second active manager (four eyes), who has accepted the confidentiality agreement."""
    from maya_desktop.core.roles import Role
    from maya_desktop.core.staff import accept_agreement, create_staff

    create_staff(clinic.admin, "manager2", "مدیر دوم", Role.MANAGER, PASSWORD)
    session = login("manager2")
    accept_agreement(session)
    return session


def record(session, world: World, kinds=("photos",), orders=None, **kw):  # type: ignore[no-untyped-def]
    import datetime as dt

    from maya_desktop.core.legal.requests import Scope, record_request

    return record_request(
        session,
        kw.get("client_id", world.a.id),
        kw.get("court", COURT),
        kw.get("case_number", CASE),
        kw.get("letter_date", dt.date(2024, 8, 1)),
        Scope(tuple(kinds), None if orders is None else tuple(orders)),
        kw.get("notes", "نامهٔ شمارهٔ ثبت ۱۲ در دبیرخانه"),
        hold=kw.get("hold", False),
    )


def approved(session, world: World, **kw):  # type: ignore[no-untyped-def]
    """Recorded and approved by the same (only) manager."""
    from maya_desktop.core.legal.requests import approve_request

    return approve_request(session, record(session, world, **kw).id)


def assert_refused_and_audited(world: World, session, calls) -> None:  # type: ignore[no-untyped-def]
    """Each call raises PermissionDenied, and each refusal is one `permission.denied` entry for legal.manage."""
    from maya_desktop.core import audit
    from maya_desktop.core.errors import PermissionDenied

    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    denied = [
        e
        for e in audit.entries(world.admin.conn, limit=50)
        if e.action == "permission.denied" and e.actor == session.actor and e.details["permission"] == "legal.manage"
    ]
    assert len(denied) == len(calls)
