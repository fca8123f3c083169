"""Colour conversion of imported photos to sRGB, with the ICC transform built once per profile.

`profileToProfile` parsed the embedded profile and built a new LittleCMS transform for every photo and
then copied the image (55 % of a phone JPEG's import). Here the transform for given profile bytes is
built once (cached by the bytes) and applied in place. A profile that maps every colour to itself
(the sRGB profile phones embed, whatever its description says) is recognised by converting a probe of
4,096 colours once: such photos skip the conversion, while Display-P3 and every other profile are
still converted.
"""

from __future__ import annotations

import functools
import io
from typing import cast

from PIL import Image, ImageChops, ImageCms

_SRGB = ImageCms.createProfile("sRGB")
IDENTITY_TOLERANCE = 1  # 8-bit levels: rounding inside LittleCMS


def _probe() -> Image.Image:
    """16 levels per channel, every combination: 4,096 colours across the whole cube."""
    levels = [round(i * 255 / 15) for i in range(16)]
    pixels = [(r, g, b) for r in levels for g in levels for b in levels]
    probe = Image.new("RGB", (64, 64))
    probe.putdata(pixels)
    return probe


@functools.lru_cache(maxsize=16)
def _transform_for(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The transform to sRGB, or None when the profile is (numerically) sRGB already. Raises PyCMSError."""
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    # NOCACHE: LittleCMS's one-pixel cache is what makes a shared transform unsafe across threads.
    transform = ImageCms.buildTransform(source, _SRGB, mode, mode, flags=ImageCms.Flags.NOCACHE)
    probe = _probe().convert(mode)  # RGBA photos: the alpha band stays 255 and unchanged
    converted = ImageCms.applyTransform(probe, transform) or probe
    extrema = cast(tuple[tuple[int, int], ...], ImageChops.difference(probe, converted).getextrema())  # per band
    largest_change = max(high for _low, high in extrema)
    return None if largest_change <= IDENTITY_TOLERANCE else transform


def to_srgb_in_place(img: Image.Image) -> None:
    """Convert an RGB/RGBA image carrying an ICC profile to sRGB, in place. An unreadable profile leaves
    the pixels as they are (the profile itself is dropped with the rest of the metadata)."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA"):
        return
    try:
        transform = _transform_for(bytes(icc), img.mode)
        if transform is not None:
            ImageCms.applyTransform(img, transform, inPlace=True)
    except (ImageCms.PyCMSError, OSError, ValueError):
        pass
