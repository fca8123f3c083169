"""Fixtures for the orders tests: a demo clinic with sessions for each role and order factories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from maya_desktop.core.orders.states import Status
from tests.conftest import Clinic
from tests.factories import walk_order


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
    photo_bytes = [face_bytes["obama.jpg"], face_bytes["profile_left_cameraman.jpg"]]

    def _walk(target: Status, service: str = "rhinoplasty_analysis", client_id: int = 1, analysis: bool = False) -> int:
        return walk_order(
            clinic.reception, clinic.doctor, client_id, target, photo_bytes, service=service, analysis=analysis
        )

    return _walk
