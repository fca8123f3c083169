"""The doctor's viewer at clinical grade (issue 15): it fits a 1366 x 768 screen in Persian and English with
the photo getting most of the space; handles sized by zoom, labels that cover no handle and no other label,
a legend, a measurement chosen in the table drawn on the photo, zoom with a percentage; the standard layout
shows every photo (two frontals: both); millimetre scale from the iris or a reference line; head-tilt
correction; no Persian left in the English viewer (widgets and overlay); the degree sign kept in place."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsPixmapItem,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from maya_desktop.core.photos import list_photos
from tests.doctor.conftest import make_case, open_in_main_window, show_and_wait, wait_for_photos

PERSIAN = re.compile("[\u0600-\u06ff]")
THREE = (("obama.jpg", "frontal"), ("biden.jpg", "frontal"), ("profile_left_cameraman.jpg", "profile_left"))


def _window(qtbot, clinic, faces, size=(1366, 768), photos=None):  # type: ignore[no-untyped-def]
    order_id = make_case(clinic, faces, photos) if photos else make_case(clinic, faces)
    window, page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    window.show()
    window.resize(*size)
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.canvas.image is not None, timeout=60_000)
    qtbot.wait(50)
    return order_id, window, page, viewer


def _inside(widget: QWidget, outer: QWidget) -> bool:
    top_left = widget.mapTo(outer, widget.rect().topLeft())
    return top_left.x() >= 0 and top_left.x() + widget.width() <= outer.width() + 1


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_viewer_fits_1366_and_the_photo_gets_most_of_the_space(request, lang, qtbot, clinic, faces, artifacts):
    if lang == "en":
        request.getfixturevalue("english")
    _order, window, _page, viewer = _window(qtbot, clinic, faces)
    assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint()
    assert window.width() == 1366, "the window grew past a 1366 px screen"
    assert viewer.minimumSizeHint().width() <= viewer.width()
    # every tool is on screen (none pushed off the edge), in both rows
    tools = [w for w in viewer.findChildren(QAbstractButton) + viewer.findChildren(QComboBox) if w.isVisible()]
    assert len(tools) > 15
    clipped = [w.text() if hasattr(w, "text") else type(w).__name__ for w in tools if not _inside(w, viewer)]
    assert not clipped, clipped
    canvas, side = viewer.canvas.width(), viewer.side.width()
    assert canvas > 1.5 * side and canvas > 0.5 * viewer.width(), (canvas, side, viewer.width())
    window.grab().save(str(artifacts / f"doctor_viewer_1366_{lang}.png"))
    # the table folds away: the photo takes its place
    viewer.side_toggle.setChecked(False)
    qtbot.waitUntil(lambda: not viewer.side.isVisible())
    qtbot.wait(50)
    assert viewer.canvas.width() > canvas + side * 0.8
    viewer.side_toggle.setChecked(True)
    qtbot.waitUntil(lambda: viewer.side.isVisible())
    window.resize(1920, 1080)
    qtbot.wait(100)
    window.grab().save(str(artifacts / f"doctor_viewer_1920_{lang}.png"))


def test_handles_follow_zoom_labels_never_cover_handles_or_each_other(qtbot, clinic, faces, artifacts):
    _order, window, _page, viewer = _window(qtbot, clinic, faces)
    canvas = viewer.canvas
    viewer.group_boxes["labels"].setChecked(True)
    canvas.fit()
    at_fit = canvas.handle_factor
    shown_at_fit = viewer.zoom_label.text()
    assert shown_at_fit.endswith("٪") and PERSIAN.search(shown_at_fit)
    # zoomed in on the face: full-size handles, the percentage follows
    nasion = canvas.landmarks["nasion"]
    for _ in range(6):
        canvas.zoom_by(1.25)
    canvas.centerOn(nasion.x, nasion.y)
    assert canvas.handle_factor > at_fit
    assert viewer.zoom_label.text() != shown_at_fit
    for zoom_state in ("zoomed", "fit"):
        labels = [lb for lb in canvas.label_items() if lb.isVisible()]
        assert labels, zoom_state
        rects = [canvas.label_screen_rect(lb) for lb in labels]
        handles = [canvas.handle_screen_rect(h) for h in canvas.handles.values() if h.isVisible()]
        for i, r in enumerate(rects):
            assert not any(r.intersects(h) for h in handles), (zoom_state, labels[i].text)
            assert not any(r.intersects(o) for o in rects[i + 1 :]), (zoom_state, labels[i].text)
        if zoom_state == "zoomed":
            window.grab().save(str(artifacts / "doctor_viewer_labels_zoomed_fa.png"))
            canvas.fit()
    # the legend says what grey means
    assert len(viewer.legend.items) == 4
    assert "کم‌اطمینان" in viewer.legend.items[-1].toolTip()


def test_clicking_a_measurement_draws_it_on_the_photo(qtbot, clinic, faces):
    viewer = _window(qtbot, clinic, faces)[3]
    table, canvas = viewer.table, viewer.canvas
    key = "alar_width_mm"
    assert key in table.keys
    item = table.item(table.keys.index(key), 0)
    table.scrollToItem(item)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())
    assert canvas.highlighted == key
    assert canvas.highlight is not None
    m = next(m for m in canvas.measurements if m.key == key)
    assert m.points
    rings = [i for i in canvas.highlight.childItems() if i.flags() & i.GraphicsItemFlag.ItemIgnoresTransformations]
    assert sorted((round(r.pos().x()), round(r.pos().y())) for r in rings) == sorted(
        (round(canvas.landmarks[n].x), round(canvas.landmarks[n].y)) for n in m.points
    )


def test_standard_layout_shows_both_frontals_and_no_empty_cells(qtbot, clinic, faces, artifacts):
    _order, window, _page, viewer = _window(qtbot, clinic, faces, photos=THREE)
    viewer.layout_toggle.setChecked(True)
    qtbot.waitUntil(lambda: len(viewer.layout_images) == 3, timeout=60_000)  # cell-size copies (issue 17)
    viewer._build_layout_scene()
    pixmaps = [i for i in viewer.layout_view.scene().items() if isinstance(i, QGraphicsPixmapItem)]
    assert len(pixmaps) == 3 and viewer.layout_cells == 3
    assert viewer.layout_view.zoom() > 0.2, "three cells, not six: each photo gets a third of the width"
    window.grab().save(str(artifacts / "doctor_standard_layout_fa.png"))
    before = viewer.layout_view.zoom()
    viewer.layout_view.scale(1.5, 1.5)
    assert viewer.layout_view.zoom() > before


def test_reference_line_sets_the_millimetre_scale_and_level_straightens_the_eyes(qtbot, clinic, faces):
    _order, _w, _page, viewer = _window(qtbot, clinic, faces)
    canvas = viewer.canvas
    assert "عنبیه" in viewer.scale_note.text()
    iris = canvas.landmarks["iris_r"], canvas.landmarks["iris_l"]
    # level: the line through both pupils becomes horizontal on screen
    viewer.level_head()
    a = canvas.mapFromScene(iris[0].x, iris[0].y)
    b = canvas.mapFromScene(iris[1].x, iris[1].y)
    assert abs(a.y() - b.y()) <= 1.5
    # a reference line of 100 px drawn as 10 mm: 0.1 mm per pixel
    viewer.draw_reference()
    assert canvas.picking is not None
    from PySide6.QtWidgets import QInputDialog

    QInputDialog.getDouble = staticmethod(lambda *a, **k: (10.0, True))  # type: ignore[method-assign]
    canvas.pick_at(QPointF(100, 100))
    canvas.pick_at(QPointF(200, 100))
    cal = viewer.analyses[viewer.current]["calibration"]
    assert cal["method"] == "reference" and math.isclose(cal["mm_per_px"], 0.1)
    assert "مرجع" in viewer.scale_note.text()
    assert canvas.reference is not None
    viewer.use_iris_scale()
    assert "calibration" not in viewer.analyses[viewer.current]


def test_reference_scale_changes_millimetre_values_in_proportion(qtbot, clinic, faces):
    _order, _w, _page, viewer = _window(qtbot, clinic, faces)
    canvas = viewer.canvas
    viewer._save_calibration(((0.0, 0.0), (100.0, 0.0)), 10.0)
    first = {m.key: m.value for m in canvas.measurements if m.unit == "mm" and m.value is not None}
    viewer._save_calibration(((0.0, 0.0), (100.0, 0.0)), 20.0)
    second = {m.key: m.value for m in canvas.measurements if m.unit == "mm" and m.value is not None}
    assert first and first.keys() == second.keys()
    for key in first:
        assert math.isclose(second[key], 2 * first[key], rel_tol=1e-6), key


def _widget_texts(root: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        out.append((type(w).__name__ + ":" + w.objectName(), w.text()))
        out.append(("tooltip:" + type(w).__name__, w.toolTip()))
    out += [("placeholder", w.placeholderText()) for w in root.findChildren(QLineEdit)]
    out += [("group", w.title()) for w in root.findChildren(QGroupBox)]
    for tabs in root.findChildren(QTabWidget):
        out += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for combo in root.findChildren(QComboBox):
        out += [("combo", combo.itemText(i)) for i in range(combo.count())]
    return [(k, t) for k, t in out if t]


def test_english_viewer_shows_no_persian_in_widgets_table_or_overlay(english, qtbot, clinic, faces, artifacts):
    order_id, window, _page, viewer = _window(qtbot, clinic, faces)
    viewer.group_boxes["labels"].setChecked(True)
    client_name = viewer.opened.row.client_name  # the client's own name is data, not interface text
    for photo in (p.id for p in list_photos(clinic.doctor, order_id)):
        show_and_wait(qtbot, viewer, photo)
        texts = [(k, t.replace(client_name, "")) for k, t in _widget_texts(viewer)]
        table = viewer.table
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                texts.append((f"table {table.keys[row]} col {col}", table.item(row, col).text()))
                texts.append((f"table tooltip {table.keys[row]}", table.item(row, col).toolTip()))
        for col in range(table.columnCount()):
            texts.append(("header", table.horizontalHeaderItem(col).text()))
        texts += [("overlay", lb.text) for lb in viewer.canvas.label_items()]
        texts += [("handle", h.toolTip()) for h in viewer.canvas.handles.values()]
        persian = [(k, t) for k, t in texts if PERSIAN.search(t)]
        assert not persian, persian
        assert any(k == "overlay" for k, _t in texts)
    window.grab().save(str(artifacts / "doctor_viewer_profile_en.png"))
    # the simulation panel in English: banner, controls, before/after table
    viewer.toggle_simulation(True)
    assert viewer.simulate_button.isChecked()
    viewer.simulation_panel.spins["rotation_deg"].setValue(8)
    qtbot.waitUntil(lambda: viewer.simulation is not None and viewer.simulation.change.rotation_deg == 8)
    panel = viewer.simulation_panel
    texts = _widget_texts(panel) + [
        ("sim table", panel.table.item(r, c).text())
        for r in range(panel.table.rowCount())
        for c in range(panel.table.columnCount())
    ]
    texts += [("sim header", panel.table.horizontalHeaderItem(c).text()) for c in range(panel.table.columnCount())]
    texts += [("sim caption", panel.original.caption), ("sim caption", panel.simulated.caption)]
    persian = [(k, t) for k, t in texts if PERSIAN.search(t)]
    assert not persian, persian
    assert "not a promised" in panel.banner.text()
    qtbot.wait(50)
    window.grab().save(str(artifacts / "doctor_simulation_1366_en.png"))


def _visual_x(text: str) -> list[float]:
    """x of each character's left edge when `text` is laid out right to left (as in the Persian UI)."""
    layout = QTextLayout(text, QFont())
    option = layout.textOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text))]


