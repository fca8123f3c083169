"""Colour conversion of imported photos to sRGB, with the ICC transform built once per profile.

`profileToProfile` parsed the embedded profile and built a new LittleCMS transform for every photo and
then copied the image (55 % of a phone JPEG's import). Here the transform for given profile bytes is
built once (cached by the bytes) and applied in place. A profile that maps every colour to itself
(the sRGB profile phones embed, whatever its description says) is recognised by converting a probe of
4,096 colours once: such photos skip the conversion, while Display-P3 and every other profile are
still converted.

LittleCMS converts a 12 MP photo in ~180 ms on one core (its 8-bit matrix-shaper shortcut does not apply
to Pillow's 4-byte pixels). A big photo is therefore converted in horizontal strips on two threads
(LittleCMS and Pillow's crop/transpose/paste run without the GIL), and the EXIF orientation is applied
to each strip on the way back (`convert_and_orient`): the conversion's copy back is the rotation's copy,
so a rotated photo costs no separate pass over its 48 MB of pixels.
"""

from __future__ import annotations

import collections
import hashlib
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import cast

from PIL import Image, ImageChops, ImageCms

_SRGB = ImageCms.createProfile("sRGB")
IDENTITY_TOLERANCE = 1  # 8-bit levels: rounding inside LittleCMS
STRIPS_FROM_PIXELS = 1_000_000  # smaller images are converted in one piece
STRIPS = 4  # per image, on STRIP_THREADS threads (a slower strip does not hold the other thread idle)
STRIP_THREADS = 2
_STRIP_POOL = ThreadPoolExecutor(max_workers=STRIP_THREADS, thread_name_prefix="maya-colour")


def _probe() -> Image.Image:
    """16 levels per channel, every combination: 4,096 colours across the whole cube."""
    levels = [round(i * 255 / 15) for i in range(16)]
    pixels = [(r, g, b) for r in levels for g in levels for b in levels]
    probe = Image.new("RGB", (64, 64))
    probe.putdata(pixels)
    return probe


# EXIF orientation -> the transpose that shows the photo upright (as ImageOps.exif_transpose).
EXIF_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


TRANSFORMS_KEPT = 16
# (SHA-256 of the profile, mode) -> transform: keyed by the profile's digest, not its bytes, so the cache (which
# lives as long as the process) holds no bytes copied out of a client's photo (a memory scan after a lock
# found the embedded profile of an imported JPEG kept as an lru_cache key).
_TRANSFORMS: collections.OrderedDict[tuple[bytes, str], ImageCms.ImageCmsTransform | None] = (
    collections.OrderedDict()
)
_TRANSFORMS_GUARD = threading.Lock()


def _transform_for(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The transform to sRGB, or None when the profile is (numerically) sRGB already (built once per profile and
    mode, the last TRANSFORMS_KEPT kept). Raises PyCMSError."""
    key = (hashlib.sha256(icc).digest(), mode)
    with _TRANSFORMS_GUARD:
        if key in _TRANSFORMS:
            _TRANSFORMS.move_to_end(key)
            return _TRANSFORMS[key]
    transform = _build_transform(icc, mode)
    with _TRANSFORMS_GUARD:
        _TRANSFORMS[key] = transform
        while len(_TRANSFORMS) > TRANSFORMS_KEPT:
            _TRANSFORMS.popitem(last=False)
    return transform


def _build_transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
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


def transform_of(img: Image.Image) -> ImageCms.ImageCmsTransform | None:
    """The cached transform that brings `img` to sRGB, or None: no profile, an sRGB profile (whatever its
    name), a mode other than RGB/RGBA, or an unreadable profile (the pixels are then kept as they are)."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA"):
        return None
    try:
        return _transform_for(bytes(icc), img.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


def dest_box(method: Image.Transpose | None, size: tuple[int, int], box: tuple[int, int, int, int]) -> tuple[int, int]:
    """Where the region `box` of an image of `size` lands (its top-left) once the image is transposed."""
    w, h = size
    x0, y0, x1, y1 = box
    T = Image.Transpose
    if method is None:
        return x0, y0
    if method == T.FLIP_LEFT_RIGHT:
        return w - x1, y0
    if method == T.FLIP_TOP_BOTTOM:
        return x0, h - y1
    if method == T.ROTATE_180:
        return w - x1, h - y1
    if method == T.ROTATE_90:  # (x, y) -> (y, w - x)
        return y0, w - x1
    if method == T.ROTATE_270:  # (x, y) -> (h - y, x)
        return h - y1, x0
    if method == T.TRANSPOSE:  # (x, y) -> (y, x)
        return y0, x0
    return h - y1, w - x1  # TRANSVERSE: (x, y) -> (h - y, w - x)


def convert_and_orient(
    img: Image.Image, transform: ImageCms.ImageCmsTransform | None, method: Image.Transpose | None
) -> Image.Image:
    """`img` converted with `transform` (None: colours kept) and transposed by `method` (None: as it is).
    May convert `img` itself in place; returns the result (a new image when transposed)."""
    if transform is None:
        return img if method is None else img.transpose(method)
    w, h = img.size
    if w * h < STRIPS_FROM_PIXELS:
        ImageCms.applyTransform(img, transform, inPlace=True)
        return img if method is None else img.transpose(method)
    rotated = method in (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270) or method in (
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
    )
    out = img if method is None else Image.new(img.mode, (h, w) if rotated else (w, h))
    # Rotated: vertical strips, each one a band of whole rows of the result (pasted contiguously).
    side = w if rotated else h
    bounds = [round(i * side / STRIPS) for i in range(STRIPS + 1)]
    cuts = [(bounds[i], bounds[i + 1]) for i in range(STRIPS) if bounds[i + 1] > bounds[i]]
    boxes = [(a, 0, b, h) if rotated else (0, a, w, b) for a, b in cuts]

    def strip(box: tuple[int, int, int, int]) -> None:
        piece = img.crop(box)
        ImageCms.applyTransform(piece, transform, inPlace=True)
        if method is not None:
            piece = piece.transpose(method)
        out.paste(piece, dest_box(method, (w, h), box))  # strips never overlap: safe from two threads

    for done in [_STRIP_POOL.submit(strip, box) for box in boxes]:
        done.result()
    return out
