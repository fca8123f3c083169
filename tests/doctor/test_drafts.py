"""Nothing is lost to a lock: the doctor's unsaved findings and landmark moves come back after unlock,
sealed to that doctor (another person signing in does not see them)."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from maya_desktop.core import drafts
from maya_desktop.core.signin import SignInRequest, sign_in, unlock
from maya_desktop.gui.doctor.canvas import MoveLandmark
from tests.conftest import PASSWORD
from tests.doctor.conftest import make_case, open_in_main_window


def test_locking_mid_edit_keeps_a_draft_that_comes_back_after_unlock(qtbot, clinic, faces, data_dir) -> None:
    order_id = make_case(clinic, faces)
    window, page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    viewer.panel.free_text.setPlainText("بینی کمی انحراف دارد؛ پیشنهاد: بررسی بیشتر")
    name = next(iter(viewer.canvas.landmarks))
    start = viewer.canvas.landmarks[name]
    moved_to = QPointF(start.x + 7.0, start.y + 3.0)
    viewer.canvas.undo_stack.push(MoveLandmark(viewer.canvas, name, QPointF(start.x, start.y), moved_to))
    photo = viewer.current

    window.lock()  # the screen locks mid-edit (as after idle minutes)
    assert page.viewer is None and clinic.doctor.locked

    # another person signs in on this workstation meanwhile: the draft is not theirs to see
    other = sign_in(SignInRequest(data_dir, "admin", PASSWORD))
    try:
        assert drafts.drafts_of(other) == []
        sealed = other.conn.execute("SELECT sealed FROM drafts").fetchone()[0]
        assert "انحراف".encode() not in bytes(sealed)  # sealed to the doctor, not readable from the table
    finally:
        other.vault.close()

    unlock(clinic.doctor, PASSWORD)
    window.unlock()
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.current == photo, timeout=60_000)
    qtbot.waitUntil(lambda: not page.viewer.is_loading(), timeout=10_000)  # the draft is read without waiting
    restored = page.viewer
    assert restored.panel.free_text.toPlainText() == "بینی کمی انحراف دارد؛ پیشنهاد: بررسی بیشتر"
    point = restored.canvas.landmarks[name]
    assert (round(point.x, 3), round(point.y, 3)) == (round(moved_to.x(), 3), round(moved_to.y(), 3))
    assert not restored.canvas.undo_stack.isClean()  # still unsaved: the doctor decides to save it
    qtbot.waitUntil(lambda: drafts.drafts_of(clinic.doctor) == [], timeout=10_000)  # offered once, then gone
    window.close()


def test_switch_user_on_the_lock_screen_closes_the_window_and_keeps_the_vault_closed(qtbot, clinic, faces) -> None:
    from PySide6.QtWidgets import QPushButton

    from maya_desktop.core import db

    order_id = make_case(clinic, faces)
    window, _page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    viewer.panel.free_text.setPlainText("یادداشت ناتمام")
    window.lock()
    window.lock_screen.findChild(QPushButton, "switchUserButton").click()
    assert window.switching and not window.isVisible()
    assert all(conn is not clinic.doctor.vault._conn for conn in db.open_connections(clinic.doctor.vault.data_dir.db))
    assert clinic.doctor.vault.key_provider() == b""
    unlock(clinic.doctor, PASSWORD)  # the doctor, later: the draft is still theirs
    assert [d.ref for d in drafts.drafts_of(clinic.doctor)] == [str(order_id)]