def test_degree_sign_stays_right_of_its_digits_in_values_ranges_and_overlay(qapp):
    from maya_desktop.core.analysis.measurements import Measurement
    from maya_desktop.reports.annotate import degrees_text
    from maya_desktop.reports.clinical_report import format_range, format_value

    m = Measurement("nasolabial_angle", 133.0, "deg", (95.0, 115.0), "above")
    for text in (format_value(m), format_range(m), f"بینی-لب {degrees_text(133)}"):
        xs = _visual_x(text)
        for i, ch in enumerate(text):
            if ch == "°":
                digit = max(j for j in range(i) if text[j].isdigit())
                assert xs[i] > xs[digit], (text, i)
    assert format_value(m, "en") == "133°" and format_range(m, "en") == "95° to 115°"


def test_doctor_starts_on_my_cases(qtbot, clinic):
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(clinic.doctor)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.page_by_key["cases"]


def _confirm_profile_points(clinic, order_id: int) -> int:  # type: ignore[no-untyped-def]
    """The doctor confirms the profile points the engine was unsure of on this small photo."""
    from maya_desktop.core.orders import delivery
    from maya_desktop.core.orders.corrections import save_corrections
    from maya_desktop.core.photos import get_analysis

    d = clinic.doctor
    delivery.start_review(d, order_id)
    profile = next(p for p in list_photos(d, order_id) if p.view == "profile_left")
    lms = get_analysis(d, profile.id)["landmarks"]
    names = (
        "glabella",
        "nasion",
        "rhinion",
        "pronasale",
        "columella",
        "subnasale",
        "labrale_superius",
        "labrale_inferius",
        "pogonion",
        "alar_crest_l",
    )
    points = {n: (lms[n]["x"], lms[n]["y"]) for n in names}
    (nx, ny), (px, py) = points["nasion"], points["pronasale"]
    points["dorsum_max"] = ((nx + px) / 2 - 3, (ny + py) / 2)
    save_corrections(d, profile.id, points)
    return profile.id


