"""Photo import of real phone-style photos vs Pillow open + save of the same file (prints JSON).

The photos are made from a real face photo upscaled to 12 MP (tests/phone_photos.py): EXIF rotation + GPS
+ sRGB ICC profile (JPEG and HEIC), the same with a Display-P3 profile, and a bare JPEG without metadata.
Samples are interleaved (baseline, ours, baseline, ours...) and both write to disk and fsync:
- baseline: Pillow open + full decode + JPEG save (quality as ours) to a file;
- ours: `photos.import_photo` without analysis (clean + thumbnail + encrypt + two fsync'd blobs + DB rows).

Run: .venv/bin/python bench/photo_import.py [--photo PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from maya_desktop.core import crypto, photos
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import records
from tests.phone_photos import display_p3_icc, phone_photo, srgb_icc

REPO = Path(__file__).resolve().parents[1]
PHOTO_CANDIDATES = (
    REPO / "tests" / "photos" / "obama.jpg",
    REPO.parent / "shared" / "faces" / "obama.jpg",
    Path("/work/shared/faces/obama.jpg"),
)
DEFAULT_PHOTO = next((p for p in PHOTO_CANDIDATES if p.exists()), PHOTO_CANDIDATES[1])


def pillow_open_save(data: bytes, target: Path) -> None:
    image = Image.open(io.BytesIO(data))
    image.load()
    with open(target, "wb") as out:
        image.save(out, "JPEG", quality=photos.JPEG_QUALITY)
        out.flush()
        os.fsync(out.fileno())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photo", type=Path, default=DEFAULT_PHOTO)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    cases = {
        "jpeg_phone_srgb": phone_photo(args.photo, icc=srgb_icc()),
        "jpeg_no_metadata": phone_photo(args.photo, icc=None, metadata=False),
        "jpeg_phone_display_p3": phone_photo(args.photo, icc=display_p3_icc()),
        "heic_phone_srgb": phone_photo(args.photo, icc=srgb_icc(), fmt="HEIC"),
        "heic_phone_display_p3": phone_photo(args.photo, icc=display_p3_icc(), fmt="HEIC"),
    }
    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="maya-bench-") as tmp:
        session = create_demo_clinic(Path(tmp) / "clinic", "Bench-Password-42!", clients=1)
        order = records.create_order(session, 1, "rhinoplasty_analysis")
        target = Path(tmp) / "baseline.jpg"
        for name, data in cases.items():
            pillow_open_save(data, target)  # warm up both
            photos.import_photo(session, order.id, data, run_analysis=False)
            base, ours = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                pillow_open_save(data, target)
                base.append(time.perf_counter() - t)
                t = time.perf_counter()
                photos.import_photo(session, order.id, data, run_analysis=False)
                ours.append(time.perf_counter() - t)
            b, o = statistics.median(base), statistics.median(ours)
            result[name] = {
                "input_bytes": len(data),
                "pillow_open_save_ms": round(b * 1000, 1),
                "import_photo_ms": round(o * 1000, 1),
                "ratio": round(o / b, 2),
            }
        session.vault.close()
    result["goal"] = "phone JPEG <= 1.3x; no metadata <= 1.27x; Display-P3 converted to sRGB"
    result["repeat"] = args.repeat
    print(json.dumps({"photo_import": result}, indent=1))


if __name__ == "__main__":
    main()
