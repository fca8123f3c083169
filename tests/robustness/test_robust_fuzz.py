"""Bad inputs: 1,000 damaged, disguised or hostile files generated from real photos, through the import.

Each case goes through `core.photos.import_photos` (validation, decode, re-encode, encryption, rows).
Every case must be refused with a clear reason (ValidationError, fa + en) or, for a harmless bit flip
or trailing junk that still decodes, accepted cleanly (a fresh JPEG without the junk). No other
exception, and nothing half-stored.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections import Counter
from pathlib import Path

from PIL import Image

from maya_desktop.core import audit, blobstore, photos
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.orders import records
from maya_desktop.core.orders.keys import order_key

MARKER = b"<script>alert('maya-fuzz')</script>"
SEED = 20250301


def _encode(img: Image.Image, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **kw)
    return out.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_header_only(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IEND", b"")


def _jpeg_with_size(jpeg: bytes, width: int, height: int) -> bytes:
    """The same JPEG with its frame header (SOF0/SOF2) claiming another size; the scan data is unchanged."""
    data = bytearray(jpeg)
    for marker in (b"\xff\xc0", b"\xff\xc2"):
        at = data.find(marker)
        if at > 0:
            struct.pack_into(">HH", data, at + 5, height, width)
            return bytes(data)
    raise AssertionError("no SOF marker")


def _webp_header_only(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little")
    vp8x += (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


def generate_cases(seeds: list[Image.Image], count: int = 1000) -> list[tuple[str, str, bytes]]:
    """(category, label, bytes). Deterministic (seeded)."""
    rng = random.Random(SEED)
    bases = []
    for img in seeds:
        bases += [
            ("jpg", _encode(img, "JPEG", quality=85)),
            ("jpg", _encode(img, "JPEG", quality=80, progressive=True)),
            ("png", _encode(img, "PNG")),
            ("webp", _encode(img, "WEBP", quality=80)),
        ]
    cases: list[tuple[str, str, bytes]] = []

    def add(category: str, label: str, data: bytes) -> None:
        cases.append((category, label, data))

    # structured cases first (always present), then random ones up to `count`
    jpeg = bases[0][1]
    for w, h in ((100_000, 100_000), (65_535, 65_535), (16_385, 100), (8_000, 8_001), (20_000, 20_000)):
        add("huge", f"bomb-{w}x{h}.png", _png_header_only(w, h))
        add("huge", f"bomb-{w}x{h}.webp", _webp_header_only(min(w, 16_383), min(h, 16_383)))
        add("huge", f"bomb-{w}x{h}.jpg", _jpeg_with_size(jpeg, min(w, 65_535), min(h, 65_535)))
    for size in (0, 1, 2, 3, 16, 1024, 70_000):
        add("zero", f"zeros-{size}.jpg", b"\x00" * size)
    for size in (1, 64, 4096, 50_000):
        add("zero", f"random-{size}.jpg", rng.randbytes(size))
    img = seeds[0]
    others = {
        "gif": _encode(img, "GIF"),
        "bmp": _encode(img, "BMP"),
        "tiff": _encode(img, "TIFF"),
        "ico": _encode(img.resize((64, 64)), "ICO"),
        "pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        "zip": b"PK\x03\x04" + rng.randbytes(200),
        "html": b"<!doctype html><html><body>" + MARKER + b"</body></html>",
        "svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="99" height="99"/></svg>',
        "exe": b"MZ\x90\x00" + rng.randbytes(500),
        "elf": b"\x7fELF\x02\x01\x01" + rng.randbytes(500),
        "heic-brand-only": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
    }
    for name, data in others.items():
        for ext in ("jpg", "png", "heic", "webp"):
            add("wrong_ext", f"{name}-as.{ext}", data)
    polyglots = {
        "jpeg+zip": jpeg + b"PK\x03\x04" + MARKER + rng.randbytes(300),
        "jpeg+html": jpeg + MARKER,
        "png+html": bases[2][1] + MARKER,
        "webp+junk": bases[3][1] + MARKER,
        "gif-header+jpeg": b"GIF89a" + jpeg,
        "pdf-header+jpeg": b"%PDF-1.4\n" + jpeg,
        "zip+jpeg": b"PK\x03\x04" + rng.randbytes(64) + jpeg,
        "jpeg-comment-script": jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(MARKER) + 2) + MARKER + jpeg[2:],
        "html+jpeg": MARKER + jpeg,
    }
    for name, data in polyglots.items():
        for ext in ("jpg", "png", "html"):
            add("polyglot", f"{name}.{ext}", data)

    while len(cases) < count:
        ext, base = rng.choice(bases)
        roll = rng.random()
        if roll < 0.35:
            cut = rng.choice([rng.randrange(1, 64), rng.randrange(1, len(base)), len(base) - rng.randrange(1, 64)])
            add("truncated", f"cut{cut}.{ext}", base[:cut])
        elif roll < 0.85:
            data = bytearray(base)
            for _ in range(rng.choice((1, 1, 2, 4, 16))):
                at = rng.randrange(len(data))
                data[at] ^= 1 << rng.randrange(8)
            add("bitflip", f"flip.{ext}", bytes(data))
        else:
            wrong = rng.choice([e for e in ("jpg", "png", "webp", "heic", "gif") if e != ext])
            add("wrong_ext", f"real-{ext}-as.{wrong}", base)
    return cases[:count]


def test_fuzz_corpus_is_refused_or_accepted_cleanly_never_crashes(clinic, faces: Path) -> None:
    seeds = []
    for name in ("obama.jpg", "profile_left_cameraman.jpg", "astronaut.png"):
        with Image.open(faces / name) as img:
            seeds.append(img.convert("RGB").resize((128, 128)))
    cases = generate_cases(seeds)
    assert len(cases) == 1000
    session = clinic.reception
    order_id = records.create_order(session, 1, "rhinoplasty_analysis").id
    outcomes: Counter[str] = Counter()
    by_category: Counter[tuple[str, str]] = Counter()
    reasons: Counter[str] = Counter()
    crashes: list[str] = []
    for category, label, data in cases:
        try:
            (progress,) = list(photos.import_photos(session, order_id, [(label, data)], run_analysis=False))
        except Exception as exc:  # anything other than a refusal is a crash
            crashes.append(f"{category}/{label}: {type(exc).__name__}")
            outcomes["crash"] += 1
            continue
        if progress.error is not None:
            assert isinstance(progress.error, ValidationError), label
            assert progress.error.message_en and progress.error.message_fa != progress.error.message_en
            reasons[progress.error.message_en] += 1
            outcomes["refused"] += 1
            by_category[(category, "refused")] += 1
        else:
            outcomes["accepted"] += 1
            by_category[(category, "accepted")] += 1
    print(f"\nfuzz: {len(cases)} cases, {dict(outcomes)}")
    for key in sorted(by_category):
        print(f"  {key[0]:10s} {key[1]:9s} {by_category[key]}")
    for reason, n in reasons.most_common():
        print(f"  refused x{n}: {reason}")
    assert crashes == []
    for category in ("huge", "zero", "truncated"):
        assert by_category[(category, "accepted")] == 0 or category == "truncated"
    assert by_category[("huge", "refused")] == 15 and by_category[("zero", "refused")] == 11

    # Nothing half-stored: every photo row has both files, every file is registered and decrypts to a clean JPEG.
    conn = session.conn
    folder = session.vault.data_dir.blobs
    rows = conn.execute("SELECT file_id, thumb_file_id FROM photos WHERE order_id = ?", (order_id,)).fetchall()
    assert len(rows) == outcomes["accepted"]
    assert conn.execute("SELECT files_count FROM orders WHERE id = ?", (order_id,)).fetchone()[0] == len(rows)
    registered = {r[0] for r in conn.execute("SELECT file_id FROM order_files")}
    assert registered == {f for row in rows for f in row}
    assert {p.name for p in folder.iterdir()} == registered  # no orphan, no temporary file
    key = order_key(conn, order_id)
    for file_id, _ in rows:
        stored = blobstore.read_blob(folder, key, order_id, file_id, "photo")
        assert stored.startswith(b"\xff\xd8\xff") and MARKER not in stored and b"Exif" not in stored[:64]
        with Image.open(io.BytesIO(stored)) as img:
            img.load()
    assert audit.verify(conn).ok
