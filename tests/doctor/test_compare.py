"""The compare view (issue 15): the second photo laid on the face (similarity from both photos' landmarks),
none of the first photo's points drawn over it, and a photo from the same client's earlier order when the
consent rules let the doctor open it."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from maya_desktop.core.analysis.align import eye_centre, face_alignment, fit_similarity
from maya_desktop.core.clients import create_client
from maya_desktop.core.errors import NotFound
from maya_desktop.core.operations import OperationExecutor
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.doctor import viewer as viewer_module
from maya_desktop.gui.doctor.canvas import ClippedPixmap, LandmarkHandle
from tests.doctor.conftest import open_on_cases_page, wait_for_photos
from tests.factories import walk_order

SCALE, ANGLE = 0.72, 9.0  # how the earlier photo was taken: farther away, head turned in the picture plane


def _moved_photo(faces: Path) -> bytes:
    """obama.jpg smaller, rotated and off-centre, on a larger grey canvas (another day, another camera)."""
    img = Image.open(faces / "obama.jpg").convert("RGB")
    small = img.resize((round(img.width * SCALE), round(img.height * SCALE)), Image.Resampling.LANCZOS)
    turned = small.rotate(ANGLE, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(128, 128, 128))
    canvas = Image.new("RGB", (img.width + 200, img.height + 120), (128, 128, 128))
    canvas.paste(turned, (160, 40))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=92)
    return out.getvalue()


def test_similarity_fit_is_exact_for_two_points_and_excludes_reflection():
    fit = fit_similarity([(0, 0), (10, 0)], [(5, 5), (5, 25)])
    assert fit.scale == pytest.approx(2.0) and fit.angle_deg == pytest.approx(90.0)
    assert fit.apply(0, 0) == pytest.approx((5, 5)) and fit.apply(10, 0) == pytest.approx((5, 25))
    mirrored = fit_similarity([(0, 0), (1, 0), (0, 1)], [(0, 0), (-1, 0), (0, 1)])
    a, b, c, d = mirrored.matrix()
    assert a * d - b * c > 0  # never a reflection, so the mirrored points are not reproduced
    assert math.hypot(*(u - v for u, v in zip(mirrored.apply(1, 0), (-1, 0), strict=True))) >= 0.49
    with pytest.raises(ValueError):
        fit_similarity([(1, 1), (1, 1)], [(0, 0), (2, 2)])


def test_too_few_common_points_gives_no_alignment():
    assert face_alignment({"iris_r": {"x": 1, "y": 1}}, {"iris_r": {"x": 3, "y": 3}}) is None


@pytest.fixture
def two_orders(clinic, faces: Path):  # type: ignore[no-untyped-def]
    """One client: an earlier order (photo taken differently) and the current one, both consented to the
    doctor, and an earlier order never consented (its photos must not be offered)."""
    r, d = clinic.reception, clinic.doctor
    client = create_client(r, "نرگس", "صادقی", "09124440011", None)
    earlier = walk_order(r, d, client.id, Status.CONSENTED, [_moved_photo(faces)], views=["frontal"], analysis=True)
    hidden = walk_order(r, d, client.id, Status.PAID, [(faces / "biden.jpg").read_bytes()], views=["frontal"])
    current = walk_order(
        r,
        d,
        client.id,
        Status.CONSENTED,
        [(faces / "obama.jpg").read_bytes(), (faces / "profile_left_cameraman.jpg").read_bytes()],
        views=["frontal", "profile_left"],
        analysis=True,
    )
    return earlier, hidden, current


def test_earlier_photos_follow_the_consent_rules(clinic, two_orders):
    earlier, hidden, current = two_orders
    executor = OperationExecutor(clinic.doctor)
    try:
        listed = executor.call("cases.earlier_photos", OrderRef(current))
        assert {p.order_id for p in listed} == {earlier}  # not the unconsented order, not the case itself
        assert all(p.view == "frontal" for p in listed)
        # from a case the doctor may not open, nothing (refused, as opening it would be)
        with pytest.raises(NotFound):
            executor.call("cases.earlier_photos", OrderRef(hidden))
    finally:
        executor.shutdown()
    reception = OperationExecutor(clinic.reception)
    try:  # reception may not open consented orders' files at all
        with pytest.raises(Exception) as refused:
            reception.call("cases.earlier_photos", OrderRef(current))
        assert type(refused.value).__name__ == "PermissionDenied"
    finally:
        reception.shutdown()


def test_compare_with_an_earlier_order_aligns_the_eyes(qtbot, clinic, two_orders, artifacts: Path):
    earlier, _hidden, current = two_orders
    _page, viewer = open_on_cases_page(qtbot, clinic.doctor, current)
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    assert viewer.photos[viewer.current].view == "frontal"
    entries = {viewer.compare.itemData(i): viewer.compare.itemText(i) for i in range(viewer.compare.count())}
    earlier_ids = [pid for pid in entries if pid in viewer.earlier]
    assert len(earlier_ids) == 1 and viewer.earlier[earlier_ids[0]].order_id == earlier
    assert "سفارش پیشین" in entries[earlier_ids[0]]

    viewer.compare.setCurrentIndex(viewer.compare.findData(earlier_ids[0]))
    qtbot.waitUntil(lambda: viewer.canvas.compare_item is not None, timeout=60_000)
    item = viewer.canvas.compare_item
    alignment = viewer.canvas.compare_alignment
    assert alignment is not None and alignment.basis == "eyes"
    # the earlier photo was taken at SCALE and turned by ANGLE: the alignment undoes both
    assert alignment.scale == pytest.approx(1 / SCALE, rel=0.05)
    assert abs(abs(alignment.angle_deg) - ANGLE) < 2.0

    # both photos' eye centres land within a few pixels of each other on the screen's scene
    shown = viewer.earlier_shown
    assert shown is not None and shown[0] == earlier_ids[0]
    from maya_desktop.core.orders.corrections import landmarks_of

    theirs, ours = landmarks_of(shown[2]), viewer.canvas.landmarks
    # the item's pixels are the earlier photo's screen-size decode: a landmark (full-resolution
    # coordinates of that photo) is at k times its coordinates in them
    k = viewer.canvas.compare_factor
    assert k == pytest.approx(shown[1].width() / shown[3].width())
    errors = {}
    for side in ("r", "l"):
        ex, ey = eye_centre(theirs, side)
        mapped = item.sceneTransform().map(QPointF(ex * k, ey * k))
        cx, cy = eye_centre(ours, side)
        errors[f"eye_{side}_px"] = math.hypot(mapped.x() - cx, mapped.y() - cy)
        assert errors[f"eye_{side}_px"] < 3.0, side
    # a stable point the fit did not use (the nasal tip) lands close too (same face)
    tip = item.sceneTransform().map(QPointF(theirs["pronasale"].x * k, theirs["pronasale"].y * k))
    errors["nasal_tip_px"] = math.hypot(tip.x() - ours["pronasale"].x, tip.y() - ours["pronasale"].y)
    assert errors["nasal_tip_px"] < 12.0
    print(
        {
            "scale": round(alignment.scale, 4),
            "expected_scale": round(1 / SCALE, 4),
            "angle": round(alignment.angle_deg, 2),
        }
        | {k: round(v, 2) for k, v in errors.items()}
    )

    # none of the first photo's points is drawn over the second: the compared photo is above them all
    scene = viewer.canvas.scene()
    overlay_z = max(i.zValue() for i in scene.items() if not isinstance(i, ClippedPixmap) and i.zValue() < 20)
    assert item.zValue() > overlay_z
    width = viewer.canvas.full_size.width()  # the scene's (full-resolution) width
    viewer.compare_slider.setValue(50)
    right = [h for h in viewer.canvas.handles.values() if h.pos().x() > width * 0.5 + 10]
    left = [h for h in viewer.canvas.handles.values() if h.pos().x() < width * 0.5 - 10]
    assert right and left
    top_right = scene.items(right[0].pos())[0]
    assert isinstance(top_right, ClippedPixmap)  # hidden under the second photo
    top_left = next(i for i in scene.items(left[0].pos()) if isinstance(i, LandmarkHandle | ClippedPixmap))
    assert isinstance(top_left, LandmarkHandle)  # still on top (and clickable) left of the slider
    viewer.grab().save(str(artifacts / "doctor_compare_earlier_order.png"))

    # the doctor corrects the current photo's right eye: the compared photo follows it (no reload)
    pixmap_before = item.pixmap().cacheKey()
    viewer.canvas.select_landmark("iris_r")
    for _ in range(3):
        assert viewer.canvas.nudge(0, 1, 10.0)
    moved = viewer.canvas.landmarks["iris_r"]
    ex, ey = eye_centre(theirs, "r")
    follows = item.sceneTransform().map(QPointF(ex * k, ey * k))
    assert math.hypot(follows.x() - moved.x, follows.y() - moved.y) < 3.0
    assert viewer.canvas.compare_item is item and item.pixmap().cacheKey() == pixmap_before

    # closing the case drops the earlier photo's pixels too
    viewer.clear()
    assert viewer.earlier_shown is None and not viewer.earlier


def test_compare_within_the_case_is_aligned_or_says_why_not(qtbot, clinic, two_orders):
    _earlier, _hidden, current = two_orders
    _page, viewer = open_on_cases_page(qtbot, clinic.doctor, current)
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    profile = next(pid for pid, p in viewer.photos.items() if p.view == "profile_left")
    viewer.compare.setCurrentIndex(viewer.compare.findData(profile))
    qtbot.waitUntil(lambda: viewer.canvas.compare_item is not None, timeout=60_000)
    alignment = viewer.canvas.compare_alignment
    if alignment is None:
        assert "هم‌تراز نشد" in viewer.status.text()
    else:
        assert alignment.basis == "profile" and 0.2 < alignment.scale < 5
        assert "هم‌تراز شد" in viewer.status.text()


SMALL_SCREEN = 400  # px: both photos are decoded at about a third of their size, at different scales


def _gray(image: QImage) -> np.ndarray:
    g = image.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = np.frombuffer(g.constBits(), dtype=np.uint8).reshape(g.height(), g.bytesPerLine())
    return raw[:, : g.width()].astype(float)


def _paint(item, box: QRectF, size: int = 240) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The item alone, as the canvas lays it in the scene, over the scene region `box` (grey levels)."""
    out = QImage(size, size, QImage.Format.Format_RGB32)
    out.fill(0)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    to_out = QTransform.fromTranslate(-box.left(), -box.top()) * QTransform.fromScale(
        size / box.width(), size / box.height()
    )
    painter.setWorldTransform(item.sceneTransform() * to_out)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return _gray(out)


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    norm = math.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / norm) if norm > 0 else 0.0  # one of them flat (nothing drawn there): none


