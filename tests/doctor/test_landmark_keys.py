"""Keyboard nudges on the photo canvas: select with click / Tab, move with the arrows (Shift: 10 px),
live measurements, undo per key burst, saved like a drag; arrows follow the screen, not the RTL layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from maya_desktop.core.orders.corrections import live_measurements
from maya_desktop.core.photos import get_analysis
from maya_desktop.gui.doctor.cases_page import CasesPage
from tests.doctor.conftest import wait_for_photos


@pytest.fixture
def viewer(qtbot, clinic, case):
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    assert page.open_order(case)
    wait_for_photos(qtbot, page.viewer)
    yield page.viewer
    page.close_viewer()


def pos(canvas, name: str) -> tuple[float, float]:
    p = canvas.handles[name].pos()
    return p.x(), p.y()


def press(canvas, key, modifiers=Qt.KeyboardModifier.NoModifier, *, repeat: bool = False) -> None:
    """One key press as the keyboard sends it while held down (auto-repeat) or pressed once."""
    QApplication.sendEvent(canvas, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, "", repeat))
    if not repeat:
        QApplication.sendEvent(canvas, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, "", False))


def test_arrow_keys_move_the_selected_landmark_by_image_pixels_even_in_rtl(qtbot, viewer):
    canvas = viewer.canvas
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the Persian interface
    assert canvas.layoutDirection() == Qt.LayoutDirection.LeftToRight
    canvas.select_landmark("pronasale")
    x0, y0 = pos(canvas, "pronasale")
    before = canvas.value("nasal_tip_deviation_pct")
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert pos(canvas, "pronasale") == pytest.approx((x0 - 1, y0))  # left on the image, not mirrored by RTL
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pos(canvas, "pronasale") == pytest.approx((x0 + 9, y0))
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert pos(canvas, "pronasale") == pytest.approx((x0 + 9, y0 + 9))
    lm = canvas.landmarks["pronasale"]
    assert (lm.x, lm.y, lm.source, lm.confidence) == pytest.approx((x0 + 9, y0 + 9, "corrected", 1.0))
    # The measurements follow live, exactly as after a drag, and the table shows them.
    expected = live_measurements(canvas.analysis, canvas.landmarks, canvas.view_name, canvas.sex)
    assert [(m.key, m.value) for m in canvas.measurements] == [(m.key, m.value) for m in expected]
    assert canvas.value("nasal_tip_deviation_pct") != before
    assert viewer.table.value_of("nasal_tip_deviation_pct") == pytest.approx(canvas.value("nasal_tip_deviation_pct"))
    # Four separate presses, four undo steps; undoing all of them restores the automatic point.
    assert canvas.undo_stack.count() == 4
    for _ in range(4):
        canvas.undo_stack.undo()
    assert pos(canvas, "pronasale") == pytest.approx((x0, y0))
    assert canvas.landmarks["pronasale"].source != "corrected"
    assert canvas.value("nasal_tip_deviation_pct") == pytest.approx(before)


def test_a_held_key_is_one_undo_step_and_is_saved_like_a_drag(qtbot, viewer, clinic):
    canvas = viewer.canvas
    canvas.select_landmark("subnasale")
    x0, y0 = pos(canvas, "subnasale")
    press(canvas, Qt.Key.Key_Right)  # pressed ...
    for _ in range(7):
        press(canvas, Qt.Key.Key_Right, repeat=True)  # ... and held: the keyboard's auto-repeat
    QApplication.sendEvent(canvas, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier))
    assert pos(canvas, "subnasale") == pytest.approx((x0 + 8, y0))
    assert canvas.undo_stack.count() == 1
    press(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # a new press: a new step
    assert canvas.undo_stack.count() == 2
    canvas.undo_stack.undo()
    assert pos(canvas, "subnasale") == pytest.approx((x0 + 8, y0))
    canvas.undo_stack.undo()
    assert pos(canvas, "subnasale") == pytest.approx((x0, y0))
    canvas.undo_stack.redo()
    assert pos(canvas, "subnasale") == pytest.approx((x0 + 8, y0))
    # Ctrl+S (the viewer's save), stored encrypted and marked doctor-corrected.
    viewer.save_corrections()
    stored = get_analysis(clinic.doctor, viewer.current)
    assert stored["landmarks"]["subnasale"]["x"] == pytest.approx(round(x0 + 8, 2))
    assert "subnasale" in stored["doctor_corrected"]["points"]
    # After saving, the next burst is a new step (never merged into the saved one).
    press(canvas, Qt.Key.Key_Left)
    press(canvas, Qt.Key.Key_Left, repeat=True)
    assert canvas.undo_stack.count() == 2 and pos(canvas, "subnasale") == pytest.approx((x0 + 6, y0))


def test_tab_cycles_the_selected_landmark_and_escape_clears_it(qtbot, viewer):
    canvas = viewer.canvas
    order = canvas.tab_order
    assert len(order) == len(canvas.handles) > 5
    ys = [canvas.landmarks[n].y for n in order]
    assert ys[0] <= ys[len(ys) // 2] <= ys[-1]  # top of the face first
    assert canvas.selected is None
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == order[0]
    assert canvas.handles[order[0]].scale() > 1  # drawn larger with a yellow ring
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    # back to the size every handle has at this zoom (smaller than full size while the face is small)
    assert canvas.selected == order[1] and canvas.handles[order[0]].scale() == canvas.handle_factor <= 1
    qtbot.keyClick(canvas, Qt.Key.Key_Backtab)  # Shift+Tab
    assert canvas.selected == order[0]
    qtbot.keyClick(canvas, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.selected == order[-1]  # wraps around
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected == order[0]
    assert "«" in viewer.status.text()  # the chosen point is named, with how to move it
    # Moving a point never reorders Tab.
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.tab_order == order
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selected is None
    x, y = pos(canvas, order[0])
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # nothing selected: the arrows do not move points
    assert pos(canvas, order[0]) == (x, y) and canvas.undo_stack.count() == 1


def test_clicking_a_landmark_selects_it(qtbot, viewer):
    canvas = viewer.canvas

    def nearest(name: str) -> float:
        x, y = pos(canvas, name)
        return min((x - ox) ** 2 + (y - oy) ** 2 for ox, oy in (pos(canvas, n) for n in canvas.handles if n != name))

    name = max(canvas.handles, key=nearest)  # a point with no other handle on top of it
    at = canvas.mapFromScene(canvas.handles[name].pos())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert canvas.selected == name
    x0, y0 = pos(canvas, name)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert pos(canvas, name) == pytest.approx((x0, y0 - 1))


def test_arrows_follow_the_screen_when_the_photo_is_mirrored_or_rotated(qtbot, viewer):
    canvas = viewer.canvas
    canvas.select_landmark("pronasale")
    x0, y0 = pos(canvas, "pronasale")
    viewer.mirror.click()  # shown mirrored: "left" on screen is +x on the image
    assert canvas.mirrored
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert pos(canvas, "pronasale") == pytest.approx((x0 + 1, y0))
    viewer.mirror.click()
    canvas.rotate_by(90)  # turned clockwise: "up" on screen is -x on the image
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert pos(canvas, "pronasale") == pytest.approx((x0, y0))
    canvas.rotate_by(-90)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert pos(canvas, "pronasale") == pytest.approx((x0, y0 - 1))


def test_read_only_case_can_select_but_not_move(qtbot, viewer):
    canvas = viewer.canvas
    canvas.editable = False  # as in a break-glass (read-only) case
    canvas.select_landmark("pronasale")
    x0, y0 = pos(canvas, "pronasale")
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert pos(canvas, "pronasale") == (x0, y0) and canvas.undo_stack.count() == 0
    assert isinstance(canvas.handles["pronasale"].pos(), QPointF)
