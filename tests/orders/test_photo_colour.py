"""Issue 17: colour conversion to sRGB with a cached transform; sRGB photos are left alone, Display-P3
photos (as iPhones make them) are still converted, in JPEG and HEIC."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from maya_desktop.core import photos
from maya_desktop.core.colour import _transform_for
from tests.phone_photos import display_p3_icc, srgb_icc

# A saturated orange and a muted green: in Display-P3 they mean more saturated colours than the same
# numbers in sRGB, so converting P3 -> sRGB must move them (red up/green down for the orange).
PATCHES = [(200, 100, 50), (90, 160, 90)]


def tagged_photo(icc: bytes | None, fmt: str = "JPEG") -> bytes:
    img = Image.new("RGB", (256, 128))
    for index, colour in enumerate(PATCHES):
        img.paste(colour, (index * 128, 0, index * 128 + 128, 128))
    out = io.BytesIO()
    options = {"icc_profile": icc} if icc else {}
    img.save(out, "HEIF" if fmt == "HEIC" else fmt, quality=100, **options)
    return out.getvalue()


def centre_colours(jpeg: bytes) -> list[tuple[int, int, int]]:
    img = Image.open(io.BytesIO(jpeg)).convert("RGB")
    return [img.getpixel((index * 128 + 64, 64)) for index in range(len(PATCHES))]  # type: ignore[misc]


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("fmt", ["JPEG", "HEIC"])
def test_display_p3_pixels_are_converted_to_srgb(fmt):
    data = tagged_photo(display_p3_icc(), fmt)
    stored = centre_colours(photos.clean_photo(data).jpeg)
    source = Image.new("RGB", (1, 1), PATCHES[0])
    expected = ImageCms.profileToProfile(  # the reference: LittleCMS, built the slow way
        source, ImageCms.ImageCmsProfile(io.BytesIO(display_p3_icc())), ImageCms.createProfile("sRGB")
    ).getpixel((0, 0))
    untouched = centre_colours(photos.clean_photo(tagged_photo(None, fmt)).jpeg)
    orange_p3, orange_plain = stored[0], untouched[0]
    assert close(orange_p3, expected, 4), (orange_p3, expected)
    assert orange_p3[0] > orange_plain[0] + 8 and orange_p3[1] < orange_plain[1] - 4  # more saturated
    assert not close(stored[1], untouched[1], 3)  # the green moved too


def test_srgb_tagged_photo_is_not_converted_and_keeps_its_colours():
    assert _transform_for(srgb_icc(), "RGB") is None  # recognised as identity, whatever its name
    assert _transform_for(display_p3_icc(), "RGB") is not None
    tagged = centre_colours(photos.clean_photo(tagged_photo(srgb_icc())).jpeg)
    plain = centre_colours(photos.clean_photo(tagged_photo(None)).jpeg)
    for a, b in zip(tagged, plain, strict=True):
        assert close(a, b, 2), (a, b)


def test_the_profile_is_gone_from_the_stored_photo():
    stored = photos.clean_photo(tagged_photo(display_p3_icc())).jpeg
    assert "icc_profile" not in Image.open(io.BytesIO(stored)).info
    assert b"ICC_PROFILE" not in stored


def test_an_unreadable_profile_keeps_the_pixels():
    stored = centre_colours(photos.clean_photo(tagged_photo(b"not a profile" * 20)).jpeg)
    plain = centre_colours(photos.clean_photo(tagged_photo(None)).jpeg)
    assert all(close(a, b, 2) for a, b in zip(stored, plain, strict=True))


def test_a_display_p3_png_with_transparency_is_converted_too():
    img = Image.new("RGBA", (128, 128), (*PATCHES[0], 255))
    out = io.BytesIO()
    img.save(out, "PNG", icc_profile=display_p3_icc())
    orange = Image.open(io.BytesIO(photos.clean_photo(out.getvalue()).jpeg)).convert("RGB").getpixel((64, 64))
    assert _transform_for(display_p3_icc(), "RGBA") is not None
    assert orange[0] > PATCHES[0][0] + 8 and orange[1] < PATCHES[0][1] - 4, orange
