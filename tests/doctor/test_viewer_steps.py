"""Issue 17: a case opens in steps (the event loop runs between them, so the window never freezes for the
whole build); the viewer completes by itself, and whoever reaches for a part not built yet gets all of it."""

from __future__ import annotations

from tests.doctor.conftest import make_case, open_on_cases_page, wait_for_photos


def test_a_case_opens_in_steps_and_completes_by_itself(qtbot, clinic, faces):
    order_id = make_case(clinic, faces)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    # open_order returned after the first step (the title bar); the first photo is already asked for
    assert not viewer.is_built()
    assert "canvas" not in viewer.__dict__ and "panel" not in viewer.__dict__
    first = viewer.wanted
    assert first is not None and (first in viewer.photo_loaders or first in viewer.images)
    qtbot.waitUntil(viewer.is_built, timeout=30_000)  # nobody touched it: the event loop built the rest
    assert viewer.strip.photo_ids()[0] == first
    qtbot.waitUntil(lambda: viewer.current == first, timeout=60_000)  # shown once the screen is complete
    assert viewer.side.count() == 2 and viewer.side.indexOf(viewer.panel.parentWidget()) == 1  # the findings tab
    assert viewer.compare.count() == 3  # "compare with…" and the two photos
    wait_for_photos(qtbot, viewer)
    assert viewer.canvas.image is not None
    page.close_viewer()


def test_reaching_for_a_part_not_built_yet_builds_all_of_it(qtbot, clinic, faces):
    order_id = make_case(clinic, faces)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    assert not viewer.is_built()
    assert viewer.sign_button.text()  # built in a later step: built now, with everything after it
    assert viewer.is_built() and "layout_view" in viewer.__dict__
    assert viewer.findings is not None
    wait_for_photos(qtbot, viewer)
    page.close_viewer()
