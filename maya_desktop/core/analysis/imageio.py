"""Decode a photo in memory, refusing decompression bombs before any pixel is allocated.

Photos are never written to disk here (clinical privacy rule): bytes, PIL images and numpy
arrays are all handled in memory.
"""

from __future__ import annotations

import io
import math
import os
import struct
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, UnidentifiedImageError

from maya_desktop.core.analysis.pixels import reduce_area, resize_area
from maya_desktop.core.colour import EXIF_TRANSPOSE

# 40 MP is far above any phone camera in the clinic (12-48 MP sensors bin to 12 MP) yet small
# enough that decoding cannot exhaust memory (40 MP x 3 bytes = 120 MB).
MAX_PIXELS = 50_000_000
MAX_SIDE = 12_000

# Everything downstream (detection, mesh, silhouette, quality, hairline) works on a copy of at most
# this many pixels, made by an integer reduction while decoding (JPEG: DCT-domain `draft`; other
# formats: `Image.reduce`, in parallel horizontal bands; arrays: k x k block means). A 12 MP
# 3000x4000 photo becomes 1000x1334 (arrays: 1000x1333; JPEG: 750x1000 from the 1/4 draft). The
# full-resolution pixels are never copied; a small face in a large photo is re-cropped from the
# source at higher resolution (`DecodedImage.square_crop`).
WORK_MAX_PIXELS = 2_000_000

try:  # HEIC/HEIF from iPhones; optional at run time.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass


class ImageRejected(Exception):
    """The data is not a usable image. `code` is a finding code (see findings.py)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class DecodedImage:
    """A working copy of the photo (RGB, at most WORK_MAX_PIXELS) and the original's size.

    Coordinates are always reported in ORIGINAL pixels: original = working * `scale`.
    """

    rgb: np.ndarray  # H x W x 3 uint8 working copy
    width: int  # original (EXIF-oriented) width in pixels
    height: int
    scale: float  # original pixels per `rgb` pixel (an integer >= 1)
    source: Callable[[tuple[int, int, int, int]], np.ndarray] | None = None  # original-res region

    @property
    def work(self) -> np.ndarray:  # detection input (same as `rgb`)
        return self.rgb

    @property
    def work_scale(self) -> float:
        return self.scale

    def square_crop(self, cx: float, cy: float, side: float, out_side: int) -> tuple[np.ndarray, float, float, float]:
        """Square crop centred on (cx, cy), `side` ORIGINAL pixels wide, black beyond the border,
        resized to at most `out_side` px. Returns (crop, x0, y0, original px per crop px).

        Taken from the working copy when it has enough pixels there, else from the source (a small
        face in a large photo), so the neural networks always see the face at full useful detail.
        """
        x0o, y0o = cx - side / 2, cy - side / 2
        use_source = self.source is not None and self.scale > 1 and side / self.scale < out_side
        s = 1.0 if use_source else self.scale
        x0, y0, sd = round(x0o / s), round(y0o / s), max(8, round(side / s))
        if use_source:
            assert self.source is not None  # type narrowing; set two lines above  # nosec B101
            sx0, sy0 = max(0, x0), max(0, y0)
            sx1, sy1 = min(self.width, x0 + sd), min(self.height, y0 + sd)
            region = self.source((sx0, sy0, sx1, sy1)) if sx1 > sx0 and sy1 > sy0 else None
        else:
            h, w = self.rgb.shape[:2]
            sx0, sy0, sx1, sy1 = max(0, x0), max(0, y0), min(w, x0 + sd), min(h, y0 + sd)
            region = self.rgb[sy0:sy1, sx0:sx1] if sx1 > sx0 and sy1 > sy0 else None
        if region is None or region.size == 0:
            return np.zeros((8, 8, 3), np.uint8), 0.0, 0.0, 1.0
        crop = np.pad(region, ((sy0 - y0, y0 + sd - sy1), (sx0 - x0, x0 + sd - sx1), (0, 0)))  # black beyond
        f = 1.0
        if sd > out_side:
            f = sd / out_side
            crop = resize_area(crop, out_side, out_side)
        return np.ascontiguousarray(crop), x0 * s, y0 * s, f * s


def _check_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise ImageRejected("not_an_image", "empty image")
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise ImageRejected("image_too_large", f"{width}x{height}")


def _sniff_png(data: bytes) -> None:
    """PNG: read the IHDR size ourselves, so even a header-only bomb is refused by size."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        _check_size(width, height)