def test_simulation_beside_the_original_memory_only_and_gone_with_the_case(qtbot, clinic, faces, artifacts, data_dir):
    order_id = make_case(clinic, faces)
    profile = _confirm_profile_points(clinic, order_id)
    window, page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    window.show()
    window.resize(1366, 768)
    wait_for_photos(qtbot, viewer)
    # on the frontal photo the simulation is refused with a reason
    viewer.toggle_simulation(True)
    assert not viewer.simulate_button.isChecked() and viewer.simulation is None
    show_and_wait(qtbot, viewer, profile)
    original = viewer.canvas.image.copy()
    files_before = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    viewer.toggle_simulation(True)
    assert viewer.center.currentWidget() is viewer.simulation_panel
    panel = viewer.simulation_panel
    assert "نه نتیجهٔ قطعی" in panel.banner.text()
    panel.spins["rotation_deg"].setValue(10)
    panel.spins["hump_mm"].setValue(2)
    qtbot.waitUntil(lambda: viewer.simulation is not None and viewer.simulation.change.rotation_deg == 10)
    sim = viewer.simulation
    assert not sim.change.is_identity() and sim.moved
    rows = {
        panel.table.item(r, 0).text(): (panel.table.item(r, 1).text(), panel.table.item(r, 2).text())
        for r in range(panel.table.rowCount())
    }
    nasolabial = next(v for k, v in rows.items() if "بینی-لب" in k)
    assert nasolabial[0] != nasolabial[1], "the new measurement is shown beside the old one"
    assert viewer.canvas.image == original, "the original photo is untouched"
    qtbot.wait(50)
    window.grab().save(str(artifacts / "doctor_simulation_1366_fa.png"))
    # nothing written to disk by simulating
    assert sorted(p.name for p in data_dir.rglob("*") if p.is_file()) == files_before
    # kept for the report: only the parameters, in the (encrypted) findings
    panel.in_report.setChecked(True)
    assert viewer.panel.findings().simulation == {"photo_id": profile, **sim.change.to_dict()}
    # closing the case drops the simulation with the photos
    page.close_viewer()
    assert viewer.simulation is None and viewer._sim_source is None
    assert panel.simulated.image is None and panel.original.image is None


