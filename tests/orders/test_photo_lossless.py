"""Issue 17: an upright sRGB/untagged JPEG keeps its coded picture (no re-encode) and loses every
metadata segment; anything else is still decoded, converted, oriented and re-encoded."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import ExifTags, Image, ImageChops

from maya_desktop.core import photos
from maya_desktop.core.jpeg_strip import strip_jpeg
from tests.phone_photos import display_p3_icc, phone_photo, srgb_icc

SECRET = b"Maryam-Ahmadi-secret"


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def _insert_after_soi(data: bytes, *segments: bytes) -> bytes:
    return data[:2] + b"".join(segments) + data[2:]


def _source(faces, **kw: object) -> bytes:
    img = Image.open(faces / "obama.jpg").convert("RGB")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90, **kw)
    return out.getvalue()


def _pixels(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def _same_pixels(a: bytes, b: bytes) -> bool:
    x, y = _pixels(a), _pixels(b)
    return x.mode == y.mode and x.size == y.size and ImageChops.difference(x, y).getbbox() is None


def _gps_exif(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = SECRET.decode()
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    return exif.tobytes()


def _assert_no_metadata(data: bytes) -> None:
    img = Image.open(io.BytesIO(data))
    assert img.format == "JPEG"
    assert not img.getexif()
    for key in ("exif", "icc_profile", "comment", "xmp", "adobe", "mp", "mpinfo"):
        assert key not in img.info, key
    for needle in (SECRET, b"Exif\x00\x00", b"ICC_PROFILE", b"http://ns.adobe.com", b"MPF\x00"):
        assert needle not in data, needle


def test_every_metadata_segment_goes_and_the_picture_stays_bit_exact(faces) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>' + SECRET + b"</dc:creator></x:xmpmeta>"
    data = _source(faces, exif=_gps_exif(1), icc_profile=srgb_icc(), comment=SECRET, xmp=xmp, restart_marker_rows=2)
    # a JFIF header carrying a thumbnail, an IPTC-like APP13 and data after the end of the picture
    jfif_thumb = b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x02\x01" + SECRET[:6]
    data = _insert_after_soi(data, _segment(0xE0, jfif_thumb), _segment(0xED, b"Photoshop 3.0\x00" + SECRET))
    data += b"trailer " + SECRET
    assert data.count(SECRET) >= 5
    stripped = strip_jpeg(data)
    assert stripped is not None
    _assert_no_metadata(stripped)
    assert _same_pixels(stripped, data)  # no generation loss: the coded picture is the source's
    assert stripped.endswith(b"\xff\xd9") and len(stripped) < len(data)


def test_clean_photo_keeps_an_upright_srgb_jpeg_lossless(faces) -> None:
    data = _source(faces, exif=_gps_exif(1), icc_profile=srgb_icc(), comment=SECRET)
    clean = photos.clean_photo(data)
    _assert_no_metadata(clean.jpeg)
    _assert_no_metadata(clean.thumb_jpeg)
    assert clean.jpeg == strip_jpeg(data)
    assert _same_pixels(clean.jpeg, data)
    assert clean.image.size == (clean.width, clean.height) == Image.open(io.BytesIO(data)).size


def test_multi_picture_jpeg_keeps_only_the_first_picture(faces) -> None:
    first = Image.open(faces / "obama.jpg").convert("RGB")
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[first.rotate(90)], quality=90, exif=_gps_exif(1))
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).format == "MPO"
    clean = photos.clean_photo(data)
    _assert_no_metadata(clean.jpeg)
    assert clean.jpeg.count(b"\xff\xd8") == 1 and getattr(_pixels(clean.jpeg), "n_frames", 1) == 1


def test_rotated_p3_progressive_and_adobe_jpegs_are_still_reencoded(faces) -> None:
    upright = Image.open(faces / "obama.jpg").convert("RGB")
    rotated = photos.clean_photo(_source(faces, exif=_gps_exif(6), icc_profile=srgb_icc()))
    _assert_no_metadata(rotated.jpeg)
    assert _pixels(rotated.jpeg).size == (upright.height, upright.width)  # pixels turned upright
    p3 = _source(faces, exif=_gps_exif(1), icc_profile=display_p3_icc())
    assert strip_jpeg(p3) is not None  # it could be stripped, but its colours must be converted
    converted = photos.clean_photo(p3)
    _assert_no_metadata(converted.jpeg)
    assert not _same_pixels(converted.jpeg, p3)
    progressive = _source(faces, exif=_gps_exif(1), progressive=True)
    assert strip_jpeg(progressive) is None  # stored photos stay sequential (the viewer's zoom tiles)
    again = photos.clean_photo(progressive)
    _assert_no_metadata(again.jpeg)
    assert b"\xff\xc2" not in again.jpeg[: again.jpeg.find(b"\xff\xda")]
    adobe = _insert_after_soi(_source(faces), _segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01"))
    assert strip_jpeg(adobe) is None
    _assert_no_metadata(photos.clean_photo(adobe).jpeg)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # no end of the scan
        lambda d: d[:2] + _segment(0xE1, b"x" * 10)[:6],  # a segment past the end
        lambda d: b"\x89PNG" + d[4:],
        lambda d: d.replace(b"\xff\xc0", b"\xff\xc3", 1),  # lossless coding
    ],
)
def test_unusual_or_broken_streams_are_not_stripped(faces, damage) -> None:
    assert strip_jpeg(damage(_source(faces))) is None


def test_phone_photo_upright_is_lossless(faces) -> None:
    upright = phone_photo(faces / "obama.jpg", icc=srgb_icc(), orientation=1)
    assert Image.open(io.BytesIO(upright)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input has GPS
    clean = photos.clean_photo(upright)
    assert clean.jpeg == strip_jpeg(upright)
    _assert_no_metadata(clean.jpeg)
