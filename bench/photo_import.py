"""Photo import of real phone-style photos vs Pillow open + save of the same file (prints JSON).

The photos are made from a real face photo upscaled to 12 MP (tests/phone_photos.py): EXIF rotation + GPS
+ sRGB ICC profile (JPEG and HEIC), the same with a Display-P3 profile, and a bare JPEG without metadata.
Samples are interleaved (baseline, ours, baseline, ours...) and both write to disk and fsync:
- baseline: Pillow open + full decode + JPEG save (quality as ours) to a file;
- ours: `photos.import_photo` without analysis (clean + thumbnail + encrypt + two fsync'd blobs + DB rows),
  with today's cleaning ("new") and with the cleaning as it was before issue 17 ("legacy", copied below:
  a new ICC transform per photo and a converted copy, exif_transpose, the thumbnail after the encode).

Each case reports the medians and their ratio, and the paired ratio: the median over rounds of (ours / the
Pillow sample taken just before it), which a machine busy with other work disturbs less.

Run: .venv/bin/python bench/photo_import.py [--photo PATH] [--repeat 5] [--only jpeg] [--no-legacy]
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

from PIL import Image, ImageCms, ImageOps

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


def legacy_clean_photo(data: bytes, **_: object) -> photos.CleanPhoto:
    """photos.clean_photo before issue 17 (the baseline of this change)."""
    img = photos._open_checked(data)
    img.load()
    ImageOps.exif_transpose(img, in_place=True)
    icc = img.info.get("icc_profile")
    if icc and img.mode in ("RGB", "RGBA"):
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        img = ImageCms.profileToProfile(img, source, ImageCms.createProfile("sRGB"), outputMode=img.mode) or img
    img = img if img.mode == "RGB" else img.convert("RGB")
    img.info.clear()
    out = io.BytesIO()
    img.save(out, "JPEG", quality=photos.JPEG_QUALITY)
    return photos.CleanPhoto(out.getvalue(), photos.make_thumbnail(img), img.width, img.height, img)


def import_with(clean, session, order_id: int, data: bytes) -> None:  # type: ignore[no-untyped-def]
    saved = photos.clean_photo
    photos.clean_photo = clean
    try:
        photos.import_photo(session, order_id, data, run_analysis=False)
    finally:
        photos.clean_photo = saved


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
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--no-legacy", action="store_true", help="skip the pre-issue-17 cleaning")
    args = parser.parse_args()
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    cases = {
        "jpeg_phone_srgb": phone_photo(args.photo, icc=srgb_icc()),
        "jpeg_phone_srgb_upright": phone_photo(args.photo, icc=srgb_icc(), orientation=1),
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
        new_clean = photos.clean_photo
        for name, data in cases.items():
            if args.only not in name:
                continue
            runs = {
                "pillow": lambda d=data: pillow_open_save(d, target),
                "legacy": lambda d=data: import_with(legacy_clean_photo, session, order.id, d),
                "new": lambda d=data: import_with(new_clean, session, order.id, d),
            }
            if args.no_legacy:
                del runs["legacy"]
            for run in runs.values():  # warm up
                run()
            samples: dict[str, list[float]] = {code: [] for code in runs}
            for _ in range(args.repeat):
                for code, run in runs.items():
                    t = time.perf_counter()
                    run()
                    samples[code].append(time.perf_counter() - t)
            b = statistics.median(samples["pillow"])
            row: dict = {"input_bytes": len(data), "pillow_open_save_ms": round(b * 1000, 1)}
            for code in (c for c in ("legacy", "new") if c in runs):
                ours = samples[code]
                row[f"{code}_import_photo_ms"] = round(statistics.median(ours) * 1000, 1)
                row[f"{code}_ratio"] = round(statistics.median(ours) / b, 2)
                paired = [o / p for o, p in zip(ours, samples["pillow"], strict=True)]
                row[f"{code}_paired_ratio"] = round(statistics.median(paired), 2)
            result[name] = row
        session.vault.close()
    result["goal"] = "phone JPEG <= 1.3x; no metadata <= 1.27x; Display-P3 converted to sRGB"
    result["repeat"] = args.repeat
    print(json.dumps({"photo_import": result}, indent=1))


if __name__ == "__main__":
    main()