def _open_bytes(data: bytes) -> Image.Image:
    """Open lazily: PIL parses only the header here, so the size check runs before decoding."""
    _sniff_png(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected("image_too_large", "header dimensions") from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected("not_an_image") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected("truncated", type(exc).__name__) from exc
    return img


_REDUCIBLE = ("RGB", "RGBA", "RGBX", "L", "LA", "CMYK", "I", "F")


def reduction_factor(width: int, height: int, max_pixels: int = WORK_MAX_PIXELS) -> int:
    """Smallest integer k such that (width / k) x (height / k) fits in `max_pixels`."""
    return max(1, math.ceil(math.sqrt(width * height / max_pixels)))


def _orientation(img: Image.Image) -> int:
    try:
        return int(img.getexif().get(0x0112, 1))
    except Exception:  # malformed EXIF: ignore, decoding will tell
        return 1


# Image.reduce releases the GIL, so a large image is reduced in horizontal bands on parallel threads
# (12 MP on 2 idle cores: ~15 ms -> ~10 ms). Below ~1 MP of source per band a thread is not worth it.
_MAX_BANDS = 4
_BAND_MIN_PIXELS = 1_000_000

# EXIF orientation applied to an H x W x C array: the same pixels as PIL's `transpose(EXIF_TRANSPOSE[o])`.
_ORIENT_ARRAY: dict[int, Callable[[np.ndarray], np.ndarray]] = {
    2: lambda a: a[:, ::-1],
    3: lambda a: a[::-1, ::-1],
    4: lambda a: a[::-1],
    5: lambda a: a.transpose(1, 0, 2),
    6: lambda a: a.transpose(1, 0, 2)[:, ::-1],
    7: lambda a: a.transpose(1, 0, 2)[::-1, ::-1],
    8: lambda a: a.transpose(1, 0, 2)[::-1],
}


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _rgb_band(img: Image.Image, k: int, box: tuple[int, int, int, int]) -> np.ndarray:
    """`img.reduce(k, box)` converted to RGB, as an array (pixel-wise, so band by band is exact)."""
    if img.mode in ("LA", "RGBA") and box != (0, 0, *img.size):
        # Image.reduce premultiplies alpha by converting the WHOLE image first: convert this band only.
        band = img.crop(box).reduce(k)
    else:
        band = img.reduce(k, box=box)
    if band.mode != "RGB":
        band = band.convert("RGB")
    return np.asarray(band, dtype=np.uint8)


def reduce_to_rgb(img: Image.Image, k: int, bands: int | None = None) -> np.ndarray:
    """Exactly `np.asarray(img.reduce(k).convert("RGB"))` (bit-identical), computed in `bands` horizontal
    bands on parallel threads (default: one per CPU, at most _MAX_BANDS, fewer for small images).

    Every band but the last starts and ends on a multiple of k source rows, so each output pixel
    averages the same k x k block as in one call (the last band keeps the ragged bottom edge). `img`
    must be loaded (`img.load()`) so that the threads only read it. Returns a new writable array.
    """
    w, h = img.size
    out_h = -(-h // k)
    n = bands if bands is not None else min(_MAX_BANDS, _cpu_count(), (w * h) // _BAND_MIN_PIXELS)
    n = max(1, min(n, out_h))
    if n == 1:
        return np.ascontiguousarray(_rgb_band(img, k, (0, 0, w, h)))
    rows = [out_h * i // n for i in range(n + 1)]
    out = np.empty((out_h, -(-w // k), 3), np.uint8)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            out[rows[i] : rows[i + 1]] = _rgb_band(img, k, (0, rows[i] * k, w, min(h, rows[i + 1] * k)))
        except BaseException as exc:  # re-raised in the calling thread below
            errors.append(exc)

    # Plain threads rather than a shared pool: ~0.1 ms each, and nothing to go stale across fork().
    threads = [threading.Thread(target=work, args=(i,), name="imageio-reduce", daemon=True) for i in range(1, n)]
    for t in threads:
        t.start()
    work(0)
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return out


def _pil_to_rgb_array(img: Image.Image, k: int, orientation: int) -> np.ndarray:
    """Reduce by k (box filter), orient, convert to RGB, as a contiguous uint8 array."""
    try:
        img.load()
        if k > 1:
            if img.mode not in _REDUCIBLE:
                img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
            rgb = reduce_to_rgb(img, k)
            if orientation in _ORIENT_ARRAY:
                rgb = np.ascontiguousarray(_ORIENT_ARRAY[orientation](rgb))
            return rgb
        if orientation in EXIF_TRANSPOSE:
            img = img.transpose(EXIF_TRANSPOSE[orientation])
        if img.mode != "RGB":
            img = img.convert("RGB")
        return np.ascontiguousarray(np.asarray(img, dtype=np.uint8))
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected("truncated", type(exc).__name__) from exc


def _pil_region(
    opener: Callable[[], Image.Image], orientation: int
) -> Callable[[tuple[int, int, int, int]], np.ndarray]:
    """Original-resolution region reader (oriented coordinates); decodes the full image on use."""

    def read(box: tuple[int, int, int, int]) -> np.ndarray:
        img = opener()
        if orientation in EXIF_TRANSPOSE:
            img = img.transpose(EXIF_TRANSPOSE[orientation])
        part = img.crop(box)
        if part.mode != "RGB":  # convert() would copy even an RGB region (~4 ms for 1500 px)
            part = part.convert("RGB")
        return np.ascontiguousarray(np.asarray(part, dtype=np.uint8))

    return read


def _oriented_size(img: Image.Image, orientation: int) -> tuple[int, int]:
    """Size after EXIF rotation (orientation 5-8 swap width and height)."""
    w, h = img.size
    return (h, w) if orientation in (5, 6, 7, 8) else (w, h)


def _reduce_array(arr: np.ndarray, k: int) -> np.ndarray:
    """Integer area reduction of an H x W x C array (k x k block means)."""
    return reduce_area(arr, k)


def decode(data: bytes | Image.Image | np.ndarray, max_pixels: int = WORK_MAX_PIXELS) -> DecodedImage:
    """Decode `data` to an RGB working copy of at most `max_pixels`, refusing bombs, truncated files
    and non-images with ImageRejected."""
    if isinstance(data, np.ndarray):
        arr = data
        if arr.ndim == 2:
            arr = arr[:, :, None]
        if arr.ndim != 3 or arr.shape[2] not in (1, 3, 4):
            raise ImageRejected("not_an_image", "array shape")
        height, width = arr.shape[:2]
        _check_size(width, height)
        k = reduction_factor(width, height, max_pixels)
        # RGBA: reduce all 4 channels (contiguous, no copy) and drop alpha from the small result, rather
        # than copying the full-size RGB channels out first (area averaging is per channel).
        src = arr if k > 1 and arr.shape[2] == 4 and arr.flags.c_contiguous else arr[:, :, :3]
        small = _reduce_array(np.ascontiguousarray(src) if k > 1 and not src.flags.c_contiguous else src, k)
        if small.ndim == 2:
            small = small[:, :, None]
        small = small[:, :, :3]
        if small.shape[2] == 1:
            small = np.repeat(small, 3, axis=2)
        rgb = np.ascontiguousarray(small.astype(np.uint8, copy=False))

        def region(box: tuple[int, int, int, int]) -> np.ndarray:
            x0, y0, x1, y1 = box
            part = arr[y0:y1, x0:x1, :3]
            if part.shape[2] == 1:
                part = np.repeat(part, 3, axis=2)
            return np.ascontiguousarray(part.astype(np.uint8, copy=False))

        return DecodedImage(rgb, width, height, float(k), region if k > 1 else None)
    if isinstance(data, Image.Image):
        img = data
        raw: bytes | None = None
    elif isinstance(data, bytes | bytearray | memoryview):
        if len(data) == 0:
            raise ImageRejected("not_an_image", "empty")
        raw = bytes(data)
        img = _open_bytes(raw)
    else:
        raise TypeError("analyze_image expects bytes, a PIL image or a numpy array")
    orientation = _orientation(img)
    width, height = _oriented_size(img, orientation)
    _check_size(width, height)
    k = reduction_factor(width, height, max_pixels)
    draft_scale = 1
    if raw is not None and k > 1 and img.format == "JPEG":
        # DCT-domain downscaling while decoding, by the power of two (<= 8) at or above k: a 12 MP
        # JPEG decodes to 1/4 size in a fraction of the full decoding time.
        target = min(8, 2 ** math.ceil(math.log2(k)))
        w0 = img.width
        try:
            img.draft("RGB", (math.ceil(img.width / target), math.ceil(img.height / target)))
        except (OSError, ValueError) as exc:
            raise ImageRejected("truncated", type(exc).__name__) from exc
        draft_scale = max(1, round(w0 / img.width))
    k_rest = max(1, math.ceil(k / draft_scale))
    rgb = _pil_to_rgb_array(img, k_rest, orientation)
    scale = float(draft_scale * k_rest)
    if raw is not None:
        source = _pil_region(lambda: _open_bytes(raw), orientation) if scale > 1 else None
    else:
        source = _pil_region(lambda: img, orientation) if scale > 1 else None
    return DecodedImage(rgb, width, height, scale, source)
