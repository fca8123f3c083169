"""Phone-style test photos made from a real photo: 12 MP, EXIF rotation + GPS, an ICC profile (sRGB or
Display-P3, as iPhones write), JPEG or HEIC. Shared by tests/orders and bench/photo_import.py.

No P3 profile ships with Pillow or the system, so `display_p3_icc()` builds a minimal ICC v2 matrix/TRC
profile (the published Display-P3 primaries adapted to D50, the sRGB tone curve).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageCms

PHONE_SIZE = (4000, 3000)  # 12 MP, stored landscape with "rotate 90" in EXIF like a portrait phone shot


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)


def _srgb_curve() -> bytes:
    points = []
    for i in range(1024):
        v = i / 1023
        linear = v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        points.append(round(linear * 65535))
    return b"curv" + b"\0" * 4 + struct.pack(">I", len(points)) + struct.pack(f">{len(points)}H", *points)


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_text)) + ascii_text + b"\0" * 12 + b"\0" * 67


def display_p3_icc() -> bytes:
    curve = _srgb_curve()
    tags = [
        (b"desc", _desc("Display P3")),
        (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test profile\0"),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.5151, 0.2412, -0.0011)),
        (b"gXYZ", _xyz(0.2920, 0.6922, 0.0419)),
        (b"bXYZ", _xyz(0.1571, 0.0666, 0.7841)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        while (offset + len(body)) % 4:
            body += b"\0"
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"none"
        + bytes([2, 0x40, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"APPL"
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 8
        + b"\0" * 4
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\0" * 4
        + b"\0" * 16
        + b"\0" * 28
    )
    assert len(header) == 128, len(header)
    return header + struct.pack(">I", len(tags)) + table + body


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_exif(image: Image.Image, orientation: int = 6) -> bytes:
    exif = image.getexif()
    exif[0x0112] = orientation  # 6: the camera was held upright, the pixels lie on their side
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    gps = {1: "N", 2: (35.0, 41.0, 21.5), 3: "E", 4: (51.0, 23.0, 19.2)}
    exif[0x8825] = gps
    return exif.tobytes()


def phone_photo(
    source: Path, *, icc: bytes | None, fmt: str = "JPEG", metadata: bool = True, orientation: int = 6
) -> bytes:
    """A 12 MP phone-style photo upscaled from the real photo `source`."""
    image = Image.open(source).convert("RGB").resize(PHONE_SIZE, Image.Resampling.BICUBIC)
    out = io.BytesIO()
    options: dict = {"quality": 92}
    if metadata:
        options["exif"] = phone_exif(image, orientation)
    if icc:
        options["icc_profile"] = icc
    image.save(out, "HEIF" if fmt == "HEIC" else fmt, **options)
    return out.getvalue()
