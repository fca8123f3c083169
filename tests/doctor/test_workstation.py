"""The doctor's workstation end to end on a real SQLCipher demo clinic with real photos."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from maya_desktop.core import audit
from maya_desktop.core.errors import NotFound, PermissionDenied
from maya_desktop.core.orders import breakglass, clock
from maya_desktop.core.orders.cases import list_cases, open_case
from maya_desktop.core.photos import get_analysis, list_photos, open_photo
from maya_desktop.gui.doctor.cases_page import CasesPage
from tests.doctor.conftest import make_case, open_on_cases_page, show_and_wait, wait_for_photos


def angle(a, v, b) -> float:
    """The angle a-v-b in degrees, by hand."""
    ux, uy, wx, wy = a[0] - v[0], a[1] - v[1], b[0] - v[0], b[1] - v[1]
    return math.degrees(math.acos((ux * wx + uy * wy) / (math.hypot(ux, uy) * math.hypot(wx, wy))))


def test_doctor_without_consent_sees_no_case_and_cannot_open_one(qtbot, clinic, faces):
    order_id = make_case(clinic, faces, consent=False)
    d = clinic.doctor
    assert list_cases(d) == []
    with pytest.raises(NotFound):
        open_case(d, order_id)
    photo = list_photos(clinic.reception, order_id)[0]
    with pytest.raises((PermissionDenied, NotFound)):
        open_photo(d, photo.id)
    page = CasesPage(d)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the list is read without waiting
    assert page.table.rowCount() == 0
    denied = [e.action for e in audit.entries(d.conn, object_ref=f"order:{order_id}")]
    assert "order.access_denied" in denied


def test_doctor_with_consent_sees_name_but_no_contact_and_opening_is_audited(qtbot, clinic, case):
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the list is read without waiting
    assert page.table.rowCount() == 1 and page.table.columnCount() == 5
    assert page.table.item(0, 1).text() == "سارا محمدی"
    assert page.open_order(case)
    wait_for_photos(qtbot, page.viewer)
    actions = [e.action for e in audit.entries(clinic.doctor.conn, object_ref=f"order:{case}")]
    assert "case.opened" in actions and "photo.opened" in actions
    page.close_viewer()


def test_drag_landmark_updates_nasolabial_angle_live_and_undo_restores_it(qtbot, clinic, case, artifacts):
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, case)
    wait_for_photos(qtbot, viewer)
    profile = next(pid for pid, p in viewer.photos.items() if p.view == "profile_left")
    show_and_wait(qtbot, viewer, profile)
    canvas = viewer.canvas
    assert viewer.current == profile and canvas.view_name == "left_profile"
    h = canvas.handles
    sn = (h["subnasale"].pos().x() + 1.5, h["subnasale"].pos().y() - 1.0)
    cm, ls = (sn[0] - 20.0, sn[1] - 8.0), (sn[0] + 3.0, sn[1] + 30.0)
    # The doctor places the three points of the nasolabial angle (columella - subnasale - upper lip).
    h["subnasale"].drag_to(*sn)
    h["columella"].drag_to(*cm)
    h["labrale_superius"].drag_to(*ls)
    first = canvas.value("nasolabial_angle")
    assert first == pytest.approx(angle(cm, sn, ls), abs=1e-6)
    assert viewer.table.value_of("nasolabial_angle") == pytest.approx(first)
    # Drag the columella up: the tip rotates, the angle opens; the number follows the geometry.
    cm2 = (sn[0] - 14.0, sn[1] - 22.0)
    h["columella"].drag_to(*cm2)
    second = canvas.value("nasolabial_angle")
    assert second == pytest.approx(angle(cm2, sn, ls), abs=1e-6)
    assert second > first + 10
    canvas.viewport().grab().save(str(artifacts / "doctor_viewer_canvas.png"))
    page.grab().save(str(artifacts / "doctor_viewer.png"))
    canvas.undo_stack.undo()
    assert canvas.value("nasolabial_angle") == pytest.approx(first, abs=1e-6)
    assert h["columella"].pos().x() == pytest.approx(cm[0])
    canvas.undo_stack.redo()
    assert canvas.value("nasolabial_angle") == pytest.approx(second, abs=1e-6)
    # Saved encrypted with the order, marked doctor-corrected; reset brings the engine's points back.
    viewer.save_corrections()
    stored = get_analysis(clinic.doctor, profile)
    assert set(stored["doctor_corrected"]["points"]) >= {"columella", "subnasale", "labrale_superius"}
    assert stored["landmarks"]["columella"]["source"] == "corrected"
    nl = next(m for m in stored["measurements"] if m["key"] == "nasolabial_angle")
    assert nl["value"] == pytest.approx(second, abs=0.01)
    viewer.reset_points()
    assert "doctor_corrected" not in get_analysis(clinic.doctor, profile)
    page.close_viewer()


def test_view_is_cleared_when_the_app_locks(qtbot, clinic, case):
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(clinic.doctor)
    qtbot.addWidget(window)
    window.show_page("cases")
    page = window.page_by_key["cases"]
    assert page.open_order(case)
    viewer = page.viewer
    wait_for_photos(qtbot, viewer)
    assert viewer.images
    window.lock()
    assert page.viewer is None and not viewer.images and not viewer.analyses
    assert page.table.rowCount() == 0
    assert viewer.canvas.scene().items() == []


def test_break_glass_needs_a_reason_and_expires(qtbot, clinic, faces, monkeypatch):
    from maya_desktop.core.errors import ValidationError
    from maya_desktop.gui.doctor.break_glass import BreakGlassDialog

    order_id = make_case(clinic, faces)
    admin = clinic.admin
    with pytest.raises(PermissionDenied):
        open_case(admin, order_id)
    dialog = BreakGlassDialog(admin, order_id)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason.setPlainText("کوتاه")
    assert not ok.isEnabled()
    with pytest.raises(ValidationError):
        breakglass.start_break_glass(admin, order_id, "کوتاه", 10)
    with pytest.raises(ValidationError):
        breakglass.start_break_glass(admin, order_id, "شکایت رسمی مشتری و بررسی فوری پرونده", 61)
    dialog.reason.setPlainText("شکایت رسمی مشتری و بررسی فوری پرونده")
    dialog.minutes.setValue(10)
    assert ok.isEnabled()
    dialog.try_start()
    assert dialog.result_grant is not None
    opened = open_case(admin, order_id)
    assert opened.basis == "breakglass"
    later = clock.now() + dt.timedelta(minutes=11)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(PermissionDenied):
        open_case(admin, order_id)


def test_client_access_report_lists_every_access_and_no_other_client(qtbot, clinic, faces, artifacts):
    import shutil
    import subprocess

    from maya_desktop.core.access_log import client_access_report
    from maya_desktop.core.orders import destruction
    from maya_desktop.reports.access_report import build_access_report
    from tests.doctor.test_report_pdf import plain

    mine = make_case(clinic, faces)
    other = make_case(clinic, faces)
    open_case(clinic.doctor, mine)
    open_case(clinic.doctor, other)
    breakglass.start_break_glass(clinic.admin, mine, "شکایت رسمی مشتری و بررسی فوری پرونده", 5)
    open_case(clinic.admin, mine)
    client_id = clinic.admin.conn.execute("SELECT client_id FROM orders WHERE id = ?", (mine,)).fetchone()[0]
    destruction.destroy_order_now(clinic.reception, mine)  # destroyed orders stay in the report
    report = client_access_report(clinic.admin, client_id)
    other_ref = clinic.admin.conn.execute("SELECT order_ref FROM orders WHERE id = ?", (other,)).fetchone()[0]
    assert {e.order_ref for e in report.events} <= set(report.orders) and other_ref not in report.orders
    opened = [e for e in report.events if e.action == "case.opened"]
    assert {(e.display_name, e.basis) for e in opened} == {
        ("دکتر نمایشی", "consent"),
        (opened[-1].display_name, "breakglass"),
    }
    assert any(e.action == "breakglass.started" for e in report.events)
    assert len(report.receipts) == 1 and report.receipts[0].receipt["files"]
    with pytest.raises(PermissionDenied):
        client_access_report(clinic.doctor, client_id)
    pdf = build_access_report(clinic.admin, client_id)
    (artifacts / "access_report.pdf").write_bytes(pdf)  # synthetic client only
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = plain(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode())
    for label in ("گزارش دسترسی به فایل‌های مشتری", "دسترسی اضطراری", "رضایت مشتری", "رسیدهای نابودی فایل‌ها"):
        assert plain(label) in text, label
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(artifacts / "access_report.pdf"), str(artifacts / "access_report")],
        check=True,
    )