def test_aligned_compare_of_screen_size_decodes_lays_the_pixels_on_the_face(
    qtbot, clinic, two_orders, monkeypatch: pytest.MonkeyPatch, artifacts: Path
):
    """Issue 15 with issue 17: both photos are decoded at screen size, each at its own scale, while the
    alignment is fitted on full-resolution landmarks. The earlier photo's pixels, drawn as the canvas lays
    them, must show the same face where the current photo shows it; it counts as one of the two decoded
    photos and goes when the compare ends."""
    monkeypatch.setattr(viewer_module, "display_side", lambda _widget=None: SMALL_SCREEN)
    _earlier, _hidden, current = two_orders
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, current)
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    canvas = viewer.canvas
    assert canvas.display_factor < 0.5 and max(canvas.image.width(), canvas.image.height()) <= SMALL_SCREEN
    earlier_id = next(pid for pid in viewer.earlier)
    viewer.compare.setCurrentIndex(viewer.compare.findData(earlier_id))
    qtbot.waitUntil(lambda: canvas.compare_item is not None, timeout=60_000)
    item, shown = canvas.compare_item, viewer.earlier_shown
    assert shown is not None and max(shown[1].width(), shown[1].height()) <= SMALL_SCREEN, "screen size too"
    assert canvas.compare_factor < 0.5 and abs(canvas.compare_factor - canvas.display_factor) > 0.01
    assert len(viewer.images) + 1 <= viewer_module.MAX_DECODED, "the earlier photo is one of the two"

    ours = canvas.landmarks
    (rx, ry), (lx, ly) = eye_centre(ours, "r"), eye_centre(ours, "l")
    d = math.hypot(lx - rx, ly - ry)
    left, right = min(rx, lx) - 0.6 * d, max(rx, lx) + 0.6 * d
    top = min(ry, ly) - 0.6 * d
    box = QRectF(left, top, right - left, max(ours["pronasale"].y + 0.5 * d, top + d) - top)
    viewer.compare_slider.setValue(0)  # the compared photo over all of the current one
    base = _paint(canvas.pixmap_item, box)
    laid = _paint(item, box)
    aligned = _correlation(base, laid)
    # the same pixels laid without first scaling them to their photo's full size (the bug this guards)
    correct = item.transform()
    a, b, c, dd = canvas.compare_alignment.matrix()
    alignment = canvas.compare_alignment
    item.setTransform(QTransform(a, b, c, dd, alignment.tx, alignment.ty))
    unscaled = _correlation(base, _paint(item, box))
    item.setTransform(correct)
    print({"aligned_correlation": round(aligned, 3), "unscaled_correlation": round(unscaled, 3)})
    assert aligned > 0.8 and aligned > unscaled + 0.3
    viewer.compare_slider.setValue(50)
    viewer.grab().save(str(artifacts / "doctor_compare_screen_size.png"))

    # without an alignment: the same height as the current photo in scene (full-resolution) coordinates
    canvas.set_compare(shown[1], None, shown[3])
    fallback = canvas.compare_item.mapRectToScene(QRectF(canvas.compare_item.pixmap().rect()))
    assert fallback.height() == pytest.approx(canvas.full_size.height(), abs=1)
    assert fallback.center().x() == pytest.approx(canvas.full_size.width() / 2, abs=1)

    viewer.compare.setCurrentIndex(0)  # the compare ends: the earlier photo's pixels go
    assert viewer.earlier_shown is None and canvas.compare_item is None
    viewer.compare.setCurrentIndex(viewer.compare.findData(earlier_id))
    qtbot.waitUntil(lambda: viewer.earlier_shown is not None, timeout=60_000)
    page.close_viewer()  # closing the case (as locking does: viewer.clear()): nothing of it stays
    assert viewer.earlier_shown is None and viewer.images == {} and canvas.compare_item is None
