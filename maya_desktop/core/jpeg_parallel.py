"""One JPEG encoded in horizontal bands on two threads, each band converted and oriented on its way.

A photo that has to be re-encoded (turned upright by its EXIF orientation, or converted from Display-P3)
cost a decode, a colour pass, a full-size transpose and a single-threaded encode. Here the *output* is cut
into bands of whole MCU rows; each band is cropped from the source, converted (in place, LittleCMS),
transposed and encoded by Pillow on a pool thread (all of it without the GIL), and the bands' scans are
joined into one baseline JPEG: every band is encoded with a restart marker after each MCU row, so a band
boundary is just one more restart (the DC predictors start afresh there, as the standard says), and the
restart markers of later bands are renumbered to continue the 0..7 cycle. The frame header gets the full
height. The pixels decode exactly as those of a one-piece encode with the same settings.

Returns None when a band's headers differ from the first band's (they never should: standard Huffman
tables, same quality): the caller then encodes in one piece.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageCms

from maya_desktop.core.colour import dest_box

MCU = 16  # rows of one MCU row with 4:2:0 chroma subsampling (Pillow's default for RGB)
BANDS = 4  # on BAND_THREADS threads: a slower band does not hold the other thread idle
BAND_THREADS = 2
_BAND_POOL = ThreadPoolExecutor(max_workers=BAND_THREADS, thread_name_prefix="maya-jpeg-band")
_RST = re.compile(rb"\xff[\xd0-\xd7]")
_ROTATING = (
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_270,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
)


def oriented_size(size: tuple[int, int], method: Image.Transpose | None) -> tuple[int, int]:
    return (size[1], size[0]) if method in _ROTATING else size


def source_box(
    method: Image.Transpose | None, size: tuple[int, int], top: int, bottom: int
) -> tuple[int, int, int, int]:
    """The region of the source (of `size`) that becomes the output rows [top, bottom) once transposed."""
    w, h = size
    if method in _ROTATING:
        candidates = [(top, 0, bottom, h), (w - bottom, 0, w - top, h)]
    else:
        candidates = [(0, top, w, bottom), (0, h - bottom, w, h - top)]
    for box in candidates:
        if dest_box(method, size, box) == (0, top):
            return box
    raise ValueError(f"no source region for rows {top}-{bottom}")  # unreachable for the 8 transposes


def _band_rows(height: int, bands: int) -> list[tuple[int, int]]:
    mcu_rows = -(-height // MCU)
    cuts = sorted({min(height, round(i * mcu_rows / bands) * MCU) for i in range(bands + 1)})
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _renumber(offset: int) -> Callable[[re.Match[bytes]], bytes]:
    """Restart marker n of a later band becomes n + offset (mod 8): the cycle goes on across bands."""

    def shift(marker: re.Match[bytes]) -> bytes:
        return bytes([0xFF, 0xD0 + (marker.group()[1] - 0xD0 + offset) % 8])

    return shift


def _split(jpeg: bytes) -> tuple[bytes, bytes, int]:
    """(headers up to and including the scan header, the scan's coded data, the frame header's offset)."""
    sof = jpeg.find(b"\xff\xc0")
    sos = jpeg.find(b"\xff\xda")
    if sof < 0 or sos < 0 or not jpeg.endswith(b"\xff\xd9"):
        raise ValueError("unexpected JPEG from the encoder")
    scan_start = sos + 2 + int.from_bytes(jpeg[sos + 2 : sos + 4], "big")
    return jpeg[:scan_start], jpeg[scan_start:-2], sof


def encode_oriented(
    img: Image.Image,
    transform: ImageCms.ImageCmsTransform | None,
    method: Image.Transpose | None,
    quality: int,
    bands: int = BANDS,
) -> bytes | None:
    """`img` (RGB) converted with `transform`, transposed by `method` and encoded, as JPEG bytes; None when
    the bands could not be joined (encode in one piece then). `img` itself is not changed."""
    out_w, out_h = oriented_size(img.size, method)
    rows = _band_rows(out_h, bands)

    def band(top: int, bottom: int) -> bytes:
        piece = img.crop(source_box(method, img.size, top, bottom))
        if transform is not None:
            ImageCms.applyTransform(piece, transform, inPlace=True)
        if method is not None:
            piece = piece.transpose(method)
        piece.info.clear()  # nothing of the source's metadata reaches the encoder
        buffer = io.BytesIO()
        piece.save(buffer, "JPEG", quality=quality, subsampling="4:2:0", restart_marker_rows=1)
        return buffer.getvalue()

    encoded = [f.result() for f in [_BAND_POOL.submit(band, a, b) for a, b in rows]]
    parts = [_split(jpeg) for jpeg in encoded]
    head, _, sof = parts[0]
    joined: list[bytes] = []
    done_rows = 0  # MCU rows already written: the next restart marker is RST(done_rows - 1) mod 8
    for (a, b), (band_head, scan, band_sof) in zip(rows, parts, strict=True):
        if band_head[:band_sof] != head[:sof] or band_head[band_sof + 7 :] != head[sof + 7 :]:
            return None  # different tables or frame (never expected): the caller encodes in one piece
        if done_rows:
            joined.append(bytes([0xFF, 0xD0 + (done_rows - 1) % 8]))
            scan = _RST.sub(_renumber(done_rows), scan)
        joined.append(scan)
        done_rows += -(-(b - a) // MCU)
    # the frame header: FF C0, length (2), precision (1), height (2), width (2)
    frame = head[: sof + 5] + out_h.to_bytes(2, "big") + head[sof + 7 :]
    if int.from_bytes(frame[sof + 7 : sof + 9], "big") != out_w:
        return None
    return frame + b"".join(joined) + b"\xff\xd9"
