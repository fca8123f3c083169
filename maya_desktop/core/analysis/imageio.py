"""Decode a photo in memory, refusing decompression bombs before any pixel is allocated.

Photos are never written to disk here (clinical privacy rule): bytes, PIL images and numpy
arrays are all handled in memory.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# 40 MP is far above any phone camera in the clinic (12-48 MP sensors bin to 12 MP) yet small
# enough that decoding cannot exhaust memory (40 MP x 3 bytes = 120 MB).
MAX_PIXELS = 50_000_000
MAX_SIDE = 12_000

# Detection and mesh see at most this many pixels; coordinates are mapped back to the original.
WORK_MAX_SIDE = 1600

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
    """An RGB image plus a smaller working copy for the neural networks.

    `work_scale` is original pixels per working pixel (>= 1).
    """

    rgb: np.ndarray  # H x W x 3 uint8, original resolution (or JPEG-draft reduced, see `scale`)
    width: int  # original width in pixels (coordinates are reported in this frame)
    height: int
    scale: float  # original pixels per `rgb` pixel (1.0 unless JPEG draft decoding reduced it)
    work: np.ndarray  # downscaled copy for detection
    work_scale: float  # original pixels per `work` pixel


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


def _to_rgb_array(img: Image.Image) -> np.ndarray:
    try:
        img.load()
        img = ImageOps.exif_transpose(img) or img
        rgb = img.convert("RGB")
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected("truncated", type(exc).__name__) from exc
    return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))


def _oriented_size(img: Image.Image) -> tuple[int, int]:
    """Size after EXIF rotation (orientation 5-8 swap width and height)."""
    w, h = img.size
    try:
        orientation = img.getexif().get(0x0112, 1)
    except Exception:  # malformed EXIF: ignore, decoding will tell
        orientation = 1
    return (h, w) if orientation in (5, 6, 7, 8) else (w, h)


def decode(data: bytes | Image.Image | np.ndarray) -> DecodedImage:
    """Decode `data` to RGB, refusing bombs, truncated files and non-images with ImageRejected."""
    scale = 1.0
    if isinstance(data, np.ndarray):
        arr = data
        if arr.ndim == 2:
            arr = np.stack([arr] * 3, axis=-1)
        if arr.ndim != 3 or arr.shape[2] not in (3, 4):
            raise ImageRejected("not_an_image", "array shape")
        _check_size(arr.shape[1], arr.shape[0])
        rgb = np.ascontiguousarray(arr[:, :, :3].astype(np.uint8, copy=False))
        width, height = rgb.shape[1], rgb.shape[0]
    else:
        if isinstance(data, Image.Image):
            img = data
        elif isinstance(data, bytes | bytearray | memoryview):
            if len(data) == 0:
                raise ImageRejected("not_an_image", "empty")
            img = _open_bytes(bytes(data))
        else:
            raise TypeError("analyze_image expects bytes, a PIL image or a numpy array")
        width, height = _oriented_size(img)
        _check_size(width, height)
        if img.format == "JPEG" and max(width, height) > 2 * WORK_MAX_SIDE:
            # DCT-domain downscaling while decoding: a 12 MP JPEG decodes ~4x faster.
            img.draft("RGB", (width // 2, height // 2))
        rgb = _to_rgb_array(img)
        scale = width / rgb.shape[1]
    work, work_scale = _downscale(rgb)
    return DecodedImage(rgb, width, height, scale, work, work_scale * scale)


def _downscale(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    side = max(h, w)
    if side <= WORK_MAX_SIDE:
        return rgb, 1.0
    import cv2  # local: keeps `import maya_desktop.core.analysis` light

    f = WORK_MAX_SIDE / side
    small = cv2.resize(rgb, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    return small, w / small.shape[1]
