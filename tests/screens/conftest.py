"""One clinic for the screenshot walk, with Latin-letter data (names, clinic, gateway), so that in the
English run any Persian letter on screen is the interface's own text, not a client's name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FACES, PASSWORD


@dataclass(frozen=True)
class WalkClinic:
    root: Path
    client: int  # Sara: an earlier and a current order, both consented to the doctor
    earlier_case: int
    case: int  # the doctor's case (frontal + profile, analysed, consented)
    imported: int  # photos imported and analysed, one refused (several faces): reception's import screen
    analysed: int  # views confirmed, ready for a quote
    quoted: int
    paid: int
    history_client: int


def _build(root: Path) -> WalkClinic:
    from maya_desktop.core.clients import create_client
    from maya_desktop.core.orders import consent, payments, records
    from maya_desktop.core.orders.states import Status
    from maya_desktop.core.roles import Role
    from maya_desktop.core.staff import accept_agreement, create_staff
    from maya_desktop.core.vault import Vault
    from tests.factories import walk_order

    admin = Vault.create(
        root, clinic_name="Maya Beauty Collection", username="admin", display_name="Mina Manager", password=PASSWORD
    )
    accept_agreement(admin)
    create_staff(admin, "reception", "Rita Reception", Role.RECEPTIONIST, PASSWORD)
    create_staff(admin, "doctor", "Dr Daniel Demo", Role.DOCTOR, PASSWORD, medical_council_no="12345")
    reception = Vault.open(root, "reception", PASSWORD)
    doctor = Vault.open(root, "doctor", PASSWORD)
    try:
        for session in (reception, doctor):
            accept_agreement(session)
        names = [("Sara", "Mohammadi"), ("Nima", "Karimi"), ("Leila", "Ahmadi"), ("Omid", "Rahimi"), ("Tara", "Nouri")]
        ids = [
            create_client(reception, first, last, f"0912{5550000 + i:07d}", f"{first.lower()}@example.com").id
            for i, (first, last) in enumerate(names)
        ]
        extra = ["Arash", "Bahar", "Cyrus", "Dina", "Elham", "Farid", "Golnar", "Hamid", "Iman", "Jaleh"]
        for i, first in enumerate(extra):
            create_client(reception, first, "Sample", f"0935{1110000 + i:07d}", None)
        frontal, profile = (FACES / "obama.jpg").read_bytes(), (FACES / "profile_left_cameraman.jpg").read_bytes()

        def consented(client: int, photos: list[bytes], views: list[str]) -> int:
            order = walk_order(reception, doctor, client, Status.QUOTED, photos, views=views, analysis=True)
            price = records.get_order(reception, order).price_rial
            payments.record_payment(reception, order, "Saman gateway", "REF-20261206", price)
            consent.record_consent(reception, order, doctor.staff.id, "verbal", None)
            return order

        earlier = consented(ids[0], [(FACES / "biden.jpg").read_bytes()], ["frontal"])
        case = consented(ids[0], [frontal, profile], ["frontal", "profile_left"])
        imported = walk_order(
            reception,
            doctor,
            ids[1],
            Status.PHOTOS_IMPORTED,
            [frontal, (FACES / "group_collage.jpg").read_bytes()],
            analysis=True,
        )
        analysed = walk_order(
            reception,
            doctor,
            ids[2],
            Status.ANALYZED,
            [frontal, profile],
            analysis=True,
            views=["frontal", "profile_left"],
        )
        quoted = walk_order(reception, doctor, ids[3], Status.QUOTED, [frontal], views=["frontal"])
        paid = walk_order(reception, doctor, ids[4], Status.QUOTED, [frontal], views=["frontal"])
        payments.record_payment(
            reception, paid, "Saman gateway", "REF-777", records.get_order(reception, paid).price_rial
        )
        return WalkClinic(root, ids[0], earlier, case, imported, analysed, quoted, paid, ids[0])
    finally:
        for session in (reception, doctor, admin):
            session.vault.close()


@pytest.fixture(scope="module")
def walk_clinic(tmp_path_factory: pytest.TempPathFactory) -> WalkClinic:
    return _build(tmp_path_factory.mktemp("walk") / "clinic")
