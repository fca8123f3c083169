"""Photo import: metadata stripping (GPS!), orientation, format support, bomb guard, progress/cancel."""

from __future__ import annotations

import io
import struct
import threading
import time
import zlib

import pillow_heif
import pytest
from orders_helpers import jpeg_of
from PIL import ExifTags, Image, ImageCms

from maya_desktop.core import photos
from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status

SECRET = "Maryam-Ahmadi-secret"


def _gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.ImageDescription] = SECRET
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (35.0, 41.0, 30.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (51.0, 23.0, 10.25)
    return exif


def _with_everything(img: Image.Image, orientation: int | None = None) -> bytes:
    """A JPEG with GPS EXIF, XMP, an ICC profile and a comment, all carrying personal data."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{SECRET}</dc:creator></x:xmpmeta>'.encode()
    return jpeg_of(img, exif=_gps_exif(orientation), icc_profile=icc, comment=SECRET.encode(), xmp=xmp, quality=95)


def _assert_clean(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    assert img.format == "JPEG"
    assert not img.getexif(), "EXIF survived"
    assert not img.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for key in ("exif", "icc_profile", "comment", "xmp", "photoshop", "adobe"):
        assert key not in img.info, key
    for needle in (b"Exif\x00\x00", b"ICC_PROFILE", SECRET.encode(), b"adobe:ns:meta", b"PhoneMaker"):
        assert needle not in data, needle
    return img


@pytest.fixture
def order_id(clinic) -> int:
    return records.create_order(clinic.reception, 1, "rhinoplasty_analysis").id


def test_gps_exif_xmp_icc_comment_are_removed(clinic, faces, order_id) -> None:
    source = Image.open(faces / "obama.jpg")
    data = _with_everything(source)
    # the input really carries GPS and the secret
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert SECRET.encode() in data
    imported = photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
    stored = photos.open_photo(clinic.reception, imported.photo_id)  # import phase: reception may look
    img = _assert_clean(stored)
    assert img.size == source.size
    _assert_clean(photos.open_thumbnail(clinic.reception, imported.photo_id))
    _assert_clean(imported.thumbnail_jpeg)
    # and nothing of it is on disk in clear
    for path in clinic.root.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            assert SECRET.encode() not in raw and b"PhoneMaker" not in raw, path.name


def test_orientation_is_applied(clinic, faces, order_id) -> None:
    source = Image.open(faces / "obama.jpg")
    w, h = source.size
    imported = photos.import_photo(
        clinic.reception, order_id, _with_everything(source, orientation=6), run_analysis=False
    )
    assert (imported.width, imported.height) == (h, w)
    assert Image.open(io.BytesIO(photos.open_photo(clinic.reception, imported.photo_id))).size == (h, w)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "HEIF"])
def test_other_formats_are_cleaned(clinic, faces, order_id, fmt: str) -> None:
    source = Image.open(faces / "astronaut.png").convert("RGB")
    out = io.BytesIO()
    if fmt == "HEIF":
        pillow_heif.register_heif_opener()
        source.save(out, "HEIF", exif=_gps_exif().tobytes(), quality=80)
    elif fmt == "PNG":
        source.save(out, "PNG", exif=_gps_exif())
    else:
        source.save(out, "WEBP", exif=_gps_exif(), quality=80)
    data = out.getvalue()
    assert SECRET.encode() in data
    imported = photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
    _assert_clean(photos.open_photo(clinic.reception, imported.photo_id))


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_png_header_only(100_000, 100_000), id="bomb"),
        pytest.param(_png_header_only(20_000, 20), id="too-wide"),
        pytest.param(b"GIF89a" + b"\x00" * 100, id="gif"),
        pytest.param(b"%PDF-1.7 not a photo", id="pdf"),
        pytest.param(b"", id="empty"),
    ],
)
def test_bad_files_are_refused_before_anything_is_stored(clinic, order_id, data: bytes) -> None:
    start = time.perf_counter()
    with pytest.raises(ValidationError):
        photos.import_photo(clinic.reception, order_id, data, run_analysis=False)
    assert time.perf_counter() - start < 2  # the bomb is refused from its header, not decoded
    assert list(clinic.root.joinpath("photos").iterdir()) == []
    assert clinic.admin.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 0
    assert records.get_order(clinic.reception, order_id).status == Status.DRAFT


def test_truncated_jpeg_is_refused(clinic, face_bytes, order_id) -> None:
    data = face_bytes["obama.jpg"]
    with pytest.raises(ValidationError):
        photos.import_photo(clinic.reception, order_id, data[: len(data) // 2], run_analysis=False)


def test_batch_import_progress_errors_and_cancel(clinic, face_bytes, order_id) -> None:
    cancel = threading.Event()
    sources = [
        ("a.jpg", face_bytes["obama.jpg"]),
        ("bad.jpg", b"nope"),
        ("c.jpg", face_bytes["biden.jpg"]),
        ("d.jpg", face_bytes["trump.jpg"]),
    ]
    seen = []
    for progress in photos.import_photos(clinic.reception, order_id, sources, cancel=cancel, run_analysis=False):
        seen.append(progress)
        if progress.index == 2:
            cancel.set()
    assert [p.label for p in seen] == ["a.jpg", "bad.jpg", "c.jpg"]
    assert all(p.total == 4 for p in seen)
    assert seen[1].error is not None and seen[1].photo is None
    assert [p.photo is not None for p in seen] == [True, False, True]
    assert len(photos.list_photos(clinic.reception, order_id)) == 2
    order = records.get_order(clinic.reception, order_id)
    assert order.status == Status.PHOTOS_IMPORTED and order.files_count == 2


def test_folder_helper_finds_images(faces) -> None:
    found = photos.collect_image_files([faces])
    names = {label for label, _ in found}
    assert "obama.jpg" in names and "astronaut.png" in names and "README.md" not in names


def test_analysis_suggests_the_view_and_is_stored_encrypted(clinic, face_bytes, order_id) -> None:
    imported = photos.import_photo(clinic.reception, order_id, face_bytes["obama.jpg"])
    assert imported.suggested_view == "frontal"
    info = photos.list_photos(clinic.reception, order_id)[0]
    assert info.has_analysis and info.suggested_view == "frontal" and not info.view_confirmed
    analysis = photos.get_analysis(clinic.reception, imported.photo_id)
    assert analysis["view"] == "frontal"
    raw = clinic.admin.conn.execute("SELECT analysis_sealed FROM photos").fetchone()[0]
    assert b"frontal" not in raw  # sealed with the order key, not only the DB key


def test_reception_sees_photos_only_during_import(clinic, walk) -> None:
    order_id = walk(Status.ANALYZED)
    photo_id = photos.list_photos(clinic.reception, order_id)[0].id
    for session in (clinic.reception, clinic.admin):
        with pytest.raises(PermissionDenied):
            photos.open_photo(session, photo_id)
        with pytest.raises(PermissionDenied):
            photos.open_thumbnail(session, photo_id)
    with pytest.raises(StateError):
        photos.import_photo(clinic.reception, order_id, b"x")


def test_views_must_be_confirmed_before_analysis_completes(clinic, face_bytes, order_id) -> None:
    imported = photos.import_photo(clinic.reception, order_id, face_bytes["obama.jpg"], run_analysis=False)
    with pytest.raises(StateError):
        photos.complete_analysis(clinic.reception, order_id)
    with pytest.raises(ValidationError):
        photos.confirm_views(clinic.reception, order_id, {imported.photo_id: "upside_down"})
    photos.confirm_views(clinic.reception, order_id, {imported.photo_id: "frontal"})
    assert photos.complete_analysis(clinic.reception, order_id).status == Status.ANALYZED


def test_remove_photo_during_import_deletes_its_files(clinic, face_bytes, order_id) -> None:
    imported = photos.import_photo(clinic.reception, order_id, face_bytes["obama.jpg"], run_analysis=False)
    assert len(list(clinic.root.joinpath("photos").iterdir())) == 2
    photos.remove_photo(clinic.reception, imported.photo_id)
    assert list(clinic.root.joinpath("photos").iterdir()) == []
    assert records.get_order(clinic.reception, order_id).files_count == 0


def test_profile_photo_is_suggested_in_the_orders_view_names(clinic, faces, order_id) -> None:
    """The engine says "left_profile"; orders store "profile_left". A declared view is translated too."""
    data = (faces / "profile_left_masked.jpg").read_bytes()
    imported = photos.import_photo(clinic.reception, order_id, data)
    assert imported.suggested_view == "profile_left"
    declared = photos.import_photo(clinic.reception, order_id, data, declared_view="profile_left")
    assert declared.suggested_view == "profile_left"
    assert not any(f.get("code") == "view_mismatch" for f in photos.get_analysis(clinic.reception,
                                                                                 declared.photo_id)["findings"])
