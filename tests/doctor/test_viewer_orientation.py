"""Issue 17: a turned phone JPEG is stored as coded, with its EXIF orientation kept as a value
(core.photos.open_photo_stored). The viewer's decoders turn it upright: the screen-size decode, the zoom
tiles (an upright region mapped into the stored picture), and the viewer itself on a real case."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageOps
from PySide6.QtCore import QRect, QSize

from maya_desktop.core.colour import EXIF_TRANSPOSE
from maya_desktop.core.photos import open_photo, open_photo_stored
from maya_desktop.gui.doctor import viewer as viewer_module
from maya_desktop.gui.doctor.photo_loader import decode_display, decode_photo, decode_region
from tests.doctor.conftest import make_case, open_on_cases_page, wait_for_photos
from tests.doctor.test_viewer_memory import qimage_array


def stored_jpeg(faces: Path, size=(1600, 1200)) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    Image.open(faces / "obama.jpg").convert("RGB").resize(size, Image.Resampling.BICUBIC).save(out, "JPEG", quality=92)
    return out.getvalue()


def upright(data: bytes, orientation: int) -> Image.Image:
    with Image.open(io.BytesIO(data)) as img:
        rgb = img.convert("RGB")
    method = EXIF_TRANSPOSE.get(orientation)
    return rgb if method is None else rgb.transpose(method)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_the_screen_size_decode_is_upright(faces: Path, orientation: int):
    data = stored_jpeg(faces)
    want = upright(data, orientation)
    image, full = decode_display(data, 400, orientation)
    assert full == QSize(*want.size)
    assert max(image.width(), image.height()) <= 400 and (image.width() > image.height()) == (want.width > want.height)
    expected = np.asarray(want.resize((image.width(), image.height()), Image.Resampling.BOX), dtype=np.int16)
    assert np.abs(qimage_array(image).astype(np.int16) - expected).mean() < 4


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_a_zoom_tile_is_the_upright_region(faces: Path, orientation: int, scale: float):
    data = stored_jpeg(faces)
    want = upright(data, orientation)
    region = QRect(200, 300, 320, 160)  # upright coordinates, off-centre and not square
    tile = decode_region(data, region, scale, orientation)
    assert tile.size() == QSize(round(320 * scale), round(160 * scale))
    crop = want.crop((200, 300, 520, 460)).resize((tile.width(), tile.height()), Image.Resampling.BOX)
    assert np.abs(qimage_array(tile).astype(np.int16) - np.asarray(crop, dtype=np.int16)).mean() < 3


def test_the_viewer_shows_a_turned_photo_upright_and_zooms_into_it(
    qtbot, clinic, faces: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(viewer_module, "display_side", lambda _widget=None: 700)
    with Image.open(faces / "obama.jpg") as face:
        lying = face.convert("RGB").resize((1200, 1500)).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    out = io.BytesIO()
    lying.save(out, "JPEG", quality=92, exif=exif)
    (tmp_path / "turned.jpg").write_bytes(out.getvalue())
    with Image.open(io.BytesIO(out.getvalue())) as shot:
        reference = np.asarray(ImageOps.exif_transpose(shot).convert("RGB"), dtype=np.int16)  # 1,200 x 1,500
    order_id = make_case(clinic, tmp_path, (("turned.jpg", "frontal"),))
    photo_id = clinic.doctor.conn.execute("SELECT id FROM photos WHERE order_id = ?", (order_id,)).fetchone()[0]
    assert open_photo_stored(clinic.doctor, photo_id).orientation == 6  # stored as coded: the viewer turns it
    loaded = decode_photo(clinic.doctor, photo_id, max_side=700)
    assert loaded is not None and loaded.full_size == QSize(1200, 1500) and loaded.orientation == 6
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    qtbot.waitUntil(lambda: viewer.current == photo_id, timeout=60_000)
    canvas = viewer.canvas
    assert canvas.full_size == QSize(1200, 1500) and canvas.image.height() > canvas.image.width()
    shown = qimage_array(canvas.image).astype(np.int16)
    expected = np.asarray(
        Image.fromarray(reference.astype(np.uint8)).resize((canvas.image.width(), canvas.image.height())),
        dtype=np.int16,
    )
    assert np.abs(shown - expected).mean() < 4, "the photo on the canvas is upright"
    canvas.actual_size()  # 1:1: a zoom tile of the upright photo
    canvas.centerOn(600, 500)
    qtbot.waitUntil(lambda: canvas.tile_item is not None and not canvas.tile_pending(), timeout=30_000)
    region, tile = canvas.tile_region, canvas.tile_image
    box = (region.left(), region.top(), region.right() + 1, region.bottom() + 1)
    crop = reference[box[1] : box[3], box[0] : box[2]]
    assert np.abs(qimage_array(tile).astype(np.int16) - crop).mean() < 3
    # the report and the client copy get the upright photo from open_photo
    with Image.open(io.BytesIO(open_photo(clinic.doctor, photo_id))) as out_photo:
        assert out_photo.size == (1200, 1500)
    page.close_viewer()