def test_kept_simulation_is_destroyed_with_the_order(clinic, faces):
    """The simulation put in the report is only parameters inside the order's encrypted findings:
    destroying the order leaves nothing of it."""
    from maya_desktop.core.errors import MayaError
    from maya_desktop.core.orders import destruction
    from maya_desktop.core.orders.findings import Findings, load_findings, save_findings

    order_id = make_case(clinic, faces)
    profile = _confirm_profile_points(clinic, order_id)
    kept = {"photo_id": profile, "hump_mm": 2.0, "projection_mm": 0.0, "rotation_deg": 5.0, "nasolabial_deg": 0.0}
    save_findings(clinic.doctor, order_id, Findings(free_text="قوز پشت بینی", simulation=kept))
    assert load_findings(clinic.doctor, order_id).simulation == kept
    (file_id,) = clinic.admin.conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order_id,)).fetchone()
    blob = clinic.admin.vault.data_dir.blobs / file_id
    assert blob.exists() and b"hump_mm" not in blob.read_bytes()  # sealed under the order's key
    destruction.destroy_order_now(clinic.reception, order_id)
    with pytest.raises(MayaError):
        load_findings(clinic.doctor, order_id)
    rows = clinic.admin.conn.execute("SELECT count(*) FROM reports WHERE order_id = ?", (order_id,)).fetchone()[0]
    assert rows == 0 and not blob.exists()
