"""Issue 17: colour conversion to sRGB with a cached transform; sRGB photos are left alone, Display-P3
photos (as iPhones make them) are still converted, in JPEG and HEIC."""

from __future__ import annotations

import io

import numpy as np
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


# ---- issue 17: conversion and orientation in one pass, in strips on two threads ---------------------
def real_photo(size=(1400, 1000)) -> Image.Image:  # type: ignore[no-untyped-def]
    """A real face photo (more than STRIPS_FROM_PIXELS, so the strip path runs), upscaled."""
    from tests.conftest import FACES

    return Image.open(FACES / "obama.jpg").convert("RGB").resize(size, Image.Resampling.BICUBIC)


@pytest.mark.parametrize("method", [None, *Image.Transpose])
def test_strips_give_exactly_what_one_conversion_then_the_transpose_gives(method):
    from maya_desktop.core import colour

    img = real_photo()
    assert img.width * img.height >= colour.STRIPS_FROM_PIXELS
    transform = _transform_for(display_p3_icc(), "RGB")
    expected = ImageCms.applyTransform(img, transform)
    expected = expected if method is None else expected.transpose(method)
    got = colour.convert_and_orient(img.copy(), transform, method)
    assert got.size == expected.size and got.mode == expected.mode
    assert got.tobytes() == expected.tobytes()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_as_exif_transpose_shows_it(orientation):
    from PIL import ImageOps

    from tests.phone_photos import phone_exif

    img = real_photo((1200, 900))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95, exif=phone_exif(img, orientation), icc_profile=display_p3_icc())
    data = out.getvalue()
    reference = Image.open(io.BytesIO(data))
    reference = ImageOps.exif_transpose(reference)  # the way it was done before issue 17
    reference = ImageCms.profileToProfile(
        reference, ImageCms.ImageCmsProfile(io.BytesIO(display_p3_icc())), ImageCms.createProfile("sRGB")
    )
    clean = photos.clean_photo(data)
    assert clean.image.size == reference.size == (clean.width, clean.height)
    assert clean.image.tobytes() == reference.convert("RGB").tobytes(), "same pixels, same orientation"
    stored = Image.open(io.BytesIO(clean.jpeg))
    assert stored.size == reference.size and not stored.getexif() and "icc_profile" not in stored.info


def test_a_real_srgb_tagged_photo_skipped_equals_the_full_conversion():
    """Skipping the transform for an embedded sRGB profile changes nothing a person could see."""
    img = real_photo()
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95, icc_profile=srgb_icc())
    data = out.getvalue()
    converted = ImageCms.profileToProfile(  # not skipped: LittleCMS through the embedded profile
        Image.open(io.BytesIO(data)), ImageCms.ImageCmsProfile(io.BytesIO(srgb_icc())), ImageCms.createProfile("sRGB")
    )
    ours = np.asarray(photos.clean_photo(data).image, dtype=np.int16)
    diff = np.abs(ours - np.asarray(converted.convert("RGB"), dtype=np.int16))
    assert diff.max() <= 2 and diff.mean() < 0.5, (diff.max(), diff.mean())


def test_a_rotated_display_p3_phone_photo_is_converted_and_stripped():
    from tests.phone_photos import phone_exif

    img = real_photo((1600, 1200))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95, exif=phone_exif(img, 6), icc_profile=display_p3_icc())
    clean = photos.clean_photo(out.getvalue())
    assert (clean.width, clean.height) == (1200, 1600)
    plain = photos.clean_photo(real_jpeg_without_profile(img))
    p3 = clean.image.transpose(Image.Transpose.ROTATE_90)  # back to the stored orientation to compare
    # the P3 numbers mean more saturated colours: the converted photo differs from the plain one
    assert np.abs(np.asarray(p3, dtype=np.int16) - np.asarray(plain.image, dtype=np.int16)).mean() > 1.0
    stored = Image.open(io.BytesIO(clean.jpeg))
    assert not stored.getexif() and "icc_profile" not in stored.info
    assert b"ICC_PROFILE" not in clean.jpeg and b"Exif" not in clean.jpeg


def real_jpeg_without_profile(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_the_cached_transforms_keep_no_bytes_of_a_photo() -> None:
    """The transform cache lives as long as the process: it is keyed by the profile's digest, so no copy of a
    photo's embedded profile stays in memory after the photo is gone (a workstation's memory scan looks for any
    run of a photo's bytes)."""
    import gc

    from tests.helpers_scan import held_values

    assert _transform_for(display_p3_icc(), "RGB") is not None  # a profile read out of a photo (then dropped)
    assert _transform_for(display_p3_icc(), "RGB") is not None  # the same profile from another photo: cached
    profile = display_p3_icc()  # this test's own copy, to look for others
    head = profile[:64]
    gc.collect()
    kept = [
        type(holder).__name__
        for tracked in gc.get_objects()
        for holder, value in held_values(tracked)
        if isinstance(value, bytes) and value is not profile and len(value) > 64 and value[:64] == head
    ]
    assert kept == []
