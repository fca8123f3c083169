"""Fixtures for the doctor's workstation: a demo clinic and a rhinoplasty order walked through the
real core API (client -> order -> photos -> views -> quote -> payment -> consent to the demo doctor)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from maya_desktop.core.session import Session


@dataclass
class Clinic:
    admin: Session
    reception: Session
    doctor: Session


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here runs with the Persian theme (tests/conftest.py)."""


@pytest.fixture
def clinic(demo, login) -> Clinic:
    from maya_desktop.core.staff import accept_agreement

    reception, doctor = login("reception"), login("doctor")
    for session in (demo, reception, doctor):
        accept_agreement(session)
    return Clinic(demo, reception, doctor)


def make_case(
    clinic: Clinic,
    faces: Path,
    photos_views=(("obama.jpg", "frontal"), ("profile_left_cameraman.jpg", "profile_left")),
    consent: bool = True,
) -> int:
    """A new client and a rhinoplasty order (photos analysed) up to `consented` (or `paid` when consent=False)."""
    from maya_desktop.core.clients import create_client
    from maya_desktop.core.orders.states import Status
    from tests.factories import walk_order

    r = clinic.reception
    n = r.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    client = create_client(r, "سارا", "محمدی", f"0912{3000000 + n:07d}", None)
    return walk_order(
        r,
        clinic.doctor,
        client.id,
        Status.CONSENTED if consent else Status.PAID,
        [(faces / name).read_bytes() for name, _view in photos_views],
        views=[view for _name, view in photos_views],
        analysis=True,
    )


@pytest.fixture
def case(clinic: Clinic, faces: Path) -> int:
    return make_case(clinic, faces)


def wait_for_photos(qtbot, viewer, timeout: int = 60_000) -> None:
    """Wait until the viewer has opened what a case opens by itself (minimum viewing: every thumbnail and
    the photo on screen; under break-glass nothing) and nothing is loading any more."""

    def settled() -> bool:
        thumbs = viewer.loader is None or len(viewer.thumbs) + len(viewer.thumbs_failed) == len(viewer.photos)
        shown = (
            viewer.one_by_one
            or viewer.wanted is None
            or (viewer.wanted in viewer.images and viewer.current == viewer.wanted)  # decoded and on the canvas
            or viewer.wanted in viewer.failed
        )
        return thumbs and shown and not viewer.is_loading()

    qtbot.waitUntil(settled, timeout=timeout)


def show_and_wait(qtbot, viewer, photo_id: int, timeout: int = 60_000) -> None:
    """Choose a photo in the strip, as the doctor would, and wait until it is on the canvas (or failed)."""
    viewer.strip.select_photo(photo_id)
    qtbot.waitUntil(lambda: viewer.current == photo_id or photo_id in viewer.failed, timeout=timeout)


def open_on_cases_page(qtbot, session: Session, order_id: int):  # type: ignore[no-untyped-def]
    """(cases page, viewer) with `order_id` open, on a shown page of a fixed size (for screenshots)."""
    from maya_desktop.gui.doctor.cases_page import CasesPage

    page = CasesPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    assert page.open_order(order_id)
    return page, page.viewer


def open_in_main_window(qtbot, session: Session, order_id: int):  # type: ignore[no-untyped-def]
    """(window, cases page, viewer) with `order_id` open and its first photo shown."""
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show_page("cases")
    page = window.page_by_key["cases"]
    assert page.open_order(order_id)
    viewer = page.viewer
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    return window, page, viewer
