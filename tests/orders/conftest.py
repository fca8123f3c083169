"""Fixtures for the orders tests: a demo clinic with sessions for each role and order factories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from tests.conftest import Clinic


@pytest.fixture(scope="module")
def shared_clinic(tmp_path_factory) -> Iterator[Clinic]:
    """One clinic for a whole module (the state-machine table creates hundreds of orders)."""
    from orders_helpers import PASSWORD

    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.core.staff import accept_agreement
    from maya_desktop.core.vault import Vault

    root = tmp_path_factory.mktemp("clinic") / "c"
    admin = create_demo_clinic(root, PASSWORD, clients=5)
    reception = Vault.open(root, "reception", PASSWORD)
    doctor = Vault.open(root, "doctor", PASSWORD)
    for session in (reception, doctor):
        accept_agreement(session)
    yield Clinic(admin, reception, doctor, root)
    for s in (admin, reception, doctor):
        s.vault.close()


@pytest.fixture(scope="session")
def face_bytes(faces: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in faces.iterdir() if p.suffix in (".jpg", ".png")}


@pytest.fixture
def walk(clinic: Clinic, face_bytes: dict[str, bytes]) -> Callable[..., int]:
    """walk(target_status, service=...) -> order id, walked through the real API up to that state."""
    from maya_desktop.core import photos
    from maya_desktop.core.orders import consent, delivery, documents, payments, quotes

    def _walk(target: Status, service: str = "rhinoplasty_analysis", client_id: int = 1, analysis: bool = False) -> int:
        r, d = clinic.reception, clinic.doctor
        order = records.create_order(r, client_id, service)
        steps = [
            Status.PHOTOS_IMPORTED,
            Status.ANALYZED,
            Status.QUOTED,
            Status.PAID,
            Status.CONSENTED,
            Status.IN_REVIEW,
            Status.DELIVERED,
        ]
        for step in steps[: steps.index(target) + 1] if target in steps else []:
            if step == Status.PHOTOS_IMPORTED:
                if service == "rhinoplasty_analysis":
                    for name in ("obama.jpg", "profile_left_cameraman.jpg"):
                        photos.import_photo(r, order.id, face_bytes[name], run_analysis=analysis)
                else:
                    documents.import_document(r, order.id, "یک متن محرمانه برای ترجمه".encode())
            elif step == Status.ANALYZED:
                if service == "rhinoplasty_analysis":
                    infos = photos.list_photos(r, order.id)
                    photos.confirm_views(
                        r, order.id, {p.id: v for p, v in zip(infos, ("frontal", "profile_left"), strict=True)}
                    )
                photos.complete_analysis(r, order.id)
            elif step == Status.QUOTED:
                quotes.issue_quote(r, order.id)
            elif step == Status.PAID:
                price = records.get_order(r, order.id).price_rial
                payments.record_payment(r, order.id, "درگاه سامان", "987654321", price)
            elif step == Status.CONSENTED:
                consent.record_consent(r, order.id, d.staff.id, "signed_form")
            elif step == Status.IN_REVIEW:
                delivery.start_review(d, order.id)
            elif step == Status.DELIVERED:
                delivery.write_report(d, order.id, "Findings: dorsal hump, wide alar base.")
                delivery.deliver(d, order.id)
        return order.id

    return _walk
