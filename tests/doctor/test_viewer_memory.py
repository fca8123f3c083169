"""Issue 17, the doctor's viewer on memory: photos decoded at screen size, at most two held decoded (the
one shown and the one compared with), full-resolution pixels decoded only for the zoomed region (the
zoom tile), from the decrypted JPEG kept in memory, never from anything on disk.

The screen size is made small here (`display_side`) so the test photos are larger than it, as a 12 MP
phone photo is larger than a screen."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRect, QSize

from maya_desktop.core.photos import open_photo
from maya_desktop.gui.doctor import photo_loader
from maya_desktop.gui.doctor import viewer as viewer_module
from maya_desktop.gui.doctor.canvas import TILE_DELAY_MS
from maya_desktop.gui.doctor.layout_view import LAYOUT_CELL
from maya_desktop.gui.doctor.photo_loader import decode_display, decode_region
from tests.doctor.conftest import make_case, open_on_cases_page, show_and_wait, wait_for_photos
from tests.doctor.test_minimum_viewing import SIX

SCREEN = 300  # px: every test photo is larger than this "screen"


def qimage_array(image) -> np.ndarray:  # type: ignore[no-untyped-def]
    """A QImage's RGB pixels as an (h, w, 3) array (a copy)."""
    rgb = image.convertToFormat(image.Format.Format_RGB888)
    raw = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return raw[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def big_jpeg(faces: Path, size=(3000, 4000)) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    Image.open(faces / "obama.jpg").convert("RGB").resize(size, Image.Resampling.BICUBIC).save(out, "JPEG", quality=92)
    return out.getvalue()


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(viewer_module, "display_side", lambda _widget=None: SCREEN)
    return SCREEN


def test_a_12_mp_photo_is_decoded_at_screen_size_by_the_jpeg_decoder_itself(faces: Path):
    data = big_jpeg(faces)
    image, full = decode_display(data, 1024)
    # libjpeg's 1/4 scale (1,000 px: within 10 % of the screen's 1,024), decoded so, not resized
    assert full == QSize(3000, 4000) and image.size() == QSize(750, 1000)
    with Image.open(io.BytesIO(data)) as reference:
        expected = np.asarray(reference.convert("RGB").resize((750, 1000), Image.Resampling.BOX), dtype=np.int16)
    assert np.abs(qimage_array(image).astype(np.int16) - expected).mean() < 3, "the same picture, only smaller"
    bigger, _ = decode_display(data, 1200)  # 1/2 scale (2,000 px) is over 1,200: resized down to it
    assert bigger.size() == QSize(900, 1200)
    whole, same = decode_display(data, None)
    assert whole.size() == same == QSize(3000, 4000)  # no max_side: the full photo


def test_a_region_is_decoded_at_full_resolution_and_only_that_region(faces: Path):
    data = big_jpeg(faces, (1200, 1600))
    region = QRect(400, 500, 300, 200)
    tile = decode_region(data, region)
    assert tile.size() == region.size()
    with Image.open(io.BytesIO(data)) as reference:
        expected = np.asarray(reference.convert("RGB").crop((400, 500, 700, 700)), dtype=np.int16)
    assert np.abs(qimage_array(tile).astype(np.int16) - expected).mean() < 2
    half = decode_region(data, region, 0.5)
    assert half.size() == QSize(150, 100)


def test_the_viewer_holds_at_most_two_decoded_photos_the_shown_and_the_compared(
    qtbot, clinic, faces: Path, small_screen: int
):
    order_id = make_case(clinic, faces, SIX)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    strip = viewer.strip.photo_ids()
    for pid in strip:  # the doctor looks at every photo in turn
        show_and_wait(qtbot, viewer, pid)
        assert viewer.current in viewer.images and len(viewer.images) <= viewer_module.MAX_DECODED
        assert set(viewer.sources) == set(viewer.images), "the JPEG bytes go with the decoded photo"
        assert all(max(i.width(), i.height()) <= small_screen for i in viewer.images.values())
        info = viewer.photos[pid]
        assert viewer.canvas.full_size == QSize(info.width, info.height), "the scene keeps the photo's pixels"
        assert viewer.canvas.sceneRect().size().toSize() == QSize(info.width, info.height)
    # the frontal's points stay where the analysis put them (full-resolution coordinates)
    frontal = next(pid for pid in strip if viewer.photos[pid].view == "frontal")
    show_and_wait(qtbot, viewer, frontal)
    canvas = viewer.canvas
    assert canvas.display_factor < 1 and canvas.handles
    for name, handle in canvas.handles.items():
        assert (handle.pos().x(), handle.pos().y()) == pytest.approx(
            (canvas.landmarks[name].x, canvas.landmarks[name].y)
        )
    # compared with the frontal: it stays decoded whatever else is shown
    viewer.compare.setCurrentIndex(viewer.compare.findData(frontal))
    for pid in [p for p in strip if p != frontal][:3]:
        show_and_wait(qtbot, viewer, pid)
        qtbot.waitUntil(lambda: frontal in viewer.images, timeout=60_000)
        assert set(viewer.images) == {pid, frontal}
        assert viewer.canvas.compare_item is not None
    # a photo dropped from memory opens again when it is chosen again
    dropped = next(p for p in strip if p not in viewer.images)
    show_and_wait(qtbot, viewer, dropped)
    assert viewer.current == dropped and len(viewer.images) == 2
    page.close_viewer()
    assert viewer.images == {} and viewer.sources == {} and viewer.canvas.source is None


def test_the_zoom_tile_shows_full_resolution_pixels_of_the_visible_region(
    qtbot, clinic, faces: Path, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    # A "screen" of 1,000 px: enough for the photo fitted in the canvas, not for 1:1.
    monkeypatch.setattr(viewer_module, "display_side", lambda _widget=None: 1000)
    (tmp_path / "big.jpg").write_bytes(big_jpeg(faces, (1500, 2000)))
    order_id = make_case(clinic, tmp_path, (("big.jpg", "frontal"),))
    files_before = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    canvas = viewer.canvas
    assert canvas.image.size() == QSize(750, 1000) and canvas.full_size == QSize(1500, 2000)
    qtbot.wait(3 * TILE_DELAY_MS)
    assert canvas.zoom() < 0.5 and canvas.tile_item is None, "fitted: the screen-size decode is enough"
    assert not canvas.tile_pending()
    canvas.actual_size()  # 1:1
    canvas.centerOn(750, 900)
    qtbot.waitUntil(lambda: canvas.tile_item is not None and not canvas.tile_pending(), timeout=30_000)
    region, tile = canvas.tile_region, canvas.tile_image
    assert canvas.tile_scale == 1.0 and tile.size() == region.size()
    seen = canvas.mapToScene(canvas.viewport().rect()).boundingRect().toAlignedRect() & region
    assert region.contains(seen), "the tile covers what is on screen"
    assert region.width() * region.height() < 1500 * 2000, "only the region, not the whole photo"
    stored = open_photo(clinic.doctor, viewer.current)
    with Image.open(io.BytesIO(stored)) as full:
        box = (region.left(), region.top(), region.right() + 1, region.bottom() + 1)
        expected = np.asarray(full.convert("RGB").crop(box), dtype=np.int16)
    tile_error = np.abs(qimage_array(tile).astype(np.int16) - expected).mean()
    upscaled = canvas.image.scaled(canvas.full_size).copy(region)  # what the screen-size decode would show
    upscaled_error = np.abs(qimage_array(upscaled).astype(np.int16) - expected).mean()
    assert tile_error < 2 and tile_error < upscaled_error / 2, (tile_error, upscaled_error)
    assert canvas.tile_item.scale() == 1.0 and canvas.tile_item.pos().toPoint() == region.topLeft()
    canvas.fit()  # back to the whole photo: the tile is dropped
    qtbot.waitUntil(lambda: canvas.tile_item is None and not canvas.tile_pending(), timeout=30_000)
    assert canvas.tile_image is None
    assert sorted(p.name for p in data_dir.rglob("*") if p.is_file()) == files_before, "nothing written"
    page.close_viewer()


def test_the_standard_layout_keeps_cell_size_copies_not_the_decoded_photos(qtbot, clinic, faces, small_screen):
    order_id = make_case(clinic, faces, SIX)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    viewer.layout_toggle.setChecked(True)
    qtbot.waitUntil(lambda: len(viewer.layout_images) == 6 and not viewer.is_loading(), timeout=60_000)
    assert len(viewer.images) <= viewer_module.MAX_DECODED
    assert all(i.width() <= LAYOUT_CELL.width() for i in viewer.layout_images.values())
    viewer.layout_toggle.setChecked(False)
    assert viewer.layout_images == {}
    page.close_viewer()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_big_buffers_are_given_back_to_the_system_on_linux():
    """glibc keeps freed 12 MB decode buffers in the heap unless the mmap threshold is fixed (issue 17)."""
    assert photo_loader.return_big_buffers_to_the_system()


def test_the_simulation_on_screen_size_pixels_moves_the_points_as_at_full_resolution(
    qtbot, clinic, faces: Path, small_screen: int
):
    """The simulation runs on the screen-size pixels: the points and the mm scale are scaled to them and
    back, so the planned change is the same one as on the full photo."""
    from maya_desktop.core.analysis.simulation import simulate_nose
    from maya_desktop.core.orders.corrections import scale_of
    from tests.doctor.test_viewer_ux import _confirm_profile_points

    order_id = make_case(clinic, faces)
    profile = _confirm_profile_points(clinic, order_id)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    show_and_wait(qtbot, viewer, profile)
    canvas = viewer.canvas
    assert canvas.display_factor < 0.5 and max(canvas.image.width(), canvas.image.height()) <= small_screen
    viewer._save_calibration(((100.0, 100.0), (100.0, 300.0)), 20.0)  # a reference line: 0.1 mm per pixel
    assert scale_of(canvas.analysis, canvas.landmarks, canvas.view_name)["mm_per_px"] == pytest.approx(0.1)
    viewer.toggle_simulation(True)
    viewer.simulation_panel.spins["rotation_deg"].setValue(10)
    viewer.simulation_panel.spins["hump_mm"].setValue(2)
    qtbot.waitUntil(lambda: viewer.simulation is not None and viewer.simulation.change.hump_mm == 2, timeout=30_000)
    k = canvas.display_factor
    on_screen = {n: (lm.x / k, lm.y / k) for n, lm in viewer.simulation.landmarks.items()}
    full = np.zeros((canvas.full_size.height(), canvas.full_size.width(), 3), dtype=np.uint8)
    scale = scale_of(canvas.analysis, canvas.landmarks, canvas.view_name)["mm_per_px"]
    reference = simulate_nose(full, canvas.landmarks, viewer.simulation.change, scale)
    moved = [n for n in reference.moved if n in on_screen]
    assert moved, "the change moves points"
    for name in moved:
        x, y = on_screen[name]
        assert (x, y) == pytest.approx((reference.landmarks[name].x, reference.landmarks[name].y), abs=0.5), name
    page.close_viewer()
