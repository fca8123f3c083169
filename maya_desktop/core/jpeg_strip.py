"""Lossless metadata removal from a JPEG: keep the coded picture, drop every other segment.

An upright sRGB (or untagged) phone JPEG needs no new pixels: re-encoding it only costs time (as much as
its decode) and a generation of quality. `strip_jpeg` copies the segments that code the picture (frame,
quantisation and Huffman tables, restart interval, scans) and drops everything else: all APPn segments
(JFIF with its thumbnail, EXIF with GPS and its thumbnail, XMP, ICC, MPF, IPTC/Photoshop, maker data), comments
and whatever follows the end of the picture (the other images of an MPO, phone trailers). A fresh
minimal JFIF header (no thumbnail; what Pillow's encoder writes) is put first.

Anything unusual returns None and the caller re-encodes as before: progressive, arithmetic, lossless or
hierarchical coding, a precision other than 8 bits, other than 1 or 3 components, an Adobe segment (its colour
transform would be lost), 3 components whose colour space rests on component ids other than 1, 2, 3,
a DNL segment, a marker out of place or a segment running past the end of the data.
"""

from __future__ import annotations

import re

_JFIF = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"  # v1.1, aspect 1:1, no thumbnail
# Baseline and extended sequential Huffman: what phones write. Progressive photos are re-encoded, so that
# every stored photo is sequential (the viewer's zoom tiles decode a region line by line; core.photos).
_SOF_KEPT = frozenset({0xC0, 0xC1})
_TABLES_KEPT = frozenset({0xC4, 0xDB, 0xDD})  # DHT, DQT, DRI
# Inside a scan only stuffed 0xFF00 bytes and restart markers may appear; any other marker ends it.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7]")


def strip_jpeg(data: bytes) -> bytes | None:
    """`data` without any metadata, the coded picture byte for byte; None when it cannot be done safely."""
    if data[:2] != b"\xff\xd8":
        return None
    view = memoryview(data)
    kept: list[memoryview | bytes] = [b"\xff\xd8", _JFIF]
    jfif = frame = scans = False
    pos, end = 2, len(data)
    while True:
        if pos + 2 > end or data[pos] != 0xFF:
            return None
        while pos + 1 < end and data[pos + 1] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos + 2 > end:
            return None
        marker = data[pos + 1]
        if marker == 0xD9:  # end of the picture: anything after it is dropped
            kept.append(b"\xff\xd9")
            break
        if pos + 4 > end:
            return None
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        seg_end = pos + 2 + length
        if length < 2 or seg_end > end:
            return None
        body = view[pos + 4 : seg_end]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn and comments: all dropped
            if marker == 0xEE and bytes(body[:5]) == b"Adobe":
                return None
            jfif = jfif or (marker == 0xE0 and bytes(body[:5]) == b"JFIF\x00")
        elif marker in _SOF_KEPT:
            if frame or not _frame_ok(bytes(body), jfif):
                return None
            frame = True
            kept.append(view[pos:seg_end])
        elif marker in _TABLES_KEPT:
            kept.append(view[pos:seg_end])
        elif marker == 0xDA:  # a scan: its header, then the coded data up to the next marker
            if not frame:
                return None
            found = _SCAN_END.search(data, seg_end)
            if found is None:
                return None
            kept.append(view[pos : found.start()])
            scans = True
            pos = found.start()
            continue
        else:  # arithmetic coding, lossless, hierarchical, DNL, stray restart markers...
            return None
        pos = seg_end
    return b"".join(kept) if frame and scans else None


def _frame_ok(body: bytes, jfif: bool) -> bool:
    if len(body) < 6 or body[0] != 8:
        return False
    components = body[5]
    if components not in (1, 3) or len(body) != 6 + 3 * components:
        return False
    # Our fresh JFIF header says "YCbCr" for 3 components; true when the source said so too, or when
    # its component ids 1, 2, 3 make decoders assume it (ids 'R', 'G', 'B' would mean RGB).
    ids = tuple(body[6 + 3 * i] for i in range(components))
    return components == 1 or jfif or ids == (1, 2, 3)
