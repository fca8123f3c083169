"""Benchmark of the orders pipeline; prints JSON.

1. Import of a 12 MP JPEG (made in memory by upscaling a real photo): decode + orientation + strip
   + re-encode + thumbnail + encrypt, against plain Pillow decode + save of the same file at the
   same JPEG quality (goal ≤ 1.3x). The full `import_photo` (with fsync'd files and the DB rows) is
   reported as well.
2. Destruction of an order with 20 photos (goal < 1 s).

Usage: python bench/orders.py [--photo PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from shared_photos import SHARED_FACES, require

from maya_desktop.core import blobstore, crypto, photos
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import destruction, records

DEFAULT_PHOTO = SHARED_FACES / "obama.jpg"


def make_12mp_jpeg(path: Path) -> bytes:
    src = Image.open(path).convert("RGB")
    big = src.resize((3000, 4000), Image.Resampling.BICUBIC)  # 12.0 MP
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92)
    return out.getvalue()


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def baseline(data: bytes) -> None:
    img = Image.open(io.BytesIO(data))
    img.load()
    img.save(io.BytesIO(), "JPEG", quality=photos.JPEG_QUALITY)


def ours_in_memory(data: bytes, key: bytes) -> None:
    clean = photos.clean_photo(data)
    blobstore.encrypt_bytes(key, b"aad-photo", clean.jpeg)
    blobstore.encrypt_bytes(key, b"aad-thumb", clean.thumb_jpeg)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photo", type=Path, default=DEFAULT_PHOTO)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    require(args.photo)
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # logins are not measured

    data = make_12mp_jpeg(args.photo)
    key = crypto.random_key()
    baseline(data)  # warm up
    ours_in_memory(data, key)
    t_base = timed(lambda: baseline(data), args.repeat)
    t_ours = timed(lambda: ours_in_memory(data, key), args.repeat)

    root = Path(tempfile.mkdtemp(prefix="maya-bench-")) / "clinic"
    try:
        session = create_demo_clinic(root, "Bench-Password-42!", clients=1)
        order = records.create_order(session, 1, "rhinoplasty_analysis")
        t_import = timed(lambda: photos.import_photo(session, order.id, data, run_analysis=False), args.repeat)
        victim = records.create_order(session, 1, "rhinoplasty_analysis")
        for _ in range(20):
            photos.import_photo(session, victim.id, data, run_analysis=False)
        files = len(list(session.vault.data_dir.blobs.iterdir()))
        start = time.perf_counter()
        receipt = destruction.destroy_order_now(session, victim.id)
        t_destroy = time.perf_counter() - start
        session.vault.close()
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)

    result = {
        "jpeg_12mp": {
            "megapixels": 12.0,
            "input_bytes": len(data),
            "baseline_decode_save_s": round(t_base, 4),
            "ours_decode_strip_thumb_encrypt_s": round(t_ours, 4),
            "ratio": round(t_ours / t_base, 3),
            "goal_ratio": 1.3,
            "full_import_photo_with_fsync_and_db_s": round(t_import, 4),
        },
        "destroy_order_20_photos": {
            "files_destroyed": len(receipt.files),
            "files_in_folder_before": files,
            "seconds": round(t_destroy, 4),
            "goal_s": 1.0,
        },
        "python": sys.version.split()[0],
        "pillow": Image.__version__,
        "repeat": args.repeat,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
