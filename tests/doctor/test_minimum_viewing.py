"""Minimum necessary viewing: opening a case decrypts thumbnails only; a full photo is decrypted and
logged as viewed only when it is shown, and the client's access report lists exactly the photos that were
displayed. Under break-glass nothing opens by itself: photos open one by one, each with its own entry."""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core import audit
from maya_desktop.core.access_log import client_access_report
from maya_desktop.core.orders import breakglass, records
from maya_desktop.gui.doctor.photo_loader import THUMB_SIDE
from maya_desktop.reports.access_report import access_report_html
from tests.doctor.conftest import make_case, open_on_cases_page, show_and_wait, wait_for_photos

SIX = (
    ("obama.jpg", "frontal"),
    ("profile_left_cameraman.jpg", "profile_left"),
    ("biden.jpg", "profile_right"),
    ("grace_hopper.jpg", "oblique_left"),
    ("astronaut.png", "oblique_right"),
    ("obama_partial_face.jpg", "base"),
)
REASON = "پزشک معالج در سفر است و مشتری برای بررسی فوری تماس گرفته است"


def _opened(session, order_id: int) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    """(photo, kind, basis) of every photo.opened entry of the order, oldest first."""
    entries = reversed(audit.entries(session.conn, object_ref=f"order:{order_id}", limit=500))
    return [(e.details["photo"], e.details["kind"], e.details["basis"]) for e in entries if e.action == "photo.opened"]


def _analyses(session, order_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    entries = audit.entries(session.conn, object_ref=f"order:{order_id}", limit=500)
    return sorted(e.details["photo"] for e in entries if e.action == "photo.analysis_opened")


def test_showing_two_of_six_photos_decrypts_and_reports_exactly_those_two(qtbot, clinic, faces: Path, artifacts):
    order_id = make_case(clinic, faces, SIX)
    client_id = records.get_order(clinic.admin, order_id).client_id
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    strip = viewer.strip.photo_ids()
    first, other = strip[0], strip[3]
    assert set(viewer.thumbs) == set(viewer.photos) and len(viewer.photos) == 6
    assert all(max(t.width(), t.height()) <= THUMB_SIDE for t in viewer.thumbs.values())
    show_and_wait(qtbot, viewer, other)  # the doctor looks at one more photo
    assert set(viewer.images) == {first, other}
    page.grab().save(str(artifacts / "doctor_minimum_viewing.png"))
    page.close_viewer()

    opened = _opened(clinic.admin, order_id)
    assert sorted(p for p, kind, _ in opened if kind == "photo") == sorted([first, other])
    assert sorted(p for p, kind, _ in opened if kind == "thumb") == sorted(strip)  # each thumbnail once
    assert _analyses(clinic.admin, order_id) == sorted([first, other])  # face-derived data: only if shown
    report = client_access_report(clinic.admin, client_id)
    assert sorted(report.photos_shown()) == sorted([first, other])
    thumbs = [e for e in report.events if e.action == "photo.opened" and e.file_kind == "thumb"]
    assert len(thumbs) == 6 and {e.what_en for e in thumbs} == {"Thumbnail shown"}
    html = access_report_html(report, "کلینیک")
    assert html.count("مشاهدهٔ عکس") == 2 and html.count("نمایش تصویر کوچک") == 6


def test_a_photo_asked_for_again_while_its_pixels_are_on_their_way_is_decrypted_once(qtbot, clinic, faces: Path):
    """The first photo's decoder may finish before the screen asks to show it, its pixels still queued for the
    GUI thread (a busy machine): asking again then must wait for them, not decrypt (and log) the photo twice."""
    order_id = make_case(clinic, faces, SIX[:2])
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    first = viewer.wanted
    decoder = viewer.photo_loaders[first]
    assert decoder.done.wait(60)  # finished in the background; the GUI thread has not run since
    assert first not in viewer.images and first in viewer.photo_loaders
    viewer._open_full(first)  # what showing it (`_load_photos`) asks for at this moment
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.current == first, timeout=60_000)
    page.close_viewer()
    assert [p for p, kind, _ in _opened(clinic.admin, order_id) if kind == "photo"] == [first]


def test_under_break_glass_photos_open_one_by_one_each_with_its_own_entry(qtbot, clinic, faces: Path, artifacts):
    order_id = make_case(clinic, faces, SIX, consent=False)
    client_id = records.get_order(clinic.admin, order_id).client_id
    breakglass.start_break_glass(clinic.admin, order_id, REASON, 15)
    page, viewer = open_on_cases_page(qtbot, clinic.admin, order_id)
    wait_for_photos(qtbot, viewer)
    assert viewer.one_by_one and viewer.loader is None
    assert viewer.images == {} and viewer.thumbs == {} and viewer.canvas.image is None
    assert "جداگانه" in viewer.canvas.message
    before = len(_opened(clinic.admin, order_id))
    strip = viewer.strip.photo_ids()
    page.grab().save(str(artifacts / "doctor_breakglass_one_by_one.png"))
    for pid in (strip[1], strip[4]):
        show_and_wait(qtbot, viewer, pid)
    assert set(viewer.images) == {strip[1], strip[4]}
    page.grab().save(str(artifacts / "doctor_breakglass_two_opened.png"))
    page.close_viewer()

    opened = _opened(clinic.admin, order_id)[before:]
    assert opened == [(strip[1], "photo", "breakglass"), (strip[4], "photo", "breakglass")]
    report = client_access_report(clinic.admin, client_id)
    assert sorted(report.photos_shown()) == sorted([strip[1], strip[4]])
    assert {e.basis for e in report.events if e.action == "photo.opened" and e.file_kind == "photo"} == {"breakglass"}


def test_the_one_by_one_screen_in_english(english, qtbot, clinic, faces: Path, artifacts):
    import re

    order_id = make_case(clinic, faces, SIX[:3], consent=False)
    breakglass.start_break_glass(clinic.admin, order_id, REASON, 15)
    page, viewer = open_on_cases_page(qtbot, clinic.admin, order_id)
    wait_for_photos(qtbot, viewer)
    assert viewer.canvas.message.startswith("Emergency access: choose each photo")
    assert not re.search("[\u0600-\u06ff]", viewer.canvas.message)
    page.grab().save(str(artifacts / "doctor_breakglass_one_by_one_en.png"))
    page.close_viewer()
