"""Issue 17: a turned phone JPEG stored as coded with its EXIF orientation as a value leaves the app
upright: in the client copy and in the clinical report (both through core.photos.open_photo)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, ImageOps

from maya_desktop.core.orders.client_copy import export_client_copy
from maya_desktop.core.photos import list_photos, open_photo_stored
from tests.doctor.conftest import make_case
from tests.doctor.test_viewer_memory import qimage_array

SECRET = "Maryam-Ahmadi-secret"


def _turned_case(clinic, faces: Path, tmp_path: Path) -> tuple[int, np.ndarray]:  # type: ignore[no-untyped-def]
    with Image.open(faces / "obama.jpg") as face:
        lying = face.convert("RGB").transpose(Image.Transpose.ROTATE_90)  # stored on its side
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.ImageDescription] = SECRET
    out = io.BytesIO()
    lying.save(out, "JPEG", quality=92, exif=exif)
    (tmp_path / "turned.jpg").write_bytes(out.getvalue())
    with Image.open(io.BytesIO(out.getvalue())) as shot:
        reference = np.asarray(ImageOps.exif_transpose(shot).convert("RGB"), dtype=np.int16)
    order_id = make_case(clinic, tmp_path, (("turned.jpg", "frontal"),))
    info = list_photos(clinic.doctor, order_id)[0]
    assert open_photo_stored(clinic.doctor, info.id).orientation == 6
    return order_id, reference


def test_the_client_copy_has_the_photo_upright_without_metadata(clinic, faces, tmp_path):
    order_id, reference = _turned_case(clinic, faces, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    written = export_client_copy(clinic.doctor, order_id, usb)
    data = written[0].read_bytes()
    assert SECRET.encode() not in data and b"Exif\x00\x00" not in data
    with Image.open(io.BytesIO(data)) as copy:
        assert not copy.getexif()
        got = np.asarray(copy.convert("RGB"), dtype=np.int16)
    assert got.shape == reference.shape and np.abs(got - reference).mean() < 2


def test_the_report_shows_the_photo_upright(clinic, faces, tmp_path):
    from maya_desktop.reports.clinical_report import collect_report

    order_id, reference = _turned_case(clinic, faces, tmp_path)
    image = collect_report(clinic.doctor, order_id).photos[0].image
    assert (image.height(), image.width()) == reference.shape[:2]
    assert np.abs(qimage_array(image).astype(np.int16) - reference).mean() < 2
