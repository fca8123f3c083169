"""Issue 17: a turned phone JPEG (EXIF orientation 2-8, sRGB or untagged) is stored as its own coded picture
with every metadata segment dropped and its orientation kept as a value (photos.orientation, inside the
encrypted database). Every consumer shows it upright: open_photo (report, client copy), the viewer's
stored-bytes path (core.operations review.photo), the court export, and the analysis at import."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageOps

from maya_desktop.core import photos
from maya_desktop.core.jpeg_strip import strip_jpeg
from maya_desktop.core.operations import review
from maya_desktop.core.orders import records
from tests.phone_photos import display_p3_icc, srgb_icc

SECRET = "Maryam-Ahmadi-secret"


def turned_jpeg(faces, orientation: int, icc: bytes | None = None, size=(640, 480)) -> bytes:  # type: ignore[no-untyped-def]
    """A landscape-stored photo whose EXIF says how to show it (6: a portrait phone shot), with GPS."""
    img = Image.open(faces / "obama.jpg").convert("RGB").resize(size)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.ImageDescription] = SECRET
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92, exif=exif, **({"icc_profile": icc} if icc else {}))
    return out.getvalue()


def upright_reference(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(ImageOps.exif_transpose(img).convert("RGB"), dtype=np.int16)


def pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(img.convert("RGB"), dtype=np.int16)


def assert_no_metadata(data: bytes) -> None:
    img = Image.open(io.BytesIO(data))
    assert not img.getexif() and "icc_profile" not in img.info and "exif" not in img.info
    assert SECRET.encode() not in data and b"Exif\x00\x00" not in data


@pytest.fixture
def order_id(clinic) -> int:
    return records.create_order(clinic.reception, 1, "rhinoplasty_analysis").id


@pytest.mark.parametrize("orientation", [3, 6, 8, 5])
def test_turned_jpeg_is_stored_as_coded_with_its_orientation_and_opens_upright(
    clinic, faces, order_id, orientation: int
) -> None:
    data = turned_jpeg(faces, orientation, srgb_icc())
    want = upright_reference(data)
    imported = photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
    assert (imported.height, imported.width) == want.shape[:2]
    info = photos.list_photos(clinic.reception, order_id)[0]
    assert (info.height, info.width) == want.shape[:2]
    stored = photos.open_photo_stored(clinic.reception, imported.photo_id)
    assert stored.orientation == orientation and stored.jpeg == strip_jpeg(data)  # no re-encode, no transpose
    assert_no_metadata(stored.jpeg)
    upright = photos.open_photo(clinic.reception, imported.photo_id)  # what the report and client copy get
    assert_no_metadata(upright)
    got = pixels(upright)
    assert got.shape == want.shape and np.abs(got - want).mean() < 2
    thumb = pixels(photos.open_thumbnail(clinic.reception, imported.photo_id))
    assert (thumb.shape[0] > thumb.shape[1]) == (want.shape[0] > want.shape[1])  # the thumbnail is upright
    # the database row, not the photo, holds the orientation; nothing else of the EXIF is kept anywhere
    row = clinic.admin.conn.execute("SELECT orientation FROM photos WHERE id = ?", (imported.photo_id,)).fetchone()
    assert row == (orientation,)
    for path in clinic.root.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path.name


def test_photos_that_need_new_pixels_are_still_turned_at_import(clinic, faces, order_id) -> None:
    for data in (turned_jpeg(faces, 6, display_p3_icc()), _png_with_orientation(faces, 6)):
        imported = photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
        stored = photos.open_photo_stored(clinic.reception, imported.photo_id)
        assert stored.orientation == 1 and pixels(stored.jpeg).shape[:2] == (640, 480)


def _png_with_orientation(faces, orientation: int) -> bytes:  # type: ignore[no-untyped-def]
    img = Image.open(faces / "obama.jpg").convert("RGB").resize((640, 480))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    out = io.BytesIO()
    img.save(out, "PNG", exif=exif)
    return out.getvalue()


def test_the_analysis_gets_the_upright_pixels(clinic, faces, order_id) -> None:
    data = turned_jpeg(faces, 6, srgb_icc())
    seen: list[np.ndarray] = []

    def analyzer(img: Image.Image, _view: str | None) -> None:
        seen.append(np.asarray(img.convert("RGB"), dtype=np.int16))

    photos.import_photo(clinic.reception, order_id, data, analyzer=analyzer)
    assert len(seen) == 1 and np.array_equal(seen[0], upright_reference(data))  # the decode itself, turned


def test_a_turned_face_is_analysed_upright_by_the_real_engine(clinic, faces, order_id) -> None:
    with Image.open(faces / "obama.jpg") as face:
        w, h = face.size
        lying = face.convert("RGB").transpose(Image.Transpose.ROTATE_90)  # on its side, as a phone stores it
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # "turn clockwise to show": undoes the ROTATE_90 above
    out = io.BytesIO()
    lying.save(out, "JPEG", quality=95, exif=exif)
    imported = photos.import_photo(clinic.reception, order_id, out.getvalue())
    assert photos.open_photo_stored(clinic.reception, imported.photo_id).orientation == 6
    assert (imported.width, imported.height) == (w, h)
    assert imported.suggested_view == "frontal" and not imported.refused
    analysis = photos.get_analysis(clinic.reception, imported.photo_id)
    assert analysis is not None and analysis["view"] == "frontal"
    assert (analysis["image_width"], analysis["image_height"]) == (w, h)  # the engine saw it upright
    nasion, tip = analysis["landmarks"]["nasion"], analysis["landmarks"]["pronasale"]
    assert tip["y"] - nasion["y"] > 3 * abs(tip["x"] - nasion["x"])  # the nose runs down the picture


def test_the_review_operation_sends_the_stored_bytes_and_their_orientation(clinic, faces, order_id) -> None:
    data = turned_jpeg(faces, 8)
    imported = photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
    sent = review.photo(clinic.reception, review.PhotoRef(imported.photo_id))
    assert sent.orientation == 8 and sent.jpeg == strip_jpeg(data)
    # and it crosses the network to a workstation's decoder (core.operations.wire) with its orientation
    from maya_desktop.core.operations import wire

    arrived = wire.decode(json.loads(json.dumps(wire.encode(sent))))
    assert isinstance(arrived, review.PhotoBytes) and arrived.orientation == 8 and arrived.jpeg == sent.jpeg
